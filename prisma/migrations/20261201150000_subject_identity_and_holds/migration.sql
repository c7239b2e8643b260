-- A case's subject by account id (logins change), and cases held while their subject can read the cases repository.
ALTER TABLE "cases" ADD COLUMN "subject_id" BIGINT;
ALTER TABLE "cases" ADD COLUMN "held_at" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "cases_cases_scope_held_at_idx" ON "cases"("cases_scope", "held_at");
