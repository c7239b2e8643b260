/**
 * Tells a case's reporter or subject something. GitHub has no private
 * message, so the notice goes where that person can read it and nobody else
 * learns of the case: a comment in the case issue mentioning them when they
 * can read the cases repository; otherwise the case lists it as a task for
 * the committee to deliver by hand. Posted once, even when GitHub's answer is
 * lost; on the case's queue, after the case file.
 */
import { deliverByHandTask } from "../../messages/people-notices.js";
import { replyMarker } from "../../messages/replies.js";
import type { ActionKindSpec } from "../action-kind.js";
import { WaitingError } from "../action-error.js";
import { createOnce } from "../create-once.js";

export const deliverNotice: ActionKindSpec<"deliver-notice"> = {
  kind: "deliver-notice",
  priority: 42,
  maxAttempts: 100,
  queue: (action) => `case:${action.caseId}`,
  async perform(action, run) {
    const found = await run.db.case.findUnique({ where: { id: action.caseId }, select: { casesOwner: true, casesRepo: true, issueNumber: true, code: true } });
    if (!found) throw new Error(`case ${action.caseId} does not exist`);
    if (found.issueNumber === null) throw new WaitingError(`case ${found.code} has no case issue yet`);
    const repo = { owner: found.casesOwner, repo: found.casesRepo };
    const issueNumber = found.issueNumber;
    const github = await run.gateway.forRepository(repo);
    const access = await github.getAccountPermission(repo, action.to);
    const body = access && access.permission !== "none" ? `@${action.to} ${action.body}` : deliverByHandTask(action.to, action.about, action.body);
    const marker = replyMarker(run.actionId);
    await createOnce<true>({
      previouslyStarted: run.writeStarted,
      find: async () => ((await github.hasOwnComment(repo, issueNumber, marker)) ? true : null),
      markStarted: () => run.markWriteStarted(),
      create: async () => {
        await github.createComment(repo, issueNumber, `${marker}\n${body}`);
        return true;
      },
    });
  },
};
