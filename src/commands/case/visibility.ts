/**
 * `/coc hide [link]` and `/coc unhide [link]`: minimize content, or show it
 * again, from the case, e.g.
 *
 *   /coc unhide
 *   /coc hide https://github.com/acme/widgets/pull/12#discussion_r7001
 *
 * Without a link they act on the content the case was opened for.
 */
import { caseCommand, type CaseCommandContext } from "../command-spec.js";
import { UserError } from "../user-error.js";
import { recordCommandResult } from "./case-change.js";
import { caseTarget } from "./case-target.js";

export const hideCommand = caseCommand({
  name: "hide",
  usage: "/coc hide [link]",
  summary: "Hide (minimize) the flagged content, or the linked comment or review.",
  details: "Minimizes the comment or review on GitHub, marked as abuse. Issue and pull request bodies cannot be hidden: use `/coc remove`, `/coc lock` or `/coc close`.",
  run: (ctx) => setVisibility(ctx, "hide"),
});

export const unhideCommand = caseCommand({
  name: "unhide",
  usage: "/coc unhide [link]",
  summary: "Show hidden content again.",
  details: "Restores a minimized comment or review, for example when the committee finds no violation.",
  run: (ctx) => setVisibility(ctx, "unhide"),
});

async function setVisibility(ctx: CaseCommandContext, verb: "hide" | "unhide"): Promise<void> {
  const target = await caseTarget(ctx, ctx.event.command.args[0]);
  if (!target.hideable) throw new UserError("GitHub cannot hide an issue or pull request body; use `/coc remove`, `/coc lock` or `/coc close`.");
  const repo = target.thread.repo;
  await recordCommandResult(ctx, {
    audit: [{ actor: ctx.event.sender, action: `content.${verb === "hide" ? "hidden" : "unhidden"}`, detail: { nodeId: target.nodeId } }],
    reply: verb === "hide" ? `${target.description} is being hidden.` : `${target.description} is being shown again.`,
    actions: [
      verb === "hide"
        ? { kind: "hide-content", repo, nodeId: target.nodeId, classifier: "ABUSE" }
        : { kind: "unhide-content", repo, nodeId: target.nodeId },
    ],
  });
}
