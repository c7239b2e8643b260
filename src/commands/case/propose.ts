/**
 * `/coc propose <outcome> [reason]` and `/coc resolve <outcome> [reason]`: put
 * a decision to the committee, e.g.
 *
 *   /coc propose warning repeated personal attacks after a reminder
 *   /coc resolve no-violation the comment quoted someone else
 *
 * The proposer counts as approving. Under `committee.quorum: single`,
 * `resolve` decides at once; under any other rule it opens the same vote as
 * `propose`. The case shows the votes after each one.
 */
import { transition } from "../../cases/case-state.js";
import { OUTCOMES, parseOutcome } from "../../cases/outcomes.js";
import { TERMED_OUTCOMES, describeTerms, parseOutcomeTerms, writeTerms } from "../../cases/sanction-terms.js";
import { DATABASE_STATE, statusOf } from "../../store/case-records.js";
import { deadlineCaseOf, replanDeadlines, timerDurations } from "../../store/deadline-jobs.js";
import { inlineSafe } from "../../messages/safe-markdown.js";
import { caseCommand, type CaseCommandContext } from "../command-spec.js";
import { decidingTeam } from "../committee.js";
import { UserError } from "../user-error.js";
import { recordCommandResult, caseIssueSync } from "./case-change.js";
import { settleProposal, votingCommittee } from "./decision.js";
import { interactionPlaceOf } from "./cooldown-place.js";
import { contentKeyRepo } from "../../cases/plan-flag.js";

const OUTCOME_LIST = OUTCOMES.map((o) => `\`${o}\``).join(", ");

export const proposeCommand = caseCommand({
  name: "propose",
  decides: true,
  usage: "/coc propose <outcome> [length] [reason]",
  summary: "Propose a decision; the committee votes on it.",
  details:
    `Opens a vote on the outcome (one of ${OUTCOME_LIST}); you count as approving. The quorum rule is \`committee.quorum\`. The case shows the votes. ` +
    `Outcomes with a length carry it after their name: ${Object.values(TERMED_OUTCOMES).join("; ")}.`,
  run: (ctx) => propose(ctx, "propose"),
});

export const resolveCommand = caseCommand({
  name: "resolve",
  decides: true,
  usage: "/coc resolve <outcome> [length] [reason]",
  summary: "Decide the case: at once under the `single` quorum rule, else by a vote.",
  details: "The one-step form of `/coc propose`: with `committee.quorum: single` your decision is taken at once; under any other rule it opens the same vote.",
  run: (ctx) => propose(ctx, "resolve"),
});

async function propose(ctx: CaseCommandContext, verb: "propose" | "resolve"): Promise<void> {
  const { caseFile, event } = ctx;
  const [word, ...afterOutcome] = event.command.args;
  if (word === undefined) throw new UserError(`name the outcome: \`/coc ${verb} <outcome> [reason]\`, where the outcome is one of ${OUTCOME_LIST}.`);
  const parsed = parseOutcome(word);
  if (!parsed.ok) throw new UserError(parsed.reason);
  const termed = parseOutcomeTerms(parsed.outcome, afterOutcome);
  if (!termed.ok) throw new UserError(termed.reason);
  const { terms, rest: reasonWords } = termed.value;
  if (terms?.kind === "cooldown") {
    const place = interactionPlaceOf(terms.place, contentKeyRepo(caseFile.contentKey));
    if (!place.ok) throw new UserError(place.reason);
  }
  const moved = transition(statusOf(caseFile), { type: "propose", by: event.sender, at: ctx.now, outcome: parsed.outcome });
  if (!moved.ok) throw new UserError(moved.reason);
  const committee = votingCommittee(caseFile, await ctx.github.listTeamMembers(ctx.event.repo.owner, decidingTeam(caseFile, ctx.config.committee)));
  const reason = reasonWords.join(" ");
  await recordCommandResult(ctx, {
    apply: async (tx) => {
      const proposal = await tx.proposal.create({ data: { caseId: caseFile.id, outcome: parsed.outcome, terms: writeTerms(terms), reason, proposer: event.sender, createdAt: ctx.now } });
      await tx.vote.create({ data: { proposalId: proposal.id, login: event.sender.toLowerCase(), choice: "approve", castAt: ctx.now } });
      await tx.case.update({ where: { id: caseFile.id }, data: { state: DATABASE_STATE[moved.state.state] } });
      // The deadlock timer starts with the proposal.
      await replanDeadlines(tx, deadlineCaseOf(caseFile, statusOf(caseFile)), deadlineCaseOf(caseFile, moved.state), timerDurations(ctx.config), ctx.now);
      return settleProposal(tx, caseFile, proposal.id, committee, ctx.config, ctx.now);
    },
    audit: [{ actor: event.sender, action: "decision.proposed", detail: { outcome: parsed.outcome, ...(writeTerms(terms) ? { terms: writeTerms(terms) } : {}), reason } }],
    reply: `you proposed \`${parsed.outcome}\`${terms && describeTerms(terms) ? ` ${describeTerms(terms)}` : ""}${reason ? ` (${inlineSafe(reason, { maxChars: 300 })})` : ""}; it counts as your approval.`,
    actions: [caseIssueSync(ctx)],
  });
}
