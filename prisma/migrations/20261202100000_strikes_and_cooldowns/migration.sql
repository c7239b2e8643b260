-- Sanctions: the strike ledger, cooldowns (interaction limits), the terms a decided outcome carries,
-- and cases found by their subject's account (the subject's history in each new case file).
ALTER TABLE "proposals" ADD COLUMN "terms" TEXT;
ALTER TABLE "cases" ADD COLUMN "subject_history" TEXT;

-- CreateTable
CREATE TABLE "strikes" (
    "id" UUID NOT NULL,
    "account" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "subject_login" TEXT NOT NULL,
    "subject_id" BIGINT,
    "case_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "issued_by" TEXT NOT NULL,
    "issued_at" TIMESTAMP(3) NOT NULL,
    "source" TEXT NOT NULL,
    "issue_key" TEXT NOT NULL,
    "voided_at" TIMESTAMP(3),
    "voided_by" TEXT,
    "void_reason" TEXT,

    CONSTRAINT "strikes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cooldowns" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "account" TEXT NOT NULL,
    "repo" TEXT,
    "limit" TEXT NOT NULL,
    "expiry" TEXT NOT NULL,
    "set_by" TEXT NOT NULL,
    "set_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "lifted_at" TIMESTAMP(3),
    "lifted_by" TEXT,
    "refusal" TEXT,
    "issue_key" TEXT NOT NULL,

    CONSTRAINT "cooldowns_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "cases_subject_id_idx" ON "cases"("subject_id");
CREATE UNIQUE INDEX "strikes_issue_key_key" ON "strikes"("issue_key");
CREATE UNIQUE INDEX "strikes_account_number_key" ON "strikes"("account", "number");
CREATE INDEX "strikes_account_subject_id_idx" ON "strikes"("account", "subject_id");
CREATE INDEX "strikes_account_subject_login_idx" ON "strikes"("account", "subject_login");
CREATE INDEX "strikes_case_id_idx" ON "strikes"("case_id");
CREATE UNIQUE INDEX "cooldowns_issue_key_key" ON "cooldowns"("issue_key");
CREATE INDEX "cooldowns_account_repo_idx" ON "cooldowns"("account", "repo");
CREATE INDEX "cooldowns_case_id_idx" ON "cooldowns"("case_id");

-- AddForeignKey
ALTER TABLE "strikes" ADD CONSTRAINT "strikes_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "cooldowns" ADD CONSTRAINT "cooldowns_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
