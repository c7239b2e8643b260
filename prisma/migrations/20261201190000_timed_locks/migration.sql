-- Conversations locked from a case for a time; each unlocks itself when it expires.
CREATE TABLE "timed_locks" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "owner" TEXT NOT NULL,
    "repo" TEXT NOT NULL,
    "issue_number" INTEGER NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "unlocked_at" TIMESTAMP(3),

    CONSTRAINT "timed_locks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "timed_locks_case_id_idx" ON "timed_locks"("case_id");

-- AddForeignKey
ALTER TABLE "timed_locks" ADD CONSTRAINT "timed_locks_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
