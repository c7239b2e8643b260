/**
 * Takes in a webhook delivery at most once: GitHub may redeliver the same
 * `x-github-delivery`, and a redelivery must change nothing.
 */
import type { Transaction } from "./database.js";

/** @returns true when this delivery is new and should be processed */
export async function claimDelivery(tx: Transaction, id: string, event: string): Promise<boolean> {
  const inserted = await tx.$executeRaw`INSERT INTO deliveries (id, event) VALUES (${id}, ${event}) ON CONFLICT (id) DO NOTHING`;
  return inserted === 1;
}
