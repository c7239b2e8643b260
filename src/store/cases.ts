/**
 * Cases and their reports. Recording a flag opens a case (or joins the open case
 * about the same content), stores the report and its evidence, writes the audit
 * events and saves the GitHub actions, all in one transaction.
 */
import type { PlannedAction } from "../actions/planned-action.js";
import type { ContentSnapshot, EditHistory, RepoRef } from "../github/port.js";
import { recordActions, recordActionsOnce } from "./actions.js";
import type { DeadlineDurations } from "../deadlines/deadline-rules.js";
import { appendAudit } from "./audit-log.js";
import { escalateCase } from "./escalation.js";
import { deadlineCaseOf, replanDeadlines } from "./deadline-jobs.js";
import type { Database, Transaction } from "./database.js";

export interface FlagToRecord {
  casesRepo: RepoRef;
  codePrefix: string;
  contentKey: string;
  commandKey: string;
  reporterLogin: string;
  reason: string;
  commandUrl: string;
  evidence: ContentSnapshot;
  /** The cases repository is not private (or not reachable): the case file waits, and the audit log says so. */
  casesRepoWaiting?: boolean;
  /** The subject can read the cases repository: the case is held (see `holdCase`). */
  subjectCanRead?: boolean;
  /** The case goes to the escalation team as it opens (`committee.member_involved: escalate`, a committee member is involved). */
  escalation?: "member-involved";
  /** The policy's deadlines: a new case's timers (acknowledgement) start with it. */
  deadlines?: DeadlineDurations;
  /** The actions to run, which depend on whether the report opened a case or joined one. */
  plan(outcome: RecordedFlag): PlannedAction[];
  /** Kinds of action the caller runs at once after recording: their queued jobs wait a little, as a fallback. */
  runInline?: ReadonlyArray<PlannedAction["kind"]>;
  /** Kinds of action the caller already carried out before recording (the hide): recorded as done, not queued. */
  alreadyDone?: ReadonlyArray<PlannedAction["kind"]>;
  /** Where the report came from, for the audit log: a `/coc flag` comment, or the private report form. */
  source?: "flag" | "form";
  /** More of the report to record in the same transaction (a private report's link to its case, its exclusions). */
  alsoRecord?(tx: Transaction, outcome: RecordedFlag): Promise<void>;
}

export interface RecordedFlag {
  caseId: string;
  code: string;
  reportId: string;
  isNewCase: boolean;
  /** This report handed the case to the escalation team (see `FlagToRecord.escalation`). */
  escalatedNow: boolean;
}

/** How long the queued fallback of an action run at once waits before it checks. */
export const INLINE_FALLBACK_MS = 10_000;

/** @returns null when this command was already recorded (a retried job) */
export async function recordFlag(
  db: Database,
  flag: FlagToRecord,
  now: Date,
): Promise<(RecordedFlag & { actions: Array<{ id: string; action: PlannedAction }> }) | null> {
  return db.$transaction(async (tx) => {
    const duplicate = await tx.report.findUnique({ where: { commandKey: flag.commandKey }, select: { id: true } });
    if (duplicate) return null;
    // Serialises flags of the same content so two moderators flagging at once share one case.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${flag.contentKey}))`;
    const open = await tx.case.findUnique({ where: { openContentKey: flag.contentKey }, select: { id: true, code: true } });
    const caseRow = open ?? (await openCase(tx, flag, now));
    if (flag.subjectCanRead) await tx.case.updateMany({ where: { id: caseRow.id, heldAt: null }, data: { heldAt: now } });
    const escalatedNow = flag.escalation ? await escalateCase(tx, caseRow.id, flag.escalation, now) : false;
    const report = await tx.report.create({
      data: {
        caseId: caseRow.id,
        reporterLogin: flag.reporterLogin,
        reason: flag.reason,
        commandUrl: flag.commandUrl,
        commandKey: flag.commandKey,
        createdAt: now,
        evidence: { create: evidenceRow(flag.evidence, now) },
      },
    });
    const outcome = { caseId: caseRow.id, code: caseRow.code, reportId: report.id, isNewCase: !open, escalatedNow };
    if (!open && flag.deadlines) {
      await replanDeadlines(tx, null, deadlineCaseOf({ id: caseRow.id, createdAt: now, acknowledgedAt: null }, { state: "new", proposal: null }), flag.deadlines, now);
    }
    const planned = flag.plan(outcome);
    const fallbackAt = new Date(Date.now() + INLINE_FALLBACK_MS);
    const isDone = (action: PlannedAction) => flag.alreadyDone?.includes(action.kind) ?? false;
    const ids = await recordActions(tx, caseRow.id, planned, null, {
      runAtFor: (action) => (flag.runInline?.includes(action.kind) ? fallbackAt : undefined),
      isDone,
      now,
    });
    await appendAudit(
      tx,
      [
        ...(open ? [] : [{ actor: flag.reporterLogin, action: "case.opened", caseId: caseRow.id, detail: { code: caseRow.code } }]),
        { actor: flag.reporterLogin, action: "report.received", caseId: caseRow.id, detail: { reportId: report.id, source: flag.source ?? "flag" } },
        { actor: "app", action: "evidence.captured", caseId: caseRow.id, detail: { reportId: report.id, url: flag.evidence.url } },
        ...planned.flatMap((action, i) =>
          isDone(action) ? [{ actor: "app", action: `action.${action.kind}`, caseId: caseRow.id, detail: { actionId: ids[i] } }] : [],
        ),
        ...(escalatedNow ? [{ actor: "app", action: "case.escalated", caseId: caseRow.id, detail: { reason: flag.escalation } }] : []),
        ...(flag.casesRepoWaiting
          ? [{ actor: "app", action: "case-file.waiting", caseId: caseRow.id, detail: { reason: "cases repository is not private", casesRepo: `${flag.casesRepo.owner}/${flag.casesRepo.repo}` } }]
          : []),
      ],
      now,
    );
    await flag.alsoRecord?.(tx, outcome);
    return { ...outcome, actions: planned.map((action, i) => ({ id: ids[i]!, action })) };
  });
}

