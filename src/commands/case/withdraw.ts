/**
 * `/coc withdraw`: the proposer withdraws the open proposal; the case is back
 * to acknowledged and its deadlock timer stops, e.g.
 *
 *   /coc withdraw
 */
import { transition } from "../../cases/case-state.js";
import { DATABASE_STATE, statusOf } from "../../store/case-records.js";
import { deadlineCaseOf, replanDeadlines, timerDurations } from "../../store/deadline-jobs.js";
import { caseCommand } from "../command-spec.js";
import { UserError } from "../user-error.js";
import { decidedByEscalation, decidingTeam } from "../committee.js";
import type { CaseCommandContext } from "../command-spec.js";
import { recordCommandResult, caseIssueSync } from "./case-change.js";
import { APP_PROPOSER } from "./strike-threshold.js";

export const withdrawCommand = caseCommand({
  name: "withdraw",
  decides: true,
  usage: "/coc withdraw",
  summary: "Withdraw your open proposal.",
  details:
    "Only the member who proposed it can withdraw it (any member, for the strike rule's proposal by the app); the case goes back to acknowledged, ready for another proposal. " +
    "On a case escalated to the escalation team, its members may also withdraw a proposal made by someone who no longer decides the case.",
  async run(ctx) {
    const { caseFile, event } = ctx;
    const moved = transition(statusOf(caseFile), { type: "withdraw", by: event.sender, at: ctx.now, proposerHandedOver: await proposerHandedOver(ctx) });
    if (!moved.ok) throw new UserError(moved.reason);
    const proposal = caseFile.proposals[0]!;
    await recordCommandResult(ctx, {
      apply: async (tx) => {
        await tx.proposal.update({ where: { id: proposal.id }, data: { status: "withdrawn", closedAt: ctx.now } });
        await tx.case.update({ where: { id: caseFile.id }, data: { state: DATABASE_STATE[moved.state.state] } });
        await replanDeadlines(tx, deadlineCaseOf(caseFile, statusOf(caseFile)), deadlineCaseOf(caseFile, moved.state), timerDurations(ctx.config), ctx.now);
      },
      audit: [{ actor: event.sender, action: "decision.withdrawn", detail: { outcome: proposal.outcome } }],
      reply: `you withdrew the proposal (\`${proposal.outcome}\`); the case is open for another.`,
      actions: [caseIssueSync(ctx)],
    });
  },
});

/** Whether the open proposal was made by someone who no longer decides the case (it went to the escalation team). */
async function proposerHandedOver(ctx: CaseCommandContext): Promise<boolean> {
  const proposal = ctx.caseFile.proposals[0];
  // The strike rule's proposal is the app's: any member who decides the case may withdraw it.
  if (proposal?.status === "open" && proposal.proposer === APP_PROPOSER) return true;
  if (!proposal || proposal.status !== "open" || !decidedByEscalation(ctx.caseFile, ctx.config.committee)) return false;
  const deciders = await ctx.github.listTeamMembers(ctx.event.repo.owner, decidingTeam(ctx.caseFile, ctx.config.committee));
  return !deciders.some((login) => login.toLowerCase() === proposal.proposer.toLowerCase());
}
