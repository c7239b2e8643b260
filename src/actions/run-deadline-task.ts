/**
 * The job that fires when a case's deadline comes (see
 * `src/deadlines/deadline-rules.ts`). It asks first whether the deadline is
 * still due (the case may have moved on), then acts once: reminds the
 * committee (acknowledgement, resolution), escalates a deadlock, enacts a
 * decision whose reporter feedback window has passed, ends a timed lock, has
 * an emergency act nobody signed off reverted, or reminds of and ends a ban. It queues the deadline
 * again if the case's rules say it moved later.
 */
import type { Logger } from "probot";
import { enactDecision, reporterNotices } from "../commands/case/decision.js";
import { resolutionPendingNotice } from "../messages/people-notices.js";
import { decidingTeam } from "../commands/committee.js";
import { loadTrustedConfig, type TrustedConfigOptions } from "../config/trusted-config.js";
import type { CocConfig } from "../config/schema.js";
import { DEADLINE_KINDS, FIRING_TOLERANCE_MS, isStillDue, rescheduleAfterFiring, type DeadlineKind } from "../deadlines/deadline-rules.js";
import type { GitHubGateway, RepoRef } from "../github/port.js";
import { deadlineReminder, heldCaseReminder, type ReminderKind } from "../messages/deadline-reminders.js";
import { enactedText } from "../messages/decisions.js";
import { recordActions } from "../store/actions.js";
import { appendAudit, type AuditEntry } from "../store/audit-log.js";
import { escalateCase } from "../store/escalation.js";
import type { Database, Transaction } from "../store/database.js";
import { loadDeadlineCase, scheduleDeadline, timerDurations } from "../store/deadline-jobs.js";
import type { PlannedAction } from "./planned-action.js";
import { banTimerConsequences } from "./ban-deadlines.js";

export interface DeadlineTaskDeps {
  db: Database;
  gateway: GitHubGateway;
  settings: TrustedConfigOptions;
  log: Logger;
  now: () => Date;
}

interface DeadlinePayload {
  caseId: string;
  key: string;
  kind: DeadlineKind;
  itemId: string | null;
  dueAt: string;
}

type CaseRow = NonNullable<Awaited<ReturnType<Database["case"]["findUnique"]>>>;

export function makeDeadlineTask(deps: DeadlineTaskDeps) {
  return async function fireDeadline(payload: unknown): Promise<void> {
    const deadline = payload as DeadlinePayload;
    // A timer of a kind this version does not know (queued by a newer one) is left alone.
    if (!(DEADLINE_KINDS as readonly string[]).includes(deadline.kind)) return;
    // The queue fires by the database's clock; by this process's clock it may be early. It is tried
    // again later (with the queue's backoff) rather than dropped, and asks GitHub nothing meanwhile.
    if (Date.parse(deadline.dueAt) > deps.now().getTime() + FIRING_TOLERANCE_MS) {
      throw new Error(`deadline ${deadline.kind} fired before its time by this process's clock; it is tried again later`);
    }
    const record = await deps.db.case.findUnique({ where: { id: deadline.caseId } });
    if (!record) return;
    const casesRepo = { owner: record.casesOwner, repo: record.casesRepo };
    const github = await deps.gateway.forRepository(casesRepo);
    const loaded = await loadTrustedConfig(github, casesRepo, deps.settings);
    // Without a readable configuration the deadlines are unknown: the job is tried again later.
    if (!loaded.ok) throw new Error(`deadline ${deadline.kind} of case ${record.code} waits: the configuration cannot be read`);
    const durations = timerDurations(loaded.config);
    const timers = await loadDeadlineCase(deps.db, record);
    const now = deps.now();
    if (isStillDue(deadline.kind, timers, durations, now, deadline.itemId)) {
      await actOnce(deps.db, record.id, `${deadline.key}@${deadline.dueAt}`, now, (tx) => consequences(tx, deadline, record, casesRepo, loaded.config, now));
    }
    // Queued again only when its time moved (the next status notice, a lengthened deadline): a timer
    // that came a little early by this process's clock is not re-queued at the same time, over and over.
    const later = rescheduleAfterFiring(deadline.key, timers, durations, now);
    if (later && later.dueAt.toISOString() !== deadline.dueAt) await deps.db.$transaction((tx) => scheduleDeadline(tx, later));
  };
}

interface Consequences {
  actions: PlannedAction[];
  audit: Array<Omit<AuditEntry, "caseId">>;
}

