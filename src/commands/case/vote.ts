/**
 * `/coc approve` and `/coc object [reason]`: a committee member's vote on the
 * open proposal, e.g.
 *
 *   /coc approve
 *   /coc object a warning is too much for a first report
 *
 * A member's last vote is the one that counts. Recused members cannot vote.
 */
import { transition } from "../../cases/case-state.js";
import { statusOf } from "../../store/case-records.js";
import { caseCommand, type CaseCommandContext } from "../command-spec.js";
import { decidingTeam } from "../committee.js";
import { UserError } from "../user-error.js";
import { recordCommandResult } from "./case-change.js";
import { settleProposal, votingCommittee } from "./decision.js";

export const approveCommand = caseCommand({
  name: "approve",
  decides: true,
  usage: "/coc approve",
  summary: "Approve the open proposal.",
  details: "Records your approval of the open proposal; when the quorum rule is met, the decision is taken. Your last vote counts.",
  run: (ctx) => vote(ctx, "approve"),
});

export const objectCommand = caseCommand({
  name: "object",
  decides: true,
  usage: "/coc object [reason]",
  summary: "Object to the open proposal.",
  details: "Records your objection. Under `unanimous` one objection blocks the proposal until it is withdrawn, or you approve after all.",
  run: (ctx) => vote(ctx, "object"),
});

async function vote(ctx: CaseCommandContext, choice: "approve" | "object"): Promise<void> {
  const { caseFile, event } = ctx;
  const checked = transition(statusOf(caseFile), { type: choice, by: event.sender, at: ctx.now });
  if (!checked.ok) throw new UserError(checked.reason);
  const proposal = caseFile.proposals[0]!;
  const committee = votingCommittee(caseFile, await ctx.github.listTeamMembers(ctx.event.repo.owner, decidingTeam(caseFile, ctx.config.committee)));
  const reason = choice === "object" ? event.command.rest : "";
  await recordCommandResult(ctx, {
    apply: async (tx) => {
      const login = event.sender.toLowerCase();
      const cast = { choice, reason: reason || null, castAt: ctx.now };
      await tx.vote.upsert({ where: { proposalId_login: { proposalId: proposal.id, login } }, create: { proposalId: proposal.id, login, ...cast }, update: cast });
      return settleProposal(tx, caseFile, proposal.id, committee, ctx.config, ctx.now);
    },
    audit: [{ actor: event.sender, action: `decision.${choice === "approve" ? "approved" : "objected"}`, detail: { outcome: proposal.outcome, ...(reason ? { reason } : {}) } }],
    reply: choice === "approve" ? `you approve \`${proposal.outcome}\`.` : `you object to \`${proposal.outcome}\`.`,
    actions: [{ kind: "sync-case-state", caseId: caseFile.id }],
  });
}
