/**
 * Posts the minimal public notice (`decisions.public_notice: minimal`) in a
 * moderated thread, once per case and thread: a case reopened and closed
 * again says nothing more. The action carries no text: the kind writes the
 * fixed notice itself, so nothing from a case can ever reach a public thread
 * this way.
 */
import { MINIMAL_PUBLIC_NOTICE } from "../../messages/public-notice.js";
import type { ActionKindSpec, ActionOf } from "../action-kind.js";
import type { ActionRun } from "../perform-action.js";
import { postCommentOnce } from "../post-comment-once.js";

export const publicNotice: ActionKindSpec<"public-notice"> = {
  kind: "public-notice",
  priority: 44,
  maxAttempts: 25,
  async perform(action, run) {
    if (await saidBefore(run, action)) return;
    const github = await run.gateway.forRepository(action.repo);
    await postCommentOnce(github, action.repo, action.issueNumber, MINIMAL_PUBLIC_NOTICE, run);
  },
};

/** Whether an earlier close of the same case already left the notice in this thread. */
async function saidBefore(run: ActionRun, action: ActionOf<"public-notice">): Promise<boolean> {
  const own = await run.db.action.findUnique({ where: { id: run.actionId }, select: { caseId: true } });
  if (!own?.caseId) return false;
  const earlier = await run.db.action.findMany({ where: { caseId: own.caseId, kind: "public-notice", status: "done", id: { not: run.actionId } }, select: { payload: true } });
  return earlier.some(({ payload }) => {
    const said = payload as { repo?: { owner?: string; repo?: string }; issueNumber?: number };
    return said.issueNumber === action.issueNumber && `${said.repo?.owner}/${said.repo?.repo}`.toLowerCase() === `${action.repo.owner}/${action.repo.repo}`.toLowerCase();
  });
}
