/**
 * `/coc recuse [reason]`: the member takes no part in the case, e.g.
 *
 *   /coc recuse I work with the subject
 *
 * A recused member is left out of the case's votes and of its quorum, and
 * stops handling the case if they did.
 */
import { UserError } from "../user-error.js";
import { caseCommand } from "../command-spec.js";
import { isRecused } from "./recusals.js";
import { recordCommandResult, caseIssueSync } from "./case-change.js";
import { escalateWhenNobodyLeft } from "./nobody-left.js";

export const recuseCommand = caseCommand({
  name: "recuse",
  openToRecused: true,
  usage: "/coc recuse [reason]",
  summary: "Take no part in this case.",
  details:
    "Records that you are recused: you are left out of the case's votes and quorum, and stop handling it if you did. " +
    "Members who are the subject, a reporter or an affected party are recused automatically.",
  async run(ctx) {
    const login = ctx.event.sender;
    if (isRecused(ctx.caseFile, login)) throw new UserError("you are already recused from this case.");
    const reason = ctx.event.command.rest;
    const handled = ctx.caseFile.assignee?.toLowerCase() === login.toLowerCase();
    const members = await ctx.github.listTeamMembers(ctx.event.repo.owner, ctx.config.committee.team);
    await recordCommandResult(ctx, {
      apply: async (tx) => {
        await tx.caseRecusal.create({ data: { caseId: ctx.caseFile.id, login: login.toLowerCase(), reason: "self", note: reason || null, createdAt: ctx.now } });
        if (handled) await tx.case.update({ where: { id: ctx.caseFile.id }, data: { assignee: null } });
        return escalateWhenNobodyLeft(tx, ctx.caseFile, members, { recused: [login] }, ctx.config, ctx.now);
      },
      audit: [{ actor: login, action: "case.recused", detail: { reason: "self", ...(reason ? { note: reason } : {}) } }],
      reply: `you are recused from this case: you take no part in its votes or its quorum${handled ? ", and no longer handle it" : ""}.`,
      // "Handled by" in the status block.
      actions: handled ? [caseIssueSync(ctx)] : [],
    });
  },
});
