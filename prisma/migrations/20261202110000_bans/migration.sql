-- Bans: from cases, and organization blocks owners made by hand; and the ban register issue of each cases repository.
-- CreateTable
CREATE TABLE "bans" (
    "id" UUID NOT NULL,
    "case_id" UUID,
    "account" TEXT NOT NULL,
    "subject_login" TEXT NOT NULL,
    "subject_id" BIGINT,
    "reason" TEXT NOT NULL,
    "issued_by" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3),
    "enforcement" TEXT,
    "enforcement_note" TEXT,
    "lifted_at" TIMESTAMP(3),
    "lifted_by" TEXT,
    "lift_reason" TEXT,
    "issue_key" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "bans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ban_registers" (
    "scope" TEXT NOT NULL,
    "issue_number" INTEGER,
    "create_started_at" TIMESTAMP(3),
    "pinned_at" TIMESTAMP(3),

    CONSTRAINT "ban_registers_pkey" PRIMARY KEY ("scope")
);

-- CreateIndex
CREATE UNIQUE INDEX "bans_issue_key_key" ON "bans"("issue_key");
CREATE INDEX "bans_account_subject_login_idx" ON "bans"("account", "subject_login");
CREATE INDEX "bans_account_subject_id_idx" ON "bans"("account", "subject_id");
CREATE INDEX "bans_lifted_at_enforcement_idx" ON "bans"("lifted_at", "enforcement");
CREATE INDEX "bans_updated_at_idx" ON "bans"("updated_at");
CREATE INDEX "bans_case_id_idx" ON "bans"("case_id");

-- AddForeignKey
ALTER TABLE "bans" ADD CONSTRAINT "bans_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
