/**
 * Posts the app's own comment in a case issue, once that issue exists: for
 * what must be said in a case as soon as it opens, before anyone writes a
 * command there (the escalation team hearing of a case that involves a
 * committee member). Posted once, even when GitHub's answer is lost; on the
 * case's queue, after the case file.
 */
import type { ActionKindSpec } from "../action-kind.js";
import { WaitingError } from "../action-error.js";
import { postCommentOnce } from "../post-comment-once.js";

export const caseComment: ActionKindSpec<"case-comment"> = {
  kind: "case-comment",
  priority: 41,
  maxAttempts: 100,
  queue: (action) => `case:${action.caseId}`,
  async perform(action, run) {
    const found = await run.db.case.findUnique({ where: { id: action.caseId }, select: { casesOwner: true, casesRepo: true, issueNumber: true, code: true } });
    if (!found) throw new Error(`case ${action.caseId} does not exist`);
    if (found.issueNumber === null) throw new WaitingError(`case ${found.code} has no case issue yet`);
    const repo = { owner: found.casesOwner, repo: found.casesRepo };
    const github = await run.gateway.forRepository(repo);
    await postCommentOnce(github, repo, found.issueNumber, action.body, run);
  },
};
