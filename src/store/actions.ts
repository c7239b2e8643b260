/**
 * Durable GitHub actions: saved with the state change that requires them and
 * queued in the same transaction; marked done (with an audit event) once run.
 */
import { ACTION_MAX_ATTEMPTS, ACTION_PRIORITY, type PlannedAction } from "../actions/planned-action.js";
import { enqueueJobs } from "../actions/job-queue.js";
import { appendAudit } from "./audit-log.js";
import type { Database, Transaction } from "./database.js";

export interface StoredAction {
  id: string;
  caseId: string | null;
  status: "pending" | "done" | "failed";
  action: PlannedAction;
}

export async function recordActions(
  tx: Transaction,
  caseId: string | null,
  actions: PlannedAction[],
  onceKey: string | null = null,
): Promise<string[]> {
  const ids: string[] = [];
  for (const action of actions) {
    const row = await tx.action.create({
      data: { caseId, kind: action.kind, onceKey: onceKey && `${onceKey}:${action.kind}`, payload: action as object },
    });
    ids.push(row.id);
  }
  await enqueueJobs(
    tx,
    actions.map((action, i) => ({
      task: "run-action" as const,
      payload: { actionId: ids[i] },
      jobKey: `action:${ids[i]}`,
      priority: ACTION_PRIORITY[action.kind],
      maxAttempts: ACTION_MAX_ATTEMPTS[action.kind],
    })),
  );
  return ids;
}

export async function loadAction(db: Database, id: string): Promise<StoredAction | null> {
  const row = await db.action.findUnique({ where: { id } });
  if (!row) return null;
  return { id: row.id, caseId: row.caseId, status: row.status, action: row.payload as unknown as PlannedAction };
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

/** Unfinished case-file actions for a cases repository, to run at once when it becomes usable. */
export async function pendingCaseIssueActions(db: Database, owner: string, repo: string): Promise<string[]> {
  const rows = await db.action.findMany({
    where: { kind: { in: ["open-case-issue", "post-report-to-case"] }, status: { in: ["pending", "failed"] }, case: { casesOwner: { equals: owner, mode: "insensitive" }, casesRepo: { equals: repo, mode: "insensitive" } } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export async function requeueActions(db: Database, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.$transaction(async (tx) => {
    await tx.action.updateMany({ where: { id: { in: ids }, status: "failed" }, data: { status: "pending", completedAt: null } });
    await enqueueJobs(
      tx,
      ids.map((id) => ({ task: "run-action" as const, payload: { actionId: id }, jobKey: `action:${id}`, priority: ACTION_PRIORITY["open-case-issue"], maxAttempts: ACTION_MAX_ATTEMPTS["open-case-issue"] })),
    );
  });
}
