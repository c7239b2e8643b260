/**
 * Durable GitHub actions: saved with the state change that requires them and
 * queued in the same transaction; marked done (with an audit event) once run.
 */
import { scheduleOf } from "../actions/action-kinds.js";
import type { PlannedAction } from "../actions/planned-action.js";
import { enqueueJobs } from "../actions/job-queue.js";
import { appendAudit } from "./audit-log.js";
import type { Database, Transaction } from "./database.js";

export interface StoredAction {
  id: string;
  caseId: string | null;
  status: "pending" | "done" | "failed";
  action: PlannedAction;
  /** A previous attempt sent a create whose outcome is unknown: look before creating again. */
  writeStarted: boolean;
}

export interface RecordOptions {
  /**
   * When an action's queued job should first run; undefined for now. An action the caller runs at
   * once itself is queued for a little later, as a fallback that finds it done, or does it if the
   * caller could not.
   */
  runAtFor?: (action: PlannedAction) => Date | undefined;
  /** Actions the caller carried out before recording them: stored as done, and not queued. */
  isDone?: (action: PlannedAction) => boolean;
  now?: Date;
}

export async function recordActions(
  tx: Transaction,
  caseId: string | null,
  actions: PlannedAction[],
  onceKey: string | null = null,
  options: RecordOptions = {},
): Promise<string[]> {
  return recordKeyedActions(
    tx,
    caseId,
    actions.map((action, i) => {
      // A kind that comes twice in one change (two replies) gets its position in the key too.
      const seen = actions.slice(0, i).filter((other) => other.kind === action.kind).length;
      return { action, onceKey: onceKey && `${onceKey}:${action.kind}${seen > 0 ? `:${seen + 1}` : ""}` };
    }),
    options,
  );
}

/** Records actions that must exist once each: those whose key is already recorded are skipped. */
export async function recordActionsOnce(tx: Transaction, caseId: string | null, keyed: Array<{ action: PlannedAction; onceKey: string }>): Promise<string[]> {
  const existing = await tx.action.findMany({ where: { onceKey: { in: keyed.map((k) => k.onceKey) } }, select: { onceKey: true } });
  const seen = new Set(existing.map((e) => e.onceKey));
  return recordKeyedActions(tx, caseId, keyed.filter((k) => !seen.has(k.onceKey)));
}

async function recordKeyedActions(
  tx: Transaction,
  caseId: string | null,
  keyed: Array<{ action: PlannedAction; onceKey: string | null }>,
  { runAtFor = () => undefined, isDone = () => false, now = new Date() }: RecordOptions = {},
): Promise<string[]> {
  const ids: string[] = [];
  for (const { action, onceKey } of keyed) {
    const done = isDone(action) ? { status: "done" as const, attempts: 1, completedAt: now } : {};
    const row = await tx.action.create({ data: { caseId, kind: action.kind, onceKey, payload: action as object, ...done } });
    ids.push(row.id);
  }
  const queued = keyed.map((k, i) => ({ action: k.action, id: ids[i]! })).filter((q) => !isDone(q.action));
  await enqueueJobs(
    tx,
    queued.map(({ action, id }) => ({
      task: "run-action" as const,
      payload: { actionId: id },
      jobKey: `action:${id}`,
      ...scheduleOf(action, caseId),
      runAt: runAtFor(action),
    })),
  );
  return ids;
}

export async function loadAction(db: Database, id: string): Promise<StoredAction | null> {
  const row = await db.action.findUnique({ where: { id } });
  if (!row) return null;
  return { id: row.id, caseId: row.caseId, status: row.status, action: row.payload as unknown as PlannedAction, writeStarted: row.writeStartedAt !== null };
}

/** Called just before a create is sent: from now on, a retry of this action looks before it creates. */
export async function markWriteStarted(db: Database, id: string, now: Date): Promise<void> {
  await db.action.updateMany({ where: { id, writeStartedAt: null }, data: { writeStartedAt: now } });
}

export async function markActionDone(db: Database, stored: StoredAction, actor: string, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const updated = await tx.action.updateMany({
      where: { id: stored.id, status: { not: "done" } },
      data: { status: "done", completedAt: now, attempts: { increment: 1 }, lastError: null },
    });
    if (updated.count === 0) return;
    await appendAudit(tx, [{ actor, action: `action.${stored.action.kind}`, caseId: stored.caseId, detail: { actionId: stored.id } }], now);
  });
}

/** After the last attempt: the action is given up, and the audit log says so. */
export async function markActionFailed(db: Database, stored: StoredAction, error: string, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.action.update({
      where: { id: stored.id },
      data: { status: "failed", attempts: { increment: 1 }, lastError: error.slice(0, 2000), completedAt: now },
    });
    await appendAudit(tx, [{ actor: "app", action: `action.failed`, caseId: stored.caseId, detail: { actionId: stored.id, kind: stored.action.kind } }], now);
  });
}

export async function markActionAttemptFailed(db: Database, id: string, error: string): Promise<void> {
  await db.action.update({ where: { id }, data: { attempts: { increment: 1 }, lastError: error.slice(0, 2000) } });
}

/** Unfinished writes to a cases repository (case files and notices), to run at once when it becomes usable. */
export async function pendingCaseIssueActions(db: Database, owner: string, repo: string): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT a.id::text AS id FROM actions a LEFT JOIN cases c ON c.id = a.case_id
     WHERE a.status = 'pending'
       AND ((a.kind IN ('open-case-issue', 'post-report-to-case', 'post-case-part')
             AND lower(c.cases_owner) = lower(${owner}) AND lower(c.cases_repo) = lower(${repo}))
         OR (a.kind = 'notify'
             AND lower(a.payload->'casesRepo'->>'owner') = lower(${owner}) AND lower(a.payload->'casesRepo'->>'repo') = lower(${repo})))`;
  return rows.map((r) => r.id);
}

/** Queues actions again, to run now or at `runAt` (a waiting job's key is replaced, so it is not run twice). */
export async function requeueActions(db: Database, ids: string[], runAt?: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.$transaction(async (tx) => {
    await tx.action.updateMany({ where: { id: { in: ids }, status: "failed" }, data: { status: "pending", completedAt: null } });
    const rows = await tx.action.findMany({ where: { id: { in: ids } }, select: { id: true, caseId: true, payload: true } });
    await enqueueJobs(
      tx,
      rows.map((row) => {
        const action = row.payload as unknown as PlannedAction;
        return {
          task: "run-action" as const,
          payload: { actionId: row.id },
          jobKey: `action:${row.id}`,
          ...scheduleOf(action, row.caseId),
          runAt,
        };
      }),
    );
  });
}
