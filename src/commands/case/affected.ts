/**
 * `/coc affected @login [@login…]`: who the reported conduct affected, e.g.
 *
 *   /coc affected @mod-omar @new-contributor
 *   /coc affected remove @new-contributor
 *
 * The closing report lists them. A committee member among them takes no part
 * in the case, like its subject and reporters; with
 * `committee.member_involved: escalate` the case goes to the escalation team.
 */
import { caseCommand, type CaseCommandContext } from "../command-spec.js";
import { UserError } from "../user-error.js";
import { memberInvolvedEscalation } from "../../messages/escalation.js";
import { quietLogin } from "../../messages/safe-markdown.js";
import { recordCommandResult, stateLabelSync } from "./case-change.js";

const LOGIN = /^@?([A-Za-z0-9][A-Za-z0-9_-]{0,38})$/;
/** More than anyone plausibly names in one command; a longer list is a typo or a paste. */
const MAX_NAMED = 20;

export const affectedCommand = caseCommand({
  name: "affected",
  usage: "/coc affected [remove] @login [@login…]",
  summary: "Record who the reported conduct affected.",
  details:
    "Records the people the conduct affected, for the closing report. A committee member among them is recused from the case, " +
    "and with `committee.member_involved: escalate` the case goes to the escalation team. `remove` takes a name off the list.",
  async run(ctx) {
    const [first, ...rest] = ctx.event.command.args;
    const removing = first?.toLowerCase() === "remove";
    const logins = parseLogins(removing ? rest : ctx.event.command.args);
    if (removing) return remove(ctx, logins);
    return add(ctx, logins);
  },
});

function parseLogins(words: string[]): string[] {
  if (words.length === 0) throw new UserError("name the people affected: `/coc affected @login [@login…]`.");
  if (words.length > MAX_NAMED) throw new UserError(`name at most ${MAX_NAMED} people at once.`);
  const logins = words.map((word) => {
    const login = LOGIN.exec(word)?.[1];
    if (!login) throw new UserError(`\`${word.slice(0, 60)}\` is not a GitHub login: write \`@login\`.`);
    return login.toLowerCase();
  });
  return [...new Set(logins)];
}

async function add(ctx: CaseCommandContext, logins: string[]): Promise<void> {
  const { caseFile, config, event } = ctx;
  const known = new Set(caseFile.affectedParties.map((p) => p.login));
  const added = logins.filter((login) => !known.has(login));
  if (added.length === 0) throw new UserError("everyone named is already recorded as affected.");
  const members = new Set((await ctx.github.listTeamMembers(event.repo.owner, config.committee.team)).map((m) => m.toLowerCase()));
  const membersAffected = added.filter((login) => members.has(login));
  const escalate = membersAffected.length > 0 && config.committee.member_involved === "escalate" && config.committee.escalation_team !== undefined && !caseFile.escalatedAt;
  const escalationTeam = `${event.repo.owner}/${config.committee.escalation_team}`;
  await recordCommandResult(ctx, {
    apply: async (tx) => {
      await tx.affectedParty.createMany({ data: added.map((login) => ({ caseId: caseFile.id, login, addedBy: event.sender, createdAt: ctx.now })), skipDuplicates: true });
      if (escalate) await tx.case.updateMany({ where: { id: caseFile.id, escalatedAt: null }, data: { escalatedAt: ctx.now, escalationReason: "member-involved" } });
    },
    audit: [
      { actor: event.sender, action: "case.affected-added", detail: { logins: added } },
      ...(escalate ? [{ actor: "app", action: "case.escalated", detail: { reason: "member-involved", team: config.committee.escalation_team } }] : []),
    ],
    reply:
      [
        `recorded as affected: ${added.map(quietLogin).join(", ")}.`,
        ...(membersAffected.length > 0 ? [`${membersAffected.map(quietLogin).join(", ")} ${membersAffected.length === 1 ? "is on" : "are on"} the committee, so they take no part in this case.`] : []),
      ].join(" ") + (escalate ? `\n\n${memberInvolvedEscalation(caseFile.code, escalationTeam, "affected")}` : ""),
    actions: escalate ? [stateLabelSync(ctx)] : [],
  });
}

async function remove(ctx: CaseCommandContext, logins: string[]): Promise<void> {
  const { caseFile, event } = ctx;
  const known = new Set(caseFile.affectedParties.map((p) => p.login));
  const removed = logins.filter((login) => known.has(login));
  if (removed.length === 0) throw new UserError("nobody named is recorded as affected.");
  await recordCommandResult(ctx, {
    apply: async (tx) => {
      await tx.affectedParty.deleteMany({ where: { caseId: caseFile.id, login: { in: removed } } });
    },
    audit: [{ actor: event.sender, action: "case.affected-removed", detail: { logins: removed } }],
    reply: `no longer recorded as affected: ${removed.map(quietLogin).join(", ")}.`,
  });
}
