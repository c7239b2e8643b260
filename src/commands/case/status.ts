/**
 * `/coc status`: where the case stands, in the case thread, e.g.
 *
 *   /coc status
 *
 * State, who acknowledged it and handles it, who is recused, reports, the
 * open proposal's votes, the deadlines to come, and the case's history from
 * the audit log.
 */
import { auditTrail } from "../../store/audit-log.js";
import { caseCommand } from "../command-spec.js";
import { caseStatusText } from "../../messages/case-status.js";
import { countVotes } from "../../cases/consensus.js";
import { deadlinesFor } from "../../deadlines/deadline-rules.js";
import { tallyText } from "../../messages/decisions.js";
import { loadDeadlineCase, timerDurations } from "../../store/deadline-jobs.js";
import { votingCommittee } from "./decision.js";
import { recordCommandResult } from "./case-change.js";
import { decidedByEscalation, decidingTeam } from "../committee.js";

export const statusCommand = caseCommand({
  name: "status",
  openToRecused: true,
  usage: "/coc status",
  summary: "Show where the case stands and its history.",
  details:
    "Answers in the case with its state, who acknowledged it and when, who handles it, who is recused, its reports, " +
    "the open proposal's votes, the deadlines to come, and its history from the audit log.",
  async run(ctx) {
    const { caseFile } = ctx;
    const history = await auditTrail(ctx.db, caseFile.id);
    const proposal = caseFile.state === "decision_proposed" ? caseFile.proposals[0] : undefined;
    const votes = proposal
      ? tallyText(
          countVotes({
            rule: ctx.config.committee.quorum,
            ...votingCommittee(caseFile, await ctx.github.listTeamMembers(ctx.event.repo.owner, decidingTeam(caseFile, ctx.config.committee))),
            proposer: proposal.proposer,
            votes: proposal.votes.map((v) => ({ login: v.login, choice: v.choice as "approve" | "object" })),
          }),
          ctx.config.committee.quorum,
          null,
        )
      : null;
    const timers = await loadDeadlineCase(ctx.db, caseFile);
    const deadlines = deadlinesFor(timers, timerDurations(ctx.config), ctx.now);
    await recordCommandResult(ctx, {
      audit: [{ actor: ctx.event.sender, action: "case.status-shown", detail: {} }],
      reply: caseStatusText(caseFile, history, {
        votes,
        proposal: proposal ? { outcome: proposal.outcome, by: proposal.proposer } : null,
        deadlines,
        decidingTeam: { name: `${ctx.event.repo.owner}/${decidingTeam(caseFile, ctx.config.committee)}`, escalation: decidedByEscalation(caseFile, ctx.config.committee) },
      }),
    });
  },
});
