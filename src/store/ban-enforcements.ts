/**
 * Records, once per webhook delivery, what the app does to new content by
 * someone it bans itself (the hide, or the close and lock, and the note in
 * the case) with its audit event, in one transaction. A redelivery of the
 * same `x-github-delivery` records nothing more, and a ban lifted since the
 * in-memory set was last reloaded enforces nothing.
 */
import type { PlannedAction } from "../actions/planned-action.js";
import { recordActions } from "./actions.js";
import { appendAudit, type AuditEntry } from "./audit-log.js";
import type { Database } from "./database.js";
import { claimDelivery } from "./deliveries.js";

export interface EnforcementToRecord {
  deliveryId: string;
  event: string;
  banId: string;
  caseId: string | null;
  actions: PlannedAction[];
  audit: AuditEntry;
}

/** @returns the ids of the actions recorded: none for a redelivery, or for a ban no longer in force */
export async function recordBanEnforcement(db: Database, enforcement: EnforcementToRecord, now: Date): Promise<string[]> {
  const key = `${enforcement.deliveryId}:ban-enforcement`;
  return db.$transaction(async (tx) => {
    // The set in memory may be up to one reload behind: the ban itself says whether it still holds.
    const live = await tx.ban.count({
      where: { id: enforcement.banId, enforcement: "app", liftedAt: null, OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
    });
    if (live === 0) return [];
    // Not the delivery id itself: a banned person's `/coc` comment is also taken in as a command under it.
    if (!(await claimDelivery(tx, { id: key, event: enforcement.event }))) return [];
    const ids = await recordActions(tx, enforcement.caseId, enforcement.actions, key);
    await appendAudit(tx, [enforcement.audit], now);
    return ids;
  });
}
