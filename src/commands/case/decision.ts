/**
 * What happens once the committee's votes on a proposal are counted: the case
 * shows the tally; when the quorum rule is met the decision is taken; and it
 * is enacted (`enactment.ts`: its sanction carried out where the app can, then
 * the case closed), at once or after the reporter's feedback window
 * (`decisions.reporter_feedback`). A sanction the app cannot carry out yet
 * waits for the committee to carry it out by hand and write `/coc enact`.
 */
import type { PlannedAction } from "../../actions/planned-action.js";
import { countVotes, type ConsensusResult } from "../../cases/consensus.js";
import { transition } from "../../cases/case-state.js";
import { isOutcome, type Outcome } from "../../cases/outcomes.js";
import { recusals } from "../../cases/recusal.js";
import type { CocConfig } from "../../config/schema.js";
import { escalateWhenNobodyLeft } from "./nobody-left.js";
import { appEnacts, enactDecided, type Enactment } from "./enactment.js";
import { termsInWords } from "../../cases/sanction-terms.js";
import { decisionText, tallyText } from "../../messages/decisions.js";
import { decisionForReporterNotice } from "../../messages/people-notices.js";
import { DATABASE_STATE, statusOf, type CaseRecord, type ChangeConsequences } from "../../store/case-records.js";
import type { Transaction } from "../../store/database.js";
import { deadlineCaseOf, replanDeadlines, timerDurations } from "../../store/deadline-jobs.js";

export interface VotingCommittee {
  /** The committee team's members now. */
  members: string[];
  /** Who takes no part: recused themselves, or are the subject, a reporter or an affected party. */
  recused: string[];
}

/** The committee as it votes on this case; the team is listed once per command. */
export function votingCommittee(caseFile: CaseRecord, members: string[]): VotingCommittee {
  const { recused } = recusals({
    committee: members,
    subject: caseFile.subjectLogin,
    reporters: caseFile.reports.map((r) => r.reporterLogin),
    affected: caseFile.affectedParties.map((p) => p.login),
    manual: caseFile.recusals.map((r) => r.login),
  });
  return { members, recused: recused.map((r) => r.login) };
}

/** Counts the proposal's votes and, when the rule is met, decides the case. */
export async function settleProposal(
  tx: Transaction,
  caseFile: CaseRecord,
  proposalId: string,
  committee: VotingCommittee,
  config: CocConfig,
  now: Date,
): Promise<ChangeConsequences> {
  const proposal = await tx.proposal.findUniqueOrThrow({ where: { id: proposalId }, include: { votes: { orderBy: { castAt: "asc" } } } });
  const result = countVotes({
    rule: config.committee.quorum,
    members: committee.members,
    recused: committee.recused,
    proposer: proposal.proposer,
    votes: proposal.votes.map((v) => ({ login: v.login, choice: v.choice as "approve" | "object" })),
  });
  if (result.status === "no-eligible-members") {
    const escalated = await escalateWhenNobodyLeft(tx, caseFile, committee.members, {}, config, now);
    if (escalated.reply) return escalated;
  }
  if (result.status !== "decided") return { reply: tallyText(result, config.committee.quorum, escalationFor(result, config, caseFile)) };
  const decided = { id: proposal.id, outcome: proposal.outcome as Outcome, terms: proposal.terms, proposer: proposal.proposer, createdAt: proposal.createdAt, reason: proposal.reason };
  return decide(tx, caseFile, decided, result, config, now);
}

