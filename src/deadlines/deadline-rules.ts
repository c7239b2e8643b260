/**
 * Which timers a case has and when they fire, so the committee is reminded
 * before the policy's deadlines pass. With `acknowledge: 24h`, a case reported
 * at 09:00 on Monday gets a reminder at 09:00 on Tuesday and an "overdue"
 * notice at 21:00 on Tuesday; `/coc ack` before then cancels both and starts
 * the resolution clock.
 *
 * | kind                | while                               | due at                                    |
 * |---------------------|-------------------------------------|-------------------------------------------|
 * | acknowledge         | new                                 | reported + acknowledge                    |
 * | acknowledge-overdue | new                                 | reported + 1.5 × acknowledge              |
 * | resolve             | acknowledged or decision-proposed   | resolution start + resolve                |
 * | status-notice       | acknowledged or decision-proposed   | resolution start + k × resolve, k = 1, 2… |
 * | deadlock            | decision-proposed                   | proposed + deadlock                       |
 * | emergency-signoff   | each emergency act not signed off   | acted + emergency_signoff                 |
 * | lock-expiry         | each timed lock still in place      | its expiry                                |
 * | ban-reminder        | each temporary ban not lifted       | its end − bans.remind_before              |
 * | ban-expiry          | each temporary ban not lifted       | its end                                   |
 * | enact               | decided, with reporter feedback     | decided + reporter_feedback               |
 *
 * The resolution clock starts at acknowledgement, or at the last reopening.
 * The status notice tells the reporter the case is not resolved yet and when
 * the next update will come: one `resolve` period later, when the next notice
 * is due. A proposal that objections block escalates at the same time as one
 * nobody votes on: blocking does not hasten it, since objections may be
 * withdrawn. A duration left out of the configuration means no such timer.
 *
 * Each deadline has a stable job key (`deadline:<caseId>:<kind>[:<item>]`), so
 * the queue replaces a timer whose time moved and drops one the case no longer
 * has. A timer that fires asks `isStillDue` first: the case may have moved on.
 */
import type { CaseState } from "../cases/case-state.js";

