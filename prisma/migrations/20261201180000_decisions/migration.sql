-- Decisions by consensus: proposals, the committee's votes on them, and when a case was decided and closed.
ALTER TABLE "cases" ADD COLUMN "decided_at" TIMESTAMP(3);
ALTER TABLE "cases" ADD COLUMN "closed_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "proposals" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "outcome" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "proposer" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMP(3),

    CONSTRAINT "proposals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "votes" (
    "proposal_id" UUID NOT NULL,
    "login" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "reason" TEXT,
    "cast_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "votes_pkey" PRIMARY KEY ("proposal_id","login")
);

-- CreateIndex
CREATE INDEX "proposals_case_id_idx" ON "proposals"("case_id");

-- AddForeignKey
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "votes" ADD CONSTRAINT "votes_proposal_id_fkey" FOREIGN KEY ("proposal_id") REFERENCES "proposals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
