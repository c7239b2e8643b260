-- The committee's process: a case moves from new to acknowledged, a proposed decision, decided and closed.
ALTER TABLE "cases" ALTER COLUMN "state" DROP DEFAULT;
ALTER TABLE "cases" ALTER COLUMN "state" TYPE TEXT USING "state"::TEXT;
DROP TYPE "case_state";
CREATE TYPE "case_state" AS ENUM ('new', 'acknowledged', 'decision_proposed', 'decided', 'closed');
UPDATE "cases" SET "state" = CASE "state" WHEN 'resolved' THEN 'closed' ELSE 'new' END;
ALTER TABLE "cases" ALTER COLUMN "state" TYPE "case_state" USING "state"::"case_state";
ALTER TABLE "cases" ALTER COLUMN "state" SET DEFAULT 'new';

ALTER TABLE "cases" ADD COLUMN "acknowledged_at" TIMESTAMP(3);
ALTER TABLE "cases" ADD COLUMN "acknowledged_by" TEXT;
ALTER TABLE "cases" ADD COLUMN "assignee" TEXT;

-- CreateTable
CREATE TABLE "case_recusals" (
    "case_id" UUID NOT NULL,
    "login" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_recusals_pkey" PRIMARY KEY ("case_id","login")
);

-- CreateTable
CREATE TABLE "case_notes" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "author" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_notes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "case_notes_case_id_idx" ON "case_notes"("case_id");

-- AddForeignKey
ALTER TABLE "case_recusals" ADD CONSTRAINT "case_recusals_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
