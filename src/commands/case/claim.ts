/**
 * `/coc claim` and `/coc assign @login`: who handles the case, e.g.
 *
 *   /coc claim
 *   /coc assign @mod-omar
 *
 * Only a committee member who is not recused from the case can handle it.
 */
import { typedLogin } from "../../cases/logins.js";
import { UserError } from "../user-error.js";
import { caseCommand, type CaseCommandContext } from "../command-spec.js";
import { committeeStanding } from "../committee.js";
import { isRecused } from "./recusals.js";
import { recordCommandResult, caseIssueSync } from "./case-change.js";


export const claimCommand = caseCommand({
  name: "claim",
  usage: "/coc claim",
  summary: "Take the case on: you handle it.",
  details: "Records you as the committee member handling the case. A member recused from the case cannot claim it.",
  run: (ctx) => assign(ctx, ctx.event.sender),
});

export const assignCommand = caseCommand({
  name: "assign",
  usage: "/coc assign @login",
  summary: "Give the case to a committee member to handle.",
  details: "Records that committee member as the one handling the case. They must be on the committee team (or the escalation team) and not recused from the case.",
  async run(ctx) {
    const [first, ...more] = ctx.event.command.args;
    const login = first === undefined || more.length > 0 ? undefined : typedLogin(first) ?? undefined;
    if (!login) throw new UserError("name one committee member: `/coc assign @login`.");
    const standing = await committeeStanding(ctx.github, ctx.event.repo, { committee: ctx.config.committee }, login);
    if (!standing) throw new UserError(`${login} is not on the committee team, so they cannot handle a case.`);
    await assign(ctx, login);
  },
});

async function assign(ctx: CaseCommandContext, login: string): Promise<void> {
  if (isRecused(ctx.caseFile, login)) throw new UserError(`${login} is recused from this case, so they cannot handle it.`);
  if (ctx.caseFile.assignee?.toLowerCase() === login.toLowerCase()) {
    throw new UserError(`${login} already handles this case.`);
  }
  const self = login.toLowerCase() === ctx.event.sender.toLowerCase();
  await recordCommandResult(ctx, {
    apply: async (tx) => {
      await tx.case.update({ where: { id: ctx.caseFile.id }, data: { assignee: login } });
    },
    audit: [{ actor: ctx.event.sender, action: "case.assigned", detail: { assignee: login, previous: ctx.caseFile.assignee } }],
    reply: self ? "you handle this case now." : `\`${login}\` handles this case now.`,
    // "Handled by" in the status block.
    actions: [caseIssueSync(ctx)],
  });
}
