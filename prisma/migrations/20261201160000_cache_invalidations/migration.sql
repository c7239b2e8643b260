-- The cache only holds answers GitHub gives again: emptying it lets the new
-- column be required without guessing when old answers were asked.
DELETE FROM "github_cache";

-- When each cached answer was asked of GitHub (the database's clock), so an
-- invalidation that came later makes it stale even if it was written after.
ALTER TABLE "github_cache" ADD COLUMN "asked_at" TIMESTAMPTZ(3) NOT NULL;

-- CreateTable
CREATE TABLE "github_cache_invalidations" (
    "prefix" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "github_cache_invalidations_pkey" PRIMARY KEY ("prefix")
);

-- CreateIndex
CREATE INDEX "github_cache_invalidations_at_idx" ON "github_cache_invalidations"("at");
