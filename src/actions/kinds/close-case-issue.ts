/** Closes a case issue as completed once its decision is enacted. */
import type { ActionKindSpec } from "../action-kind.js";

export const closeCaseIssue: ActionKindSpec<"close-case-issue"> = {
  kind: "close-case-issue",
  priority: 36,
  maxAttempts: 25,
  queue: (action) => `case:${action.caseId}`,
  async perform(action, run) {
    const found = await run.db.case.findUnique({ where: { id: action.caseId }, select: { casesOwner: true, casesRepo: true, issueNumber: true, state: true } });
    // Reopened meanwhile, or never written: nothing to close.
    if (!found || found.issueNumber === null || found.state !== "closed") return;
    const repo = { owner: found.casesOwner, repo: found.casesRepo };
    const github = await run.gateway.forRepository(repo);
    await github.ensureIssueClosed(repo, found.issueNumber, "completed");
  },
};
