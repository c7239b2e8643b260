-- CreateEnum
CREATE TYPE "case_state" AS ENUM ('open', 'resolved');

-- CreateEnum
CREATE TYPE "action_status" AS ENUM ('pending', 'done', 'failed');

-- CreateTable
CREATE TABLE "deliveries" (
    "id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_counters" (
    "scope" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "case_counters_pkey" PRIMARY KEY ("scope","year")
);

-- CreateTable
CREATE TABLE "cases" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "state" "case_state" NOT NULL DEFAULT 'open',
    "cases_owner" TEXT NOT NULL,
    "cases_repo" TEXT NOT NULL,
    "issue_number" INTEGER,
    "subject_login" TEXT NOT NULL,
    "content_key" TEXT NOT NULL,
    "open_content_key" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reports" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "reporter_login" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "command_url" TEXT NOT NULL,
    "command_key" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence" (
    "id" UUID NOT NULL,
    "report_id" UUID NOT NULL,
    "content_kind" TEXT NOT NULL,
    "node_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "author_login" TEXT NOT NULL,
    "title" TEXT,
    "body" TEXT NOT NULL,
    "content_created_at" TIMESTAMP(3) NOT NULL,
    "content_edited_at" TIMESTAMP(3),
    "edit_history" JSONB NOT NULL,
    "captured_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "actions" (
    "id" UUID NOT NULL,
    "case_id" UUID,
    "kind" TEXT NOT NULL,
    "once_key" TEXT,
    "payload" JSONB NOT NULL,
    "status" "action_status" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMP(3),

    CONSTRAINT "actions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "seq" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "case_id" UUID,
    "detail" JSONB NOT NULL,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "cases_code_key" ON "cases"("code");

-- CreateIndex
CREATE UNIQUE INDEX "cases_open_content_key_key" ON "cases"("open_content_key");

-- CreateIndex
CREATE INDEX "cases_subject_login_idx" ON "cases"("subject_login");

-- CreateIndex
CREATE INDEX "reports_case_id_idx" ON "reports"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "reports_command_key_key" ON "reports"("command_key");

-- CreateIndex
CREATE UNIQUE INDEX "evidence_report_id_key" ON "evidence"("report_id");

-- CreateIndex
CREATE UNIQUE INDEX "actions_once_key_key" ON "actions"("once_key");

-- CreateIndex
CREATE INDEX "actions_status_kind_idx" ON "actions"("status", "kind");

-- CreateIndex
CREATE INDEX "actions_case_id_idx" ON "actions"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "audit_events_hash_key" ON "audit_events"("hash");

-- CreateIndex
CREATE INDEX "audit_events_case_id_idx" ON "audit_events"("case_id");

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
