-- AlterTable
ALTER TABLE "cases" ADD COLUMN "escalated_at" TIMESTAMP(3),
ADD COLUMN "escalation_reason" TEXT;
