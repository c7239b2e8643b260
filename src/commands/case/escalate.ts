/**
 * `/coc escalate [reason]`: the committee hands a case to the escalation team
 * (`committee.escalation_team`), which decides it from then on, e.g.
 *
 *   /coc escalate we are two against one and cannot move
 *
 * ITK turns a deadlocked case over to its officers; this is the same step
 * taken before the deadlock timer does it. The escalation team is mentioned
 * in the case; an open proposal stays, and its votes are counted among that
 * team's members from now on.
 */
import { escalateCase } from "../../store/escalation.js";
import { decidingTeam } from "../committee.js";
import { caseCommand } from "../command-spec.js";
import { UserError } from "../user-error.js";
import { recordCommandResult, caseIssueSync } from "./case-change.js";

export const escalateCommand = caseCommand({
  name: "escalate",
  usage: "/coc escalate [reason]",
  summary: "Hand the case to the escalation team, which then decides it.",
  details:
    "Mentions the escalation team (`committee.escalation_team`) in the case; from then on its members vote on proposals and enact decisions, " +
    "and the committee can still act on the content. An open proposal stays, and is counted among the escalation team.",
  decides: true,
  async run(ctx) {
    const { caseFile, event, config } = ctx;
    const team = config.committee.escalation_team;
    if (team === undefined) throw new UserError("there is no escalation team to hand this case to: `committee.escalation_team` is not set.");
    if (caseFile.escalatedAt) throw new UserError(`this case is already escalated to the escalation team (\`${event.repo.owner}/${team}\`).`);
    if (caseFile.state === "decided" || caseFile.state === "closed") throw new UserError(`this case is ${caseFile.state}: there is nothing left to decide.`);
    const reason = event.command.rest;
    await recordCommandResult(ctx, {
      apply: async (tx) => {
        if (!(await escalateCase(tx, caseFile.id, "committee", ctx.now))) throw new UserError("this case was escalated a moment ago.");
      },
      audit: [{ actor: event.sender, action: "case.escalated", detail: { reason: "committee", team, ...(reason ? { why: reason } : {}) } }],
      reply:
        `the case is escalated. @${event.repo.owner}/${decidingTeam({ escalatedAt: ctx.now }, config.committee)}: the committee hands case ${caseFile.code} to you, ` +
        "and you decide it from now on (`/coc status` shows where it stands).",
      actions: [caseIssueSync(ctx)],
    });
  },
});