async function openCase(tx: Transaction, flag: FlagToRecord, now: Date) {
  const year = now.getUTCFullYear();
  const scope = casesScope(flag.casesRepo);
  const [counter] = await tx.$queryRaw<Array<{ last: number }>>`
    INSERT INTO case_counters (scope, year, last) VALUES (${scope}, ${year}, 1)
    ON CONFLICT (scope, year) DO UPDATE SET last = case_counters.last + 1
    RETURNING last`;
  const code = formatCaseCode(flag.codePrefix, year, counter!.last);
  return tx.case.create({
    data: {
      code,
      casesOwner: flag.casesRepo.owner,
      casesRepo: flag.casesRepo.repo,
      casesScope: scope,
      subjectLogin: flag.evidence.authorLogin,
      subjectId: flag.evidence.authorId,
      contentKey: flag.contentKey,
      openContentKey: flag.contentKey,
      createdAt: now,
    },
    select: { id: true, code: true },
  });
}

/** Case codes are counted, and unique, per cases repository. */
export function casesScope(repo: RepoRef): string {
  return `${repo.owner}/${repo.repo}`.toLowerCase();
}

export function formatCaseCode(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(4, "0")}`;
}

function evidenceRow(snapshot: ContentSnapshot, now: Date) {
  return {
    contentKind: snapshot.ref.kind,
    nodeId: snapshot.nodeId,
    url: snapshot.url,
    authorLogin: snapshot.authorLogin,
    title: snapshot.title,
    body: snapshot.body,
    contentCreatedAt: new Date(snapshot.createdAt),
    contentEditedAt: snapshot.editedAt ? new Date(snapshot.editedAt) : null,
    ...(snapshot.editHistory !== null ? { editHistory: snapshot.editHistory as unknown as object } : {}),
    capturedAt: now,
  };
}

/** Stores an edit history read after the report was recorded. */
export async function recordEditHistory(db: Database, evidenceId: string, history: EditHistory | null): Promise<void> {
  await db.evidence.update({
    where: { id: evidenceId },
    data: {
      editHistory: (history?.edits ?? []) as unknown as object,
      ...(history?.editedAt ? { contentEditedAt: new Date(history.editedAt) } : {}),
    },
  });
}

/** Everything needed to render a case issue or a report comment. */
export async function loadCaseView(db: Database, caseId: string) {
  return db.case.findUnique({
    where: { id: caseId },
    include: { reports: { include: { evidence: true, privateReport: true }, orderBy: { createdAt: "asc" } } },
  });
}
export type CaseView = NonNullable<Awaited<ReturnType<typeof loadCaseView>>>;

/**
 * Records the case issue's number the moment it is known, together with the
 * follow-up actions the case file needs (the rest of a report that did not fit),
 * so nothing later has to find the issue again by searching.
 */
export async function setCaseIssueNumber(db: Database, caseId: string, issueNumber: number, followUps: KeyedAction[] = []): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.case.update({ where: { id: caseId }, data: { issueNumber } });
    if (followUps.length > 0) await recordActionsOnce(tx, caseId, followUps);
  });
}

/**
 * Holds a case while its subject can read the cases repository, or releases it. While any case
 * of a cases repository is held, the notices there that name people wait too (see `postNotice`).
 */
export async function setCaseHeld(db: Database, caseId: string, heldAt: Date | null): Promise<void> {
  await db.case.updateMany({ where: { id: caseId, heldAt: heldAt ? null : { not: null } }, data: { heldAt } });
}

/** Whether someone the cases repository is about can read it: a case there is held. */
export async function hasHeldCase(db: Database, casesRepo: RepoRef): Promise<boolean> {
  return (await db.case.count({ where: { casesScope: casesScope(casesRepo), heldAt: { not: null } } })) > 0;
}

/** The subject of a loaded case, as the access check follows them. */
export function subjectOf(view: Pick<CaseView, "subjectLogin" | "subjectId">): { login: string; accountId: number | null } {
  return { login: view.subjectLogin, accountId: view.subjectId === null ? null : Number(view.subjectId) };
}

/** Follow-up actions of a case file, each recorded once however often this runs. */
export async function recordCaseFollowUps(db: Database, caseId: string, followUps: KeyedAction[]): Promise<void> {
  if (followUps.length === 0) return;
  await db.$transaction((tx) => recordActionsOnce(tx, caseId, followUps));
}

export interface KeyedAction {
  action: PlannedAction;
  onceKey: string;
}
