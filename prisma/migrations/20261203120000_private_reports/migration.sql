-- Private reports: what the report form received, kept before any case is opened from it.
-- CreateTable
CREATE TABLE "private_reports" (
    "id" TEXT NOT NULL,
    "account_id" BIGINT NOT NULL,
    "reporter_login" TEXT NOT NULL,
    "what_happened" TEXT NOT NULL,
    "links" JSONB NOT NULL,
    "happened_when" TEXT NOT NULL,
    "people" TEXT NOT NULL,
    "ongoing" TEXT NOT NULL,
    "in_danger" BOOLEAN NOT NULL,
    "anonymous" BOOLEAN NOT NULL,
    "excluded_logins" JSONB NOT NULL,
    "desired_outcome" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'received',
    "failure" TEXT,
    "case_id" UUID,
    "report_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "filed_at" TIMESTAMP(3),

    CONSTRAINT "private_reports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "private_reports_report_id_key" ON "private_reports"("report_id");

-- CreateIndex
CREATE INDEX "private_reports_account_id_idx" ON "private_reports"("account_id");

-- CreateIndex
CREATE INDEX "private_reports_case_id_idx" ON "private_reports"("case_id");

-- AddForeignKey
ALTER TABLE "private_reports" ADD CONSTRAINT "private_reports_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "private_reports" ADD CONSTRAINT "private_reports_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
