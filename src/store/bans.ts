/**
 * The record of bans: who is banned from which account's repositories, from
 * when until when, how it is enforced (an organization block, or the app
 * itself), and how it ended. A ban is recorded once per command or decision,
 * with its timers (the reminder before it lifts, and its end) in the same
 * transaction, and lifted once, however many ways it is asked to.
 */
import type { PlannedAction } from "../actions/planned-action.js";
import { loginKey } from "../cases/logins.js";
import { deadlineKey } from "../deadlines/deadline-rules.js";
import type { Database, Transaction } from "./database.js";
import { applyDeadlineChanges, type timerDurations } from "./deadline-jobs.js";
import { planDeadlineChanges } from "../deadlines/deadline-rules.js";
import type { SubjectRef } from "./strikes.js";

export type LiftReason = "unban" | "expired" | "owner-unblocked" | "not-signed-off" | "appeal";

export interface NewBan {
  caseId: string;
  account: string;
  subject: SubjectRef;
  reason: string;
  issuedBy: string;
  /** Null: permanent. */
  lengthMs: number | null;
  issueKey: string;
}

export type BanRow = NonNullable<Awaited<ReturnType<Database["ban"]["findUnique"]>>>;

/** Records the ban and its timers, and answers the action that enforces it; a replay answers the ban it recorded. */
export async function recordBan(tx: Transaction, ban: NewBan, durations: ReturnType<typeof timerDurations>, now: Date): Promise<{ ban: BanRow; actions: PlannedAction[] }> {
  const existing = await tx.ban.findUnique({ where: { issueKey: ban.issueKey } });
  if (existing) return { ban: existing, actions: [] };
  const row = await tx.ban.create({
    data: {
      caseId: ban.caseId,
      account: ban.account.toLowerCase(),
      subjectLogin: loginKey(ban.subject.login),
      subjectId: ban.subject.id,
      reason: ban.reason,
      issuedBy: ban.issuedBy,
      source: "case",
      startsAt: now,
      endsAt: ban.lengthMs === null ? null : new Date(now.getTime() + ban.lengthMs),
      issueKey: ban.issueKey,
    },
  });
  await applyDeadlineChanges(tx, planDeadlineChanges(null, timersOf(ban.caseId, [row]), durations, now));
  return { ban: row, actions: [{ kind: "enforce-ban", caseId: ban.caseId, banId: row.id }, await registerSyncOf(tx, ban.caseId)] };
}

/**
 * Lifts the ban, once: its timers are dropped, and the action that unblocks the person is answered (none when the
 * owner unblocked them already, or when it was lifted before).
 */
export async function liftBan(tx: Transaction, banId: string, by: string, reason: LiftReason, now: Date): Promise<{ lifted: BanRow | null; actions: PlannedAction[] }> {
  const updated = await tx.ban.updateMany({ where: { id: banId, liftedAt: null }, data: { liftedAt: now, liftedBy: by, liftReason: reason } });
  if (updated.count === 0) return { lifted: null, actions: [] };
  const ban = await tx.ban.findUniqueOrThrow({ where: { id: banId } });
  if (ban.caseId) {
    for (const kind of ["ban-reminder", "ban-expiry"] as const) await tx.$executeRaw`SELECT graphile_worker.remove_job(${deadlineKey(ban.caseId, kind, ban.id)}::text)`;
  }
  // Unblocked by the owner: nothing to undo on GitHub, and the app never blocks again what an owner lifted.
  const actions: PlannedAction[] = ban.caseId && reason !== "owner-unblocked" ? [{ kind: "lift-ban", caseId: ban.caseId, banId: ban.id }] : [];
  if (ban.caseId) actions.push(await registerSyncOf(tx, ban.caseId));
  return { lifted: ban, actions };
}

/**
 * The person's ban in force in the account, if any: matched by account id where known, else by login. `source`
 * narrows it to bans from cases, or to blocks an owner made by hand.
 */
export async function activeBanOf(db: Database | Transaction, account: string, subject: SubjectRef, source?: "case" | "owner") {
  const login = loginKey(subject.login);
  const who = subject.id === null ? [{ subjectLogin: login }] : [{ subjectId: subject.id }, { subjectId: null, subjectLogin: login }];
  return db.ban.findFirst({ where: { account: account.toLowerCase(), liftedAt: null, OR: who, ...(source ? { source } : {}) }, orderBy: { startsAt: "desc" } });
}

/** Moves a ban's timers to its new term (a decision that took it over). */
export async function replanBanTimers(tx: Transaction, before: BanRow, after: BanRow, durations: ReturnType<typeof timerDurations>, now: Date): Promise<void> {
  if (!after.caseId) return;
  await applyDeadlineChanges(tx, planDeadlineChanges(timersOf(after.caseId, [before]), timersOf(after.caseId, [after]), durations, now));
}

/** The rewrite of the ban register of the case's cases repository; its case links point where the case's content is. */
export async function registerSyncOf(tx: Transaction, caseId: string): Promise<PlannedAction> {
  const found = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { casesOwner: true, casesRepo: true, reports: { take: 1, orderBy: { createdAt: "asc" }, select: { evidence: { select: { url: true } } } } },
  });
  const url = found.reports[0]?.evidence?.url;
  return { kind: "sync-ban-register", casesRepo: { owner: found.casesOwner, repo: found.casesRepo }, webOrigin: url ? new URL(url).origin : "https://github.com" };
}

/** The case as the deadline rules see it for its bans' own timers only: nothing else of it is planned from here. */
function timersOf(caseId: string, bans: BanRow[]) {
  return {
    caseId,
    state: "closed" as const,
    reportedAt: new Date(0),
    acknowledgedAt: null,
    reopenedAt: null,
    proposedAt: null,
    emergencyActions: [],
    timedLocks: [],
    bans,
  };
}

/** A ban the app enforces itself, as the webhooks look it up. */
export interface AppEnforcedBan {
  id: string;
  caseId: string | null;
  account: string;
  subjectLogin: string;
  subjectId: bigint | null;
  endsAt: Date | null;
}

/** Every ban in force that GitHub could not block, so the app hides and closes what the person writes: one query. */
export async function loadAppEnforcedBans(db: Database, now: Date): Promise<AppEnforcedBan[]> {
  return db.ban.findMany({
    where: { enforcement: "app", liftedAt: null, OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
    select: { id: true, caseId: true, account: true, subjectLogin: true, subjectId: true, endsAt: true },
  });
}
