/**
 * Posts the app's own comment in a case issue, once that issue exists: for
 * what must be said in a case as soon as it opens, before anyone writes a
 * command there (the escalation team hearing of a case that involves a
 * committee member). Posted once, even when GitHub's answer is lost; on the
 * case's queue, after the case file.
 */
import type { ActionKindSpec } from "../action-kind.js";
import { caseIssueOf, postCommentOnce } from "../post-comment-once.js";

export const caseComment: ActionKindSpec<"case-comment"> = {
  kind: "case-comment",
  priority: 41,
  maxAttempts: 100,
  queue: (action) => `case:${action.caseId}`,
  async perform(action, run) {
    const { repo, issueNumber } = await caseIssueOf(run, action.caseId);
    const github = await run.gateway.forRepository(repo);
    await postCommentOnce(github, repo, issueNumber, action.body, run);
  },
};
