/**
 * Tamper evidence for the audit log: each event's hash covers its content and
 * the previous event's hash, so editing, deleting or reordering any event
 * breaks every hash after it. `verifyAuditChain` finds the first break.
 */
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface AuditContent {
  at: Date;
  actor: string;
  action: string;
  caseId: string | null;
  detail: unknown;
}

export interface ChainedAuditEvent extends AuditContent {
  seq: bigint;
  prevHash: string;
  hash: string;
}

/** JSON with object keys sorted at every depth, so the hash never depends on key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function auditHash(prevHash: string, event: AuditContent): string {
  const content = canonicalJson({
    at: event.at.toISOString(),
    actor: event.actor,
    action: event.action,
    caseId: event.caseId,
    detail: event.detail,
  });
  return createHash("sha256").update(prevHash).update("\n").update(content).digest("hex");
}

export type ChainVerdict =
  | { ok: true; count: number; lastHash: string }
  | { ok: false; count: number; brokenAt: bigint; reason: string };

/** Checks events in `seq` order, continuing from `startHash` (the genesis hash for a full check). */
export function verifyAuditChain(events: Iterable<ChainedAuditEvent>, startHash = GENESIS_HASH): ChainVerdict {
  let previous = startHash;
  let count = 0;
  for (const event of events) {
    if (event.prevHash !== previous) {
      return { ok: false, count, brokenAt: event.seq, reason: "previous hash does not match: an event was removed or reordered" };
    }
    if (auditHash(previous, event) !== event.hash) {
      return { ok: false, count, brokenAt: event.seq, reason: "content does not match its hash: the event was altered" };
    }
    previous = event.hash;
    count += 1;
  }
  return { ok: true, count, lastHash: previous };
}
