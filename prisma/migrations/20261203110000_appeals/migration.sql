-- Appeals: a sanctioned person's appeal of one decision, filed on the appeal page, and its answer.
-- CreateTable
CREATE TABLE "appeals" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "decision_key" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "appellant_id" BIGINT NOT NULL,
    "appellant_login" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "filed_at" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "answered_by" TEXT,
    "answered_at" TIMESTAMP(3),
    "answer_reason" TEXT,
    "answer_outcome" TEXT,
    "answer_terms" TEXT,

    CONSTRAINT "appeals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "appeals_decision_key_key" ON "appeals"("decision_key");

-- CreateIndex
CREATE UNIQUE INDEX "appeals_case_id_number_key" ON "appeals"("case_id", "number");

-- AddForeignKey
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
