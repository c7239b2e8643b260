/**
 * Deadlines are delayed jobs on the job queue (graphile-worker `run_at` and
 * job keys), changed in the same transaction as the case: they survive
 * restarts, a key is never run twice across replicas, and a timer the case no
 * longer has is removed when the case moves on.
 */
import type { CaseStatus } from "../cases/case-state.js";
import type { CocConfig } from "../config/schema.js";
import { planDeadlineChanges, type Deadline, type DeadlineCase, type DeadlineChanges, type DeadlineDurations } from "../deadlines/deadline-rules.js";
import { addJobCall } from "./add-job-sql.js";
import { statusOf } from "./case-records.js";
import type { Database, Transaction } from "./database.js";

/** The durations the deadline rules need, from the trusted configuration. */
export function timerDurations(config: Pick<CocConfig, "deadlines" | "decisions" | "bans">): DeadlineDurations {
  return { ...config.deadlines, reporter_feedback: config.decisions.reporter_feedback, ban_remind_before: config.bans.remind_before };
}

/** Brings the case's timers in step with its change (`before` null for a new case). */
export async function replanDeadlines(tx: Transaction, before: DeadlineCase | null, after: DeadlineCase, durations: DeadlineDurations, now: Date): Promise<void> {
  await applyDeadlineChanges(tx, planDeadlineChanges(before, after, durations, now));
}

export async function applyDeadlineChanges(tx: Transaction, changes: DeadlineChanges): Promise<void> {
  for (const key of changes.cancel) await tx.$executeRaw`SELECT graphile_worker.remove_job(${key}::text)`;
  for (const deadline of changes.schedule) await scheduleDeadline(tx, deadline);
}

export async function scheduleDeadline(tx: Transaction, deadline: Deadline): Promise<void> {
  const payload = { key: deadline.key, kind: deadline.kind, itemId: deadline.itemId, dueAt: deadline.dueAt.toISOString() };
  const caseId = deadline.key.split(":")[1];
  await tx.$executeRaw`SELECT ${addJobCall({
    task: "deadline",
    payload: { ...payload, caseId },
    jobKey: deadline.key,
    runAt: deadline.dueAt,
    maxAttempts: 25,
  })}`;
}

/**
 * A case as the deadline rules see it, with what its timers depend on: the latest proposal,
 * its timed locks and its emergency acts (a reverted act is as settled as a signed-off one).
 */
export async function loadDeadlineCase(
  db: Database,
  record: Parameters<typeof deadlineCaseOf>[0] & Parameters<typeof statusOf>[0],
): Promise<DeadlineCase> {
  const [proposals, locks, acts, bans] = await Promise.all([
    db.proposal.findMany({ where: { caseId: record.id, status: { in: ["open", "decided"] } }, orderBy: [{ createdAt: "desc" }, { status: "desc" }], take: 1 }),
    db.timedLock.findMany({ where: { caseId: record.id } }),
    db.emergencyAct.findMany({ where: { caseId: record.id } }),
    db.ban.findMany({ where: { caseId: record.id }, select: { id: true, startsAt: true, endsAt: true, liftedAt: true } }),
  ]);
  const settled = acts.map((act) => ({ id: act.id, actedAt: act.actedAt, signedOffAt: act.signedOffAt ?? act.revertedAt }));
  return { ...deadlineCaseOf(record, statusOf({ ...record, proposals }), locks, settled), bans };
}

/** A case row as the deadline rules see it. */
export function deadlineCaseOf(
  record: { id: string; createdAt: Date; acknowledgedAt: Date | null; decidedAt?: Date | null; reopenedAt?: Date | null },
  status: Pick<CaseStatus, "state" | "proposal">,
  timedLocks: DeadlineCase["timedLocks"] = [],
  emergencyActions: DeadlineCase["emergencyActions"] = [],
): DeadlineCase {
  return {
    caseId: record.id,
    state: status.state,
    reportedAt: record.createdAt,
    acknowledgedAt: record.acknowledgedAt,
    reopenedAt: record.reopenedAt ?? null,
    proposedAt: status.state === "decision-proposed" ? (status.proposal?.at ?? null) : null,
    decidedAt: record.decidedAt ?? null,
    emergencyActions,
    timedLocks,
  };
}
