/**
 * Takes in a webhook delivery at most once: GitHub may redeliver the same
 * `x-github-delivery`, and a redelivery must change nothing.
 *
 * Recording the delivery and queueing its job is one SQL statement, so it is
 * atomic without an interactive transaction: a burst of webhooks never waits
 * to start a transaction (Prisma gives up after its `maxWait` and the webhook
 * would get a 500, which GitHub does not redeliver by itself), and each
 * delivery costs one round trip to the database.
 */
import type { JobSpec } from "../actions/job-queue.js";
import { addJobCall } from "./add-job-sql.js";
import type { Database, Transaction } from "./database.js";

/** @returns true when this delivery is new and its job was queued; false for a redelivery */
export async function takeDelivery(db: Database, delivery: { id: string; event: string }, job: JobSpec): Promise<boolean> {
  // Two copies of one delivery arriving together: the second INSERT waits for the
  // first to commit, then claims nothing, so its add_job never runs.
  const queued = await db.$queryRaw<Array<{ id: bigint }>>`
    WITH claimed AS (
      INSERT INTO deliveries (id, event) VALUES (${delivery.id}, ${delivery.event})
      ON CONFLICT (id) DO NOTHING
      RETURNING id
    )
    SELECT job.id FROM claimed, LATERAL ${addJobCall(job)} AS job`;
  return queued.length === 1;
}

/**
 * Claims a delivery key inside the caller's transaction: true the first time, false ever after. A
 * copy arriving meanwhile waits for this transaction, then claims nothing. Keys other than the plain
 * delivery id (`<id>:ban-enforcement`) let one delivery be taken in by two handlers once each.
 */
export async function claimDelivery(tx: Transaction, delivery: { id: string; event: string }): Promise<boolean> {
  const claimed = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO deliveries (id, event) VALUES (${delivery.id}, ${delivery.event})
    ON CONFLICT (id) DO NOTHING
    RETURNING id`;
  return claimed.length === 1;
}
