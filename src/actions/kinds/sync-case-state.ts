/**
 * Keeps the case issue in step with the case: its state label, the
 * `escalated` label once the escalation team decides it, and the status block
 * at the top of its body. It reads the case when it runs, so several changes
 * in a row end on the latest; labels the committee added by hand stay, and so
 * does the rest of the body.
 */
import { caseMarker } from "../../messages/case-file.js";
import { statusBlock, withStatusBlock } from "../../messages/case-status-block.js";
import { ESCALATED_LABEL, STATE_LABELS } from "../../messages/labels.js";
import type { ActionKindSpec } from "../action-kind.js";
import { WaitingError } from "../action-error.js";

export const syncCaseState: ActionKindSpec<"sync-case-state"> = {
  kind: "sync-case-state",
  priority: 35,
  maxAttempts: 25,
  // Behind the case file's own writes: the issue must exist before it is labelled.
  queue: (action) => `case:${action.caseId}`,
  async perform(action, run) {
    const found = await run.db.case.findUnique({
      where: { id: action.caseId },
      include: { proposals: { where: { status: { not: "withdrawn" } }, orderBy: [{ createdAt: "desc" }, { status: "desc" }], take: 1 } },
    });
    if (!found) throw new Error(`case ${action.caseId} does not exist`);
    if (found.issueNumber === null) throw new WaitingError(`case ${found.code} has no case issue yet`);
    const repo = { owner: found.casesOwner, repo: found.casesRepo };
    const github = await run.gateway.forRepository(repo);
    const label = STATE_LABELS[found.state];
    await github.ensureLabel(repo, label);
    await github.swapIssueLabel(repo, found.issueNumber, label.name, Object.values(STATE_LABELS).map((l) => l.name));
    if (found.escalatedAt) {
      await github.ensureLabel(repo, ESCALATED_LABEL);
      await github.swapIssueLabel(repo, found.issueNumber, ESCALATED_LABEL.name, []);
    }
    const block = statusBlock({ ...found, proposal: found.proposals[0] ?? null });
    await github.rewriteIssueBody(repo, found.issueNumber, (body) => withStatusBlock(body, caseMarker(found.code), block));
  },
};
