-- Raid sweeps: what each `/coc sweep` hid, kept with its case.
-- CreateTable
CREATE TABLE "swept_content" (
    "case_id" UUID NOT NULL,
    "node_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "login" TEXT NOT NULL,
    "written_at" TIMESTAMP(3) NOT NULL,
    "action_id" UUID NOT NULL,
    "swept_by" TEXT NOT NULL,
    "swept_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "swept_content_pkey" PRIMARY KEY ("case_id","node_id")
);

-- CreateIndex
CREATE INDEX "swept_content_action_id_idx" ON "swept_content"("action_id");

-- AddForeignKey
ALTER TABLE "swept_content" ADD CONSTRAINT "swept_content_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
