/**
 * Appends to and reads the hash-chained audit log. Appends take a transaction
 * lock, so concurrent writers cannot fork the chain, and happen in the same
 * transaction as the state change they describe.
 */
import { auditHash, GENESIS_HASH, verifyAuditChain, type ChainVerdict } from "../audit/hash-chain.js";
import type { Database, Transaction } from "./database.js";

const AUDIT_LOCK_KEY = 72_707_370;

export interface AuditEntry {
  actor: string;
  action: string;
  caseId?: string | null;
  detail?: Record<string, unknown>;
}

export async function appendAudit(tx: Transaction, entries: AuditEntry[], now: Date): Promise<void> {
  if (entries.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  let prevHash = last?.hash ?? GENESIS_HASH;
  // Stored timestamps have millisecond precision; hash exactly what is stored.
  const at = new Date(Math.floor(now.getTime()));
  for (const entry of entries) {
    const content = { at, actor: entry.actor, action: entry.action, caseId: entry.caseId ?? null, detail: entry.detail ?? {} };
    const hash = auditHash(prevHash, content);
    await tx.auditEvent.create({ data: { ...content, detail: content.detail as object, prevHash, hash } });
    prevHash = hash;
  }
}

export async function verifyAuditLog(db: Database): Promise<ChainVerdict> {
  const events = await db.auditEvent.findMany({ orderBy: { seq: "asc" } });
  return verifyAuditChain(events);
}

export async function auditTrail(db: Database, caseId: string) {
  return db.auditEvent.findMany({ where: { caseId }, orderBy: { seq: "asc" } });
}
