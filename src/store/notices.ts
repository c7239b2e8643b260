/**
 * Notices on a cases repository's notice board, recorded once per reason: a
 * held case is announced once, not on every retry; ignored settings once per
 * repository and set of keys.
 */
import type { RepoRef } from "../github/port.js";
import { recordActions } from "./actions.js";
import { appendAudit } from "./audit-log.js";
import type { Database } from "./database.js";

export interface NoticeToRecord {
  /** Identifies the reason: a second notice with the same key is not recorded. */
  onceKey: string;
  casesRepo: RepoRef;
  body: string;
  /** The notice names no person and no thread (held cases, ignored settings): it never waits for a held case. */
  nameless?: boolean;
  caseId?: string | null;
  audit: { actor: string; action: string; detail?: Record<string, unknown> };
}

/** @returns whether the notice was new */
export async function recordNoticeOnce(db: Database, notice: NoticeToRecord, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`notice:${notice.onceKey}`}))`;
    if (await tx.action.findFirst({ where: { onceKey: `${notice.onceKey}:notify` }, select: { id: true } })) return false;
    await recordActions(tx, notice.caseId ?? null, [{ kind: "notify", casesRepo: notice.casesRepo, body: notice.body, ...(notice.nameless ? { nameless: true } : {}) }], notice.onceKey);
    await appendAudit(tx, [{ ...notice.audit, caseId: notice.caseId ?? null }], now);
    return true;
  });
}