async function consequences(tx: Transaction, deadline: DeadlinePayload, record: CaseRow, casesRepo: RepoRef, config: CocConfig, now: Date): Promise<Consequences> {
  const audit = [{ actor: "app", action: `deadline.${deadline.kind}`, detail: {} }];
  if (deadline.kind === "enact") {
    const enacted = await enactDecision(tx, record.id, now, { config });
    if (!enacted) return { actions: [], audit: [] };
    const body = `The reporter's time to comment has passed: ${enactedText(enacted)}`;
    return { actions: [...(enacted.actions ?? []), inCase(record, casesRepo, body)], audit: [...audit, ...(enacted.audit ?? [])] };
  }
  if (deadline.kind === "emergency-signoff") {
    const act = await tx.emergencyAct.findUnique({ where: { id: deadline.itemId ?? "" } });
    if (!act || act.signedOffAt || act.revertedAt) return { actions: [], audit: [] };
    await tx.emergencyAct.update({ where: { id: act.id }, data: { revertedAt: now } });
    // What to undo is decided when the revert runs, next to its writes; it says in the case what it did.
    return { actions: [{ kind: "revert-emergency", caseId: record.id, actId: act.id }], audit: [{ actor: "app", action: "deadline.emergency-signoff", detail: { act: act.id, kind: act.kind } }] };
  }
  if (deadline.kind === "lock-expiry") {
    const lock = await tx.timedLock.findUnique({ where: { id: deadline.itemId ?? "" } });
    if (!lock || lock.unlockedAt) return { actions: [], audit: [] };
    await tx.timedLock.update({ where: { id: lock.id }, data: { unlockedAt: now } });
    const thread = { owner: lock.owner, repo: lock.repo };
    const body = `The timed lock on \`${lock.owner}/${lock.repo}#${lock.issueNumber}\` has expired: the conversation is being unlocked.`;
    return { actions: [{ kind: "unlock-thread", repo: thread, issueNumber: lock.issueNumber }, inCase(record, casesRepo, body)], audit };
  }
  if (deadline.kind === "ban-reminder" || deadline.kind === "ban-expiry") {
    return banTimerConsequences(tx, deadline.kind, deadline.itemId ?? "", record, casesRepo, config, now);
  }
  if (deadline.kind === "status-notice") {
    const reports = await tx.report.findMany({ where: { caseId: record.id }, select: { reporterLogin: true }, orderBy: { createdAt: "asc" } });
    const nextUpdateBy = nextPeriodAfter(Date.parse(deadline.dueAt), config.deadlines.resolve ?? 0, now);
    return { actions: reporterNotices(record.id, reports, resolutionPendingNotice(record.code, nextUpdateBy)), audit: [{ ...audit[0]!, detail: { nextUpdateBy: nextUpdateBy.toISOString() } }] };
  }
  const kind = deadline.kind as ReminderKind;
  if (record.issueNumber === null) {
    return { actions: [{ kind: "notify", casesRepo, body: heldCaseReminder(kind, record.code, new Date(deadline.dueAt)), nameless: true }], audit };
  }
  const escalation = kind === "deadlock" ? await escalateDeadlock(tx, record, config, now) : undefined;
  const team = decidingTeam(escalation === "handed-over" ? { escalatedAt: now } : record, config.committee);
  const body = deadlineReminder(kind, {
    code: record.code,
    team: `${record.casesOwner}/${team}`,
    reportedAt: record.createdAt,
    acknowledgedAt: record.acknowledgedAt,
    dueAt: new Date(deadline.dueAt),
    window: (kind === "resolve" ? config.deadlines.resolve : kind === "deadlock" ? config.deadlines.deadlock : config.deadlines.acknowledge) ?? 0,
    escalation,
  });
  if (escalation !== "handed-over") return { actions: [inCase(record, casesRepo, body)], audit };
  return {
    actions: [inCase(record, casesRepo, body), { kind: "sync-case-state", caseId: record.id }],
    audit: [...audit, { actor: "app", action: "case.escalated", detail: { reason: "deadlock", team } }],
  };
}

/** A deadlock hands the case to the escalation team, which decides it from then on (ITK: the officers resolve it). */
async function escalateDeadlock(tx: Transaction, record: CaseRow, config: CocConfig, now: Date): Promise<"handed-over" | "already" | "none"> {
  if (config.committee.escalation_team === undefined) return "none";
  return (await escalateCase(tx, record.id, "deadlock", now)) ? "handed-over" : "already";
}

/** The next notice's time: one period after this one, or later still when this one fired late (a process down for days). */
function nextPeriodAfter(dueAt: number, period: number, now: Date): Date {
  let next = dueAt + period;
  while (period > 0 && next <= now.getTime()) next += period;
  return new Date(next);
}

function inCase(record: CaseRow, casesRepo: RepoRef, body: string): PlannedAction {
  return { kind: "reply", repo: casesRepo, issueNumber: record.issueNumber!, body };
}

/** Acts once per deadline and due time, however often the job runs. */
async function actOnce(db: Database, caseId: string, onceKey: string, now: Date, decide: (tx: Transaction) => Promise<Consequences>): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`case:${caseId}`}))`;
    if (await tx.action.findFirst({ where: { onceKey: { startsWith: `${onceKey}:` } }, select: { id: true } })) return;
    const { actions, audit } = await decide(tx);
    // Nothing to do (a decision enacted meanwhile by hand): nothing recorded.
    if (actions.length === 0) return;
    await recordActions(tx, caseId, actions, onceKey);
    await appendAudit(tx, audit.map((event) => ({ ...event, caseId })), now);
  });
}
