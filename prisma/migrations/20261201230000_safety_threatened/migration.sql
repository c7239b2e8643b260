-- AlterTable
ALTER TABLE "cases" ADD COLUMN "safety_threatened" BOOLEAN;
