/**
 * `/coc remove [link]` and `/coc close [link]`: replace the reported text with
 * a short removal notice, or close the reported issue or pull request, e.g.
 *
 *   /coc remove
 *   /coc close https://github.com/acme/widgets/issues/31
 *
 * The original text stays in the case's evidence.
 */
import { removalNotice } from "../../messages/removal-notice.js";
import { caseCommand } from "../command-spec.js";
import { UserError } from "../user-error.js";
import { recordCommandResult } from "./case-change.js";
import { caseTarget } from "./case-target.js";

export const removeCommand = caseCommand({
  name: "remove",
  usage: "/coc remove [link]",
  summary: "Replace the reported text with a short removal notice.",
  details: "Replaces the text of the comment, or of the issue or pull request, with a notice that it was removed under the Code of Conduct. The original stays in the case's evidence. A review's own text cannot be edited by the app: hide it instead.",
  async run(ctx) {
    const target = await caseTarget(ctx, ctx.event.command.args[0]);
    if (target.ref.kind === "review") throw new UserError("GitHub lets only a review's author edit its text; use `/coc hide` instead.");
    await recordCommandResult(ctx, {
      audit: [{ actor: ctx.event.sender, action: "content.removed", detail: { nodeId: target.nodeId } }],
      reply: `${target.description} is being replaced with a removal notice; the original stays in the evidence.`,
      actions: [{ kind: "replace-body", ref: target.ref, body: removalNotice() }],
    });
  },
});

export const closeCommand = caseCommand({
  name: "close",
  usage: "/coc close [link]",
  summary: "Close the reported issue or pull request.",
  details: "Closes the issue or pull request the flagged content is in (or the linked one), as not planned.",
  async run(ctx) {
    const { thread } = await caseTarget(ctx, ctx.event.command.args[0]);
    await recordCommandResult(ctx, {
      audit: [{ actor: ctx.event.sender, action: "thread.closed", detail: { repo: `${thread.repo.owner}/${thread.repo.repo}`, number: thread.number } }],
      reply: `\`${thread.repo.owner}/${thread.repo.repo}#${thread.number}\` is being closed.`,
      actions: [{ kind: "close-thread", repo: thread.repo, issueNumber: thread.number }],
    });
  },
});
