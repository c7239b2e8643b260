/**
 * Hands a case to the escalation team, once: the first of a deadlock timer,
 * a `/coc escalate`, a flag or `/coc affected` that finds a committee member
 * involved, or a vote nobody is left to cast, records why; the others find
 * it done and say nothing more.
 */
import type { Transaction } from "./database.js";

export type EscalationReason = "deadlock" | "member-involved" | "committee" | "no-eligible-members";

/** @returns whether this call escalated the case (false: it already was). */
export async function escalateCase(tx: Transaction, caseId: string, reason: EscalationReason, now: Date): Promise<boolean> {
  const updated = await tx.case.updateMany({ where: { id: caseId, escalatedAt: null }, data: { escalatedAt: now, escalationReason: reason } });
  return updated.count > 0;
}
