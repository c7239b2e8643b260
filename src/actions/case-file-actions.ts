/**
 * Writes a case file into the private cases repository: the case issue, a
 * report comment per later report, and the follow-up comments of a case file
 * too long for one body. Before every write the repository must be private and
 * the subject must not be able to read it; otherwise the file waits (and the
 * committee is told once, without names). Each write happens once, even when
 * GitHub's answer is lost.
 */
import type { GitHubPort, RepoRef } from "../github/port.js";
import { subjectHistory } from "../store/subject-history.js";
import { subjectHistoryText } from "../messages/subject-history.js";
import { caseIssueParts, caseIssueTitle, caseMarker, partMarker, reportMarker, reportParts } from "../messages/case-file.js";
import { CASE_LABEL, PUBLIC_BODY_LABEL, STATE_LABELS, ESCALATED_LABEL } from "../messages/labels.js";
import { heldCaseNotice } from "../messages/notices.js";
import {
  loadCaseView,
  recordCaseFollowUps,
  recordEditHistory,
  setCaseHeld,
  setCaseIssueNumber,
  subjectOf,
  type CaseView,
  type KeyedAction,
} from "../store/cases.js";
import { recordNoticeOnce } from "../store/notices.js";
import { isBodyRefused, PermanentActionError, WaitingError } from "./action-error.js";
import { assertPrivate, SubjectCanReadCasesError, subjectCanRead } from "./cases-repo-guard.js";
import { createOnce } from "./create-once.js";
import type { ActionRun } from "./perform-action.js";
import type { PlannedAction, Protection } from "./planned-action.js";

type CaseFileAction = Extract<PlannedAction, { kind: "open-case-issue" | "post-report-to-case" | "post-case-part" }>;

export async function openCaseIssue(action: Extract<PlannedAction, { kind: "open-case-issue" }>, run: ActionRun): Promise<void> {
  const prepared = await prepare(action, run);
  if (!prepared) return;
  await writeCaseIssue(prepared.github, prepared.repo, prepared.view, action, run);
}

export async function postReportToCase(action: Extract<PlannedAction, { kind: "post-report-to-case" }>, run: ActionRun): Promise<void> {
  const prepared = await prepare(action, run);
  if (!prepared) return;
  const { github, repo, view } = prepared;
  const issueNumber = requireIssue(view);
  const [first, ...rest] = reportParts(view, action.reportId, action.protection);
  await postOnce(github, repo, issueNumber, reportMarker(view.code, action.reportId), first!, run);
  await recordCaseFollowUps(run.db, view.id, followUps(view.id, action.reportId, "report", rest.length, action.protection));
}

export async function postCasePart(action: Extract<PlannedAction, { kind: "post-case-part" }>, run: ActionRun): Promise<void> {
  const prepared = await prepare(action, run);
  if (!prepared) return;
  const { github, repo, view } = prepared;
  const issueNumber = requireIssue(view);
  const parts = action.of === "case-issue" ? caseIssueParts(view, action.protection, view.subjectHistory) : reportParts(view, action.reportId, action.protection);
  const body = parts[action.part];
  if (body === undefined) throw new PermanentActionError(`case ${view.code} has no part ${action.part}`);
  await postOnce(github, repo, issueNumber, partMarker(view.code, action.reportId, action.part), body, run);
}

/** Loads the case and checks, before every write, that its file may be written; null when the issue is already open. */
async function prepare(action: CaseFileAction, run: ActionRun): Promise<{ github: GitHubPort; repo: RepoRef; view: CaseView } | null> {
  const loaded = await loadCaseView(run.db, action.caseId);
  if (!loaded) throw new Error(`case ${action.caseId} does not exist`);
  if (action.kind === "open-case-issue" && loaded.issueNumber !== null) return null;
  const repo = { owner: loaded.casesOwner, repo: loaded.casesRepo };
  const github = await run.gateway.forRepository(repo);
  await assertSafeForCase(github, repo, loaded, run);
  return { github, repo, view: await withEditHistories(loaded, run) };
}

/**
 * Reads the edit history of evidence recorded without it: it is read here,
 * after the content was hidden, rather than before, so that hiding never waits
 * for it.
 */
async function withEditHistories(view: CaseView, run: ActionRun): Promise<CaseView> {
  const missing = view.reports.filter((r) => r.evidence && r.evidence.editHistory === null);
  if (missing.length === 0) return view;
  for (const report of missing) {
    const evidence = report.evidence!;
    const github = await run.gateway.forRepository(repoOfContent(evidence.url));
    await recordEditHistory(run.db, evidence.id, await github.fetchEditHistory(evidence.nodeId));
  }
  const reloaded = await loadCaseView(run.db, view.id);
  if (!reloaded) throw new Error(`case ${view.id} does not exist`);
  return reloaded;
}

/** The repository of flagged content, from the address GitHub gave it: https://host/owner/repo/… */
function repoOfContent(url: string): RepoRef {
  const [owner, repo] = new URL(url).pathname.split("/").filter((s) => s !== "");
  if (!owner || !repo) throw new PermanentActionError("evidence has no repository in its address");
  return { owner, repo };
}

