/**
 * Carries out one planned action on GitHub. Each branch is idempotent: running
 * an action twice (after a crash or a retry) leaves GitHub as running it once.
 */
import type { GitHubGateway, GitHubPort } from "../github/port.js";
import { caseIssueBody, caseIssueTitle, caseMarker, reportComment, reportMarker } from "../messages/case-file.js";
import { CASE_LABEL, PUBLIC_BODY_LABEL, STATE_LABELS } from "../messages/labels.js";
import { loadCaseView, setCaseIssueNumber } from "../store/cases.js";
import type { Database } from "../store/database.js";
import { WaitingError } from "./action-error.js";
import type { PlannedAction } from "./planned-action.js";

export interface ActionDeps {
  db: Database;
  gateway: GitHubGateway;
}

export class CasesRepoNotPrivateError extends WaitingError {}

/**
 * @param signal aborted when the job timed out: a late continuation must not
 *   start writes that the job's retry is about to make itself.
 */
export async function performAction(action: PlannedAction, deps: ActionDeps, signal?: AbortSignal): Promise<void> {
  const gate: ActionDeps = { ...deps, gateway: { forRepository: async (repo) => guarded(await deps.gateway.forRepository(repo), signal) } };
  return perform(action, gate);
}

/** Wraps a port so each call first checks that the job has not timed out. */
function guarded(github: GitHubPort, signal: AbortSignal | undefined): GitHubPort {
  if (!signal) return github;
  return new Proxy(github, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        signal.throwIfAborted();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

async function perform(action: PlannedAction, deps: ActionDeps): Promise<void> {
  switch (action.kind) {
    case "hide-content": {
      const github = await deps.gateway.forRepository(action.repo);
      await github.ensureHidden(action.nodeId, action.classifier);
      return;
    }
    case "remove-command": {
      const github = await deps.gateway.forRepository(action.location);
      await github.ensureCommandRemoved(action.location, action.remainingBody);
      return;
    }
    case "open-case-issue":
      return openCaseIssue(action, deps);
    case "post-report-to-case": {
      const view = await loadCaseView(deps.db, action.caseId);
      if (!view) throw new Error(`case ${action.caseId} does not exist`);
      if (view.issueNumber === null) throw new WaitingError(`case ${view.code} has no case issue yet`);
      const repo = { owner: view.casesOwner, repo: view.casesRepo };
      const github = await deps.gateway.forRepository(repo);
      await assertPrivate(github, repo);
      if (await github.hasCommentWithMarker(repo, view.issueNumber, reportMarker(action.reportId))) return;
      await github.createComment(repo, view.issueNumber, reportComment(view, action.reportId, action.protection));
      return;
    }
    case "reply": {
      const github = await deps.gateway.forRepository(action.repo);
      await github.createComment(action.repo, action.issueNumber, action.body);
      return;
    }
  }
}

async function openCaseIssue(action: Extract<PlannedAction, { kind: "open-case-issue" }>, deps: ActionDeps): Promise<void> {
  const view = await loadCaseView(deps.db, action.caseId);
  if (!view) throw new Error(`case ${action.caseId} does not exist`);
  if (view.issueNumber !== null) return;
  const repo = { owner: view.casesOwner, repo: view.casesRepo };
  const github = await deps.gateway.forRepository(repo);
  // Checked on every attempt: a repository made public since the flag must never receive a case.
  await assertPrivate(github, repo);
  const existing = await github.findIssueByMarker(repo, caseMarker(view.code), CASE_LABEL.name);
  if (existing !== null) {
    await setCaseIssueNumber(deps.db, view.id, existing);
    return;
  }
  const labels = [CASE_LABEL, STATE_LABELS.new, ...(action.protection === "not-hideable" ? [PUBLIC_BODY_LABEL] : [])];
  for (const label of labels) await github.ensureLabel(repo, label);
  const number = await github.createIssue(repo, {
    title: caseIssueTitle(view),
    body: caseIssueBody(view, action.protection),
    labels: labels.map((l) => l.name),
  });
  await setCaseIssueNumber(deps.db, view.id, number);
}

async function assertPrivate(github: Awaited<ReturnType<GitHubGateway["forRepository"]>>, repo: { owner: string; repo: string }) {
  const info = await github.getRepository(repo);
  if (!info) throw new CasesRepoNotPrivateError(`cases repository ${repo.owner}/${repo.repo} does not exist or the app cannot see it`);
  if (!info.private) throw new CasesRepoNotPrivateError(`cases repository ${repo.owner}/${repo.repo} is not private`);
}
