/**
 * Posts the app's comment in a thread exactly once for an action, even when
 * GitHub's answer is lost: the comment starts with the action's hidden marker,
 * and a retry after a started send looks for it before writing again (see
 * `create-once.ts`). Replies, comments in a case, notices to people and the
 * public notice all post this way.
 */
import type { GitHubPort, RepoRef } from "../github/port.js";
import { replyMarker } from "../messages/replies.js";
import { WaitingError } from "./action-error.js";
import { createOnce } from "./create-once.js";
import type { ActionRun } from "./perform-action.js";

/** The case's issue, for what is posted in it; waits (`WaitingError`) while the case file is not written yet. */
export async function caseIssueOf(run: Pick<ActionRun, "db">, caseId: string): Promise<{ repo: RepoRef; issueNumber: number; code: string; casesOwner: string }> {
  const found = await run.db.case.findUnique({ where: { id: caseId }, select: { casesOwner: true, casesRepo: true, issueNumber: true, code: true } });
  if (!found) throw new Error(`case ${caseId} does not exist`);
  if (found.issueNumber === null) throw new WaitingError(`case ${found.code} has no case issue yet`);
  return { repo: { owner: found.casesOwner, repo: found.casesRepo }, issueNumber: found.issueNumber, code: found.code, casesOwner: found.casesOwner };
}

export async function postCommentOnce(
  github: GitHubPort,
  repo: RepoRef,
  issueNumber: number,
  /** The text, or how to make it once the send is marked as started (a notice emailed first). */
  body: string | (() => Promise<string>),
  run: Pick<ActionRun, "actionId" | "writeStarted" | "markWriteStarted">,
): Promise<void> {
  const marker = replyMarker(run.actionId);
  await createOnce<true>({
    previouslyStarted: run.writeStarted,
    find: async () => ((await github.hasOwnComment(repo, issueNumber, marker)) ? true : null),
    markStarted: () => run.markWriteStarted(),
    create: async () => {
      const text = typeof body === "string" ? body : await body();
      await github.createComment(repo, issueNumber, `${marker}\n${text}`);
      return true;
    },
  });
}
