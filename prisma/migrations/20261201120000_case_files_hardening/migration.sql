-- Case codes are unique per cases repository, not across all of them: a
-- second cases repository starts its own COC-<year>-0001.
ALTER TABLE "cases" ADD COLUMN "cases_scope" TEXT;
UPDATE "cases" SET "cases_scope" = lower("cases_owner" || '/' || "cases_repo");
ALTER TABLE "cases" ALTER COLUMN "cases_scope" SET NOT NULL;
DROP INDEX "cases_code_key";
CREATE UNIQUE INDEX "cases_cases_scope_code_key" ON "cases"("cases_scope", "code");
CREATE INDEX "cases_code_idx" ON "cases"("code");

-- Set just before an action sends a create that GitHub might carry out even
-- if its answer is lost; a later attempt then looks before it creates again.
ALTER TABLE "actions" ADD COLUMN "write_started_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "notice_boards" (
    "scope" TEXT NOT NULL,
    "issue_number" INTEGER,
    "create_started_at" TIMESTAMP(3),

    CONSTRAINT "notice_boards_pkey" PRIMARY KEY ("scope")
);

-- An edit history is read after the content is hidden, so it is unknown
-- (null) for a moment after the report is recorded.
ALTER TABLE "evidence" ALTER COLUMN "edit_history" DROP NOT NULL;

-- Short-lived answers from GitHub (configuration files, permissions, team
-- memberships, repository visibility), shared by every replica, so that a
-- webhook that invalidates one on any replica is seen by all.
CREATE TABLE "github_cache" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "github_cache_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "github_cache_expires_at_idx" ON "github_cache"("expires_at");
