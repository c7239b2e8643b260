-- Emergency acts that need a second member's sign-off, and when a case was last reopened.
ALTER TABLE "cases" ADD COLUMN "reopened_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "emergency_acts" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "target" JSONB NOT NULL,
    "acted_at" TIMESTAMP(3) NOT NULL,
    "signed_off_at" TIMESTAMP(3),
    "signed_off_by" TEXT,
    "reverted_at" TIMESTAMP(3),

    CONSTRAINT "emergency_acts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "emergency_acts_case_id_idx" ON "emergency_acts"("case_id");

-- AddForeignKey
ALTER TABLE "emergency_acts" ADD CONSTRAINT "emergency_acts_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