async function decide(
  tx: Transaction,
  caseFile: CaseRecord,
  proposal: { id: string; outcome: Outcome; terms: string | null; proposer: string; createdAt: Date; reason: string },
  result: ConsensusResult,
  config: CocConfig,
  now: Date,
): Promise<ChangeConsequences> {
  const before = { ...caseFile, state: "decision_proposed" as const, proposals: [proposal] };
  const decided = transition(statusOf(before), { type: "decide", at: now });
  if (!decided.ok) throw new Error(`case ${caseFile.code} could not be decided: ${decided.reason}`);
  await tx.proposal.update({ where: { id: proposal.id }, data: { status: "decided", closedAt: now } });
  const feedback = config.decisions.reporter_feedback;
  const enactNow = appEnacts(proposal.outcome) && feedback === 0;
  await tx.case.update({ where: { id: caseFile.id }, data: { state: DATABASE_STATE[decided.state.state], decidedAt: now } });
  const timers = deadlineCaseOf(caseFile, statusOf(before));
  await replanDeadlines(tx, { ...timers, proposedAt: proposal.createdAt }, { ...timers, state: "decided", proposedAt: null, decidedAt: now }, timerDurations(config), now);
  const audit: NonNullable<ChangeConsequences["audit"]> = [
    { actor: "app", action: "case.decided", detail: { outcome: proposal.outcome, ...(proposal.terms ? { terms: proposal.terms } : {}), approvals: result.approvedBy, objections: result.objectedBy } },
  ];
  // The reporter hears the decision now, before it is enacted (and may comment, where the policy says so).
  const actions: PlannedAction[] = [
    { kind: "sync-case-state", caseId: caseFile.id },
    ...reporterNotices(caseFile.id, caseFile.reports, decisionForReporterNotice(caseFile.code, proposal.outcome, feedback, now)),
  ];
  const terms = termsInWords(proposal.outcome, proposal.terms);
  if (!enactNow) {
    const byHand = !appEnacts(proposal.outcome);
    return { actions, audit, reply: decisionText(proposal.outcome, { terms, enactedNow: false, sanctionByHand: byHand, feedbackMs: feedback, now }) };
  }
  const enacted = await enactDecided(tx, { ...caseFile, decidedAt: now }, proposal, config, now);
  const reply = [decisionText(proposal.outcome, { terms, enactedNow: enacted.closed, sanctionByHand: false, feedbackMs: feedback, now }), ...enacted.sanctionLines];
  return {
    actions: [...actions, ...(enacted.actions ?? [])],
    audit: [...audit, ...(enacted.audit ?? [])],
    reply: enacted.closingReport ? `${reply.join("\n")}\n\n${enacted.closingReport}` : reply.join("\n"),
  };
}

/** Who must hear that this proposal cannot pass as the committee stands: the escalation team, else the whole committee. */
function escalationFor(result: ConsensusResult, config: CocConfig, caseFile: CaseRecord): string | null {
  if (result.status !== "no-eligible-members") return null;
  return `@${caseFile.casesOwner}/${config.committee.escalation_team ?? config.committee.team}`;
}

/**
 * Enacts a decided case: its sanction where the app carries it out, then the close (see `enactment.ts`). Run by
 * `/coc enact` and by the timer that ends the reporter's feedback window. Null when there is nothing to enact.
 */
export async function enactDecision(
  tx: Transaction,
  caseId: string,
  now: Date,
  options: {
    config: CocConfig;
    /** The committee says it carried the sanction out itself (`/coc enact`): a sanction the app cannot carry out may close too. */
    sanctionDoneByHand?: boolean;
  },
): Promise<(Enactment & { outcome: Outcome }) | null> {
  const found = await tx.case.findUnique({
    where: { id: caseId },
    include: {
      proposals: { where: { status: "decided" }, orderBy: { closedAt: "desc" }, take: 1 },
      reports: { select: { evidence: { select: { url: true } } } },
    },
  });
  const decided = found?.proposals[0];
  const outcome = decided?.outcome;
  if (!found || !decided || found.state !== "decided" || !outcome || !isOutcome(outcome) || (!appEnacts(outcome) && !options.sanctionDoneByHand)) return null;
  return { outcome, ...(await enactDecided(tx, found, { id: decided.id, outcome, terms: decided.terms, reason: decided.reason }, options.config, now)) };
}

/** One notice per person who reported the case (a person who reported twice hears once). */
export function reporterNotices(caseId: string, reports: ReadonlyArray<{ reporterLogin: string }>, body: string): PlannedAction[] {
  const reporters = [...new Map(reports.map((r) => [r.reporterLogin.toLowerCase(), r.reporterLogin])).values()];
  return reporters.map((to) => ({ kind: "deliver-notice", caseId, to, about: "reporter", body }));
}