async function assertSafeForCase(github: GitHubPort, repo: RepoRef, view: CaseView, run: ActionRun): Promise<void> {
  // Checked on every attempt: a repository made public since the flag must never receive a case.
  await assertPrivate(github, repo);
  if (!(await subjectCanRead(github, repo, subjectOf(view)))) {
    if (view.heldAt) await setCaseHeld(run.db, view.id, null);
    return;
  }
  if (!view.heldAt) await setCaseHeld(run.db, view.id, run.now());
  await recordNoticeOnce(
    run.db,
    {
      onceKey: `held:${view.id}`,
      casesRepo: repo,
      body: heldCaseNotice(view.code),
      nameless: true,
      caseId: view.id,
      audit: { actor: "app", action: "case-file.held", detail: { reason: "the subject can read the cases repository" } },
    },
    run.now(),
  );
  throw new SubjectCanReadCasesError(`case ${view.code} is held: its subject can read the cases repository`);
}

async function writeCaseIssue(
  github: GitHubPort,
  repo: RepoRef,
  view: CaseView,
  action: Extract<PlannedAction, { kind: "open-case-issue" }>,
  run: ActionRun,
): Promise<void> {
  const labels = [
    CASE_LABEL,
    STATE_LABELS.new,
    ...(action.protection === "not-hideable" ? [PUBLIC_BODY_LABEL] : []),
    ...(view.escalatedAt ? [ESCALATED_LABEL] : []),
  ];
  const [body, ...rest] = caseIssueParts(view, action.protection, await historyOf(view, run));
  const title = caseIssueTitle(view);
  const number = await createOnce({
    previouslyStarted: run.writeStarted,
    find: () => github.findOwnIssue(repo, caseMarker(view.code), CASE_LABEL.name),
    markStarted: () => run.markWriteStarted(),
    create: async () => {
      for (const label of labels) await github.ensureLabel(repo, label);
      const issue = { title, labels: labels.map((l) => l.name) };
      try {
        return await github.createIssue(repo, { ...issue, body: body! });
      } catch (error) {
        if (!isBodyRefused(error)) throw error;
        // GitHub refused the body itself: say so in a file that carries only what the app wrote, rather than retry it unchanged.
        return github.createIssue(repo, { ...issue, body: refusedBody(caseMarker(view.code), view.code) });
      }
    },
  });
  const reportId = view.reports[0]?.id ?? "none";
  await setCaseIssueNumber(run.db, view.id, number, followUps(view.id, reportId, "case-issue", rest.length, action.protection));
}

/**
 * The subject's history for the case file, read once and kept with the case: the file's follow-up parts are cut
 * from the same text however much the history grows before they are posted.
 */
async function historyOf(view: CaseView, run: ActionRun): Promise<string> {
  if (view.subjectHistory !== null) return view.subjectHistory;
  const origin = new URL(view.reports[0]?.evidence?.url ?? "https://github.com").origin;
  const text = subjectHistoryText(await subjectHistory(run.db, view), view.subjectLogin, origin);
  await run.db.case.updateMany({ where: { id: view.id, subjectHistory: null }, data: { subjectHistory: text } });
  const kept = await run.db.case.findUniqueOrThrow({ where: { id: view.id }, select: { subjectHistory: true } });
  return kept.subjectHistory ?? text;
}

async function postOnce(github: GitHubPort, repo: RepoRef, issueNumber: number, marker: string, body: string, run: ActionRun): Promise<void> {
  await createOnce<true>({
    previouslyStarted: run.writeStarted,
    find: async () => ((await github.hasOwnComment(repo, issueNumber, marker)) ? true : null),
    markStarted: () => run.markWriteStarted(),
    create: async () => {
      try {
        await github.createComment(repo, issueNumber, body);
      } catch (error) {
        if (!isBodyRefused(error)) throw error;
        await github.createComment(repo, issueNumber, refusedBody(marker, null));
      }
      return true;
    },
  });
}

/** One `post-case-part` per follow-up, keyed so that running this twice records them once. */
function followUps(caseId: string, reportId: string, of: "case-issue" | "report", count: number, protection: Protection): KeyedAction[] {
  return Array.from({ length: count }, (_, i) => ({
    onceKey: `part:${reportId}:${of}:${i + 1}`,
    action: { kind: "post-case-part" as const, caseId, reportId, part: i + 1, of, protection },
  }));
}

function requireIssue(view: CaseView): number {
  if (view.issueNumber === null) throw new WaitingError(`case ${view.code} has no case issue yet`);
  return view.issueNumber;
}

function refusedBody(marker: string, code: string | null): string {
  return [
    marker,
    code ? `## Case ${code}` : "",
    "",
    "GitHub refused this part of the case file as written (422). The evidence is kept in full in the app's database; nothing is lost.",
  ].join("\n");
}
