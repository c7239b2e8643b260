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
import { typedLogin } from "../../cases/logins.js";
import { UserError } from "../user-error.js";
import { memberInvolvedEscalation } from "../../messages/escalation.js";
import { quietLogin } from "../../messages/safe-markdown.js";
import type { ChangeConsequences } from "../../store/case-records.js";
import { escalateCase } from "../../store/escalation.js";
import { decidedByEscalation, decidingTeam } from "../committee.js";
import { recordCommandResult, caseIssueSync } from "./case-change.js";
import { escalateWhenNobodyLeft } from "./nobody-left.js";

/** More than anyone plausibly names in one command; a longer list is a typo or a paste. */
const MAX_NAMED = 20;

export const affectedCommand = caseCommand({
  name: "affected",
  // Who is affected decides who may vote: on an escalated case, that is the escalation team's to say.
  decides: true,
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
    const login = typedLogin(word);
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
  const members = await ctx.github.listTeamMembers(event.repo.owner, config.committee.team);
  const membersAffected = added.filter((login) => members.some((m) => m.toLowerCase() === login));
  await assertVotersStay(ctx, added, membersAffected);
  const team = config.committee.escalation_team;
  const involvedEscalates = membersAffected.length > 0 && config.committee.member_involved === "escalate" && team !== undefined;
  await recordCommandResult(ctx, {
    apply: async (tx): Promise<ChangeConsequences> => {
      await tx.affectedParty.createMany({ data: added.map((login) => ({ caseId: caseFile.id, login, addedBy: event.sender, createdAt: ctx.now })), skipDuplicates: true });
      if (involvedEscalates && (await escalateCase(tx, caseFile.id, "member-involved", ctx.now))) {
        return {
          reply: memberInvolvedEscalation(caseFile.code, `${event.repo.owner}/${team}`, "affected"),
          audit: [{ actor: "app", action: "case.escalated", detail: { reason: "member-involved", team } }],
          actions: [caseIssueSync(ctx)],
        };
      }
      return escalateWhenNobodyLeft(tx, caseFile, members, { affected: added }, config, ctx.now);
    },
    audit: [{ actor: event.sender, action: "case.affected-added", detail: { logins: added } }],
    reply: [
      `recorded as affected: ${added.map(quietLogin).join(", ")}.`,
      ...(membersAffected.length > 0 ? [`${membersAffected.map(quietLogin).join(", ")} ${membersAffected.length === 1 ? "is on" : "are on"} the committee, so they take no part in this case.`] : []),
    ].join(" "),
  });
}

/**
 * Naming a member of the deciding team affected (or taking them off) recuses them (or lets them back):
 * during a vote that would change who votes on it, so it waits until no proposal is open.
 */
async function assertVotersStay(ctx: CaseCommandContext, logins: string[], committeeMembers: string[]): Promise<void> {
  if (ctx.caseFile.state !== "decision_proposed") return;
  const deciders = decidedByEscalation(ctx.caseFile, ctx.config.committee)
    ? (await ctx.github.listTeamMembers(ctx.event.repo.owner, decidingTeam(ctx.caseFile, ctx.config.committee))).map((m) => m.toLowerCase())
    : committeeMembers;
  const voters = logins.filter((login) => deciders.includes(login));
  if (voters.length === 0) return;
  throw new UserError(
    `${voters.map(quietLogin).join(", ")} ${voters.length === 1 ? "votes" : "vote"} on the open proposal: naming them affected, or taking them off, would change who decides it. ` +
      "Record it once the proposal is decided or withdrawn; a member can recuse themselves at any time with `/coc recuse`.",
  );
}

async function remove(ctx: CaseCommandContext, logins: string[]): Promise<void> {
  const { caseFile, event } = ctx;
  const known = new Set(caseFile.affectedParties.map((p) => p.login));
  const removed = logins.filter((login) => known.has(login));
  if (removed.length === 0) throw new UserError("nobody named is recorded as affected.");
  const members = (await ctx.github.listTeamMembers(event.repo.owner, ctx.config.committee.team)).map((m) => m.toLowerCase());
  await assertVotersStay(ctx, removed, members.filter((m) => removed.includes(m)));
  await recordCommandResult(ctx, {
    apply: async (tx) => {
      await tx.affectedParty.deleteMany({ where: { caseId: caseFile.id, login: { in: removed } } });
    },
    audit: [{ actor: event.sender, action: "case.affected-removed", detail: { logins: removed } }],
    reply: `no longer recorded as affected: ${removed.map(quietLogin).join(", ")}.`,
  });
}