export const DEADLINE_KINDS = [
  "acknowledge",
  "acknowledge-overdue",
  "resolve",
  "status-notice",
  "deadlock",
  "emergency-signoff",
  "lock-expiry",
  "enact",
  "ban-reminder",
  "ban-expiry",
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** Durations in milliseconds, as the configuration gives them. */
export interface DeadlineDurations {
  acknowledge?: number;
  resolve?: number;
  deadlock?: number;
  emergency_signoff?: number;
  /** How long the reporter may comment on a decision before it is enacted; 0 or absent: at once. */
  reporter_feedback?: number;
  /** How long before a temporary ban ends the committee is reminded; 0 or absent: no reminder. */
  ban_remind_before?: number;
}

export interface DeadlineCase {
  caseId: string;
  state: CaseState;
  reportedAt: Date;
  acknowledgedAt: Date | null;
  reopenedAt: Date | null;
  /** When the open proposal was made; null without one. */
  proposedAt: Date | null;
  /** When the case was decided; null until it is. */
  decidedAt?: Date | null;
  emergencyActions: readonly { id: string; actedAt: Date; signedOffAt: Date | null }[];
  timedLocks: readonly { id: string; expiresAt: Date; unlockedAt: Date | null }[];
  /** The case's bans; a permanent one (no end) has no timer. Absent: none that the caller knows of. */
  bans?: readonly { id: string; startsAt: Date; endsAt: Date | null; liftedAt: Date | null }[];
}

export interface Deadline {
  kind: DeadlineKind;
  key: string;
  dueAt: Date;
  /** The emergency act or lock it is about. */
  itemId: string | null;
  /** For a status notice: the date the reporter is promised the next update by. */
  nextUpdateBy: Date | null;
}

export interface DeadlineChanges {
  cancel: string[];
  schedule: Deadline[];
}

// "Within 24 hours, or the next business day": the policy's own slack ends
// about half a period after the deadline, which is when a case is overdue.
export const OVERDUE_FACTOR = 1.5;

// The queue compares due times with the database's clock and the caller passes
// its own: a timer up to this much early counts as on time, or a small clock
// difference would make it do nothing and never come back.
export const FIRING_TOLERANCE_MS = 30_000;

const RESOLVING: readonly CaseState[] = ["acknowledged", "decision-proposed"];

export function deadlineKey(caseId: string, kind: DeadlineKind, itemId: string | null = null): string {
  return itemId === null ? `deadline:${caseId}:${kind}` : `deadline:${caseId}:${kind}:${itemId}`;
}

/** The deadlines the case has now; a recurring status notice appears as its next occurrence after `now`. */
export function deadlinesFor(c: DeadlineCase, durations: DeadlineDurations, now: Date): Deadline[] {
  const deadlines: Deadline[] = [];
  const add = (kind: DeadlineKind, dueAt: Date, itemId: string | null = null, nextUpdateBy: Date | null = null) =>
    deadlines.push({ kind, key: deadlineKey(c.caseId, kind, itemId), dueAt, itemId, nextUpdateBy });

  const { acknowledge, resolve, deadlock, emergency_signoff } = durations;
  if (c.state === "new" && acknowledge !== undefined) {
    add("acknowledge", after(c.reportedAt, acknowledge));
    add("acknowledge-overdue", after(c.reportedAt, Math.round(acknowledge * OVERDUE_FACTOR)));
  }
  const start = resolutionStart(c);
  if (start && resolve !== undefined && resolve > 0) {
    add("resolve", after(start, resolve));
    const next = after(start, resolve * nextPeriod(start, resolve, now));
    add("status-notice", next, null, after(next, resolve));
  }
  if (c.state === "decision-proposed" && c.proposedAt && deadlock !== undefined) add("deadlock", after(c.proposedAt, deadlock));
  if (emergency_signoff !== undefined) {
    for (const act of c.emergencyActions) if (!act.signedOffAt) add("emergency-signoff", after(act.actedAt, emergency_signoff), act.id);
  }
  for (const lock of c.timedLocks) if (!lock.unlockedAt) add("lock-expiry", lock.expiresAt, lock.id);
  const { reporter_feedback, ban_remind_before } = durations;
  if (c.state === "decided" && c.decidedAt && reporter_feedback) add("enact", after(c.decidedAt, reporter_feedback));
  for (const ban of c.bans ?? []) {
    if (ban.liftedAt || !ban.endsAt) continue;
    // A ban shorter than the reminder's lead gets none: it would come before the ban starts.
    const remindAt = ban_remind_before ? after(ban.endsAt, -ban_remind_before) : null;
    if (remindAt && remindAt > ban.startsAt) add("ban-reminder", remindAt, ban.id);
    add("ban-expiry", ban.endsAt, ban.id);
  }
  return deadlines;
}

/**
 * What to tell the queue when a case changes (`before` null for a new case):
 * drop the timers it no longer has, add new ones and replace those whose time
 * moved. A timer whose time did not move is left alone, so one that already
 * fired is not sent again.
 */
export function planDeadlineChanges(before: DeadlineCase | null, after: DeadlineCase, durations: DeadlineDurations, now: Date): DeadlineChanges {
  const previous = new Map((before ? deadlinesFor(before, durations, now) : []).map((d) => [d.key, d]));
  const next = deadlinesFor(after, durations, now);
  const nextKeys = new Set(next.map((d) => d.key));
  return {
    cancel: [...previous.keys()].filter((key) => !nextKeys.has(key)),
    schedule: next.filter((d) => {
      const old = previous.get(d.key);
      // A status notice's promised date follows from its due time, so comparing due times is enough.
      return !old || old.dueAt.getTime() !== d.dueAt.getTime();
    }),
  };
}

/** Whether a timer that fired should act: the case still has this deadline and it has come. */
export function isStillDue(kind: DeadlineKind, c: DeadlineCase, durations: DeadlineDurations, now: Date, itemId: string | null = null): boolean {
  const current = deadlinesFor(c, durations, now).find((d) => d.kind === kind && d.itemId === itemId);
  if (!current) return false;
  // The status notice listed is the next one to come; the one firing now is
  // the occurrence a period before it, which exists once a period has passed.
  const dueAt = kind === "status-notice" ? current.dueAt.getTime() - (durations.resolve ?? 0) : current.dueAt.getTime();
  const start = resolutionStart(c);
  if (kind === "status-notice" && start && dueAt <= start.getTime()) return false;
  return dueAt <= now.getTime() + FIRING_TOLERANCE_MS;
}

/**
 * The timer to queue again under a fired key: the next status notice once one
 * has been sent, or the new time of a deadline that moved later (the proposal
 * was renewed, the configuration lengthened it). Null when the key is done.
 */
export function rescheduleAfterFiring(key: string, c: DeadlineCase, durations: DeadlineDurations, now: Date): Deadline | null {
  const current = deadlinesFor(c, durations, now).find((d) => d.key === key);
  return current && current.dueAt.getTime() > now.getTime() + FIRING_TOLERANCE_MS ? current : null;
}

function resolutionStart(c: DeadlineCase): Date | null {
  if (!RESOLVING.includes(c.state) || !c.acknowledgedAt) return null;
  return c.reopenedAt && c.reopenedAt > c.acknowledgedAt ? c.reopenedAt : c.acknowledgedAt;
}

/** The first k ≥ 1 with start + k × period later than now (give or take the firing tolerance). */
function nextPeriod(start: Date, period: number, now: Date): number {
  const elapsed = now.getTime() + FIRING_TOLERANCE_MS - start.getTime();
  return Math.max(1, Math.floor(elapsed / period) + 1);
}

function after(start: Date, ms: number): Date {
  return new Date(start.getTime() + ms);
}
