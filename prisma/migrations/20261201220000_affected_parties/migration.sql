-- CreateTable
CREATE TABLE "affected_parties" (
    "case_id" UUID NOT NULL,
    "login" TEXT NOT NULL,
    "added_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "affected_parties_pkey" PRIMARY KEY ("case_id","login")
);

-- AddForeignKey
ALTER TABLE "affected_parties" ADD CONSTRAINT "affected_parties_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
