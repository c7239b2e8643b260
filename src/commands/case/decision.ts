/**
 * What happens once the committee's votes on a proposal are counted: the case
 * shows the tally; when the quorum rule is met the decision is taken; and a
 * decision that needs no sanction is enacted (the case closes), at once or
 * after the reporter's feedback window (`decisions.reporter_feedback`).
 * Decisions that need a sanction (warning, cooldown, bans) are recorded and
 * wait: the app does not carry sanctions out yet, and the case says so.
 */
import type { PlannedAction } from "../../actions/planned-action.js";
import { countVotes, type ConsensusResult } from "../../cases/consensus.js";
import { transition } from "../../cases/case-state.js";
import { isOutcome, needsSanction, type Outcome } from "../../cases/outcomes.js";
import { deadlineKey } from "../../deadlines/deadline-rules.js";
import { recusals } from "../../cases/recusal.js";
import type { CocConfig } from "../../config/schema.js";
import type { PublicNotice } from "../../config/workflow-schema.js";
import { escalateWhenNobodyLeft } from "./nobody-left.js";
import { publicNoticeActions } from "./public-notices.js";
import { closingReport } from "../../messages/closing-report.js";
import { decisionText, tallyText } from "../../messages/decisions.js";
import { decisionForReporterNotice, decisionForSubjectNotice } from "../../messages/people-notices.js";
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
  const decided = { id: proposal.id, outcome: proposal.outcome as Outcome, proposer: proposal.proposer, createdAt: proposal.createdAt, reason: proposal.reason };
  return decide(tx, caseFile, decided, result, config, now);
}

async function decide(
  tx: Transaction,
  caseFile: CaseRecord,
  proposal: { id: string; outcome: Outcome; proposer: string; createdAt: Date; reason: string },
  result: ConsensusResult,
  config: CocConfig,
  now: Date,
): Promise<ChangeConsequences> {
  const before = { ...caseFile, state: "decision_proposed" as const, proposals: [proposal] };
  const decided = transition(statusOf(before), { type: "decide", at: now });
  if (!decided.ok) throw new Error(`case ${caseFile.code} could not be decided: ${decided.reason}`);
  await tx.proposal.update({ where: { id: proposal.id }, data: { status: "decided", closedAt: now } });
  const feedback = config.decisions.reporter_feedback;
  const enactNow = !needsSanction(proposal.outcome) && feedback === 0;
  const audit: NonNullable<ChangeConsequences["audit"]> = [
    { actor: "app", action: "case.decided", detail: { outcome: proposal.outcome, approvals: result.approvedBy, objections: result.objectedBy } },
  ];
  // The reporter hears the decision now, before it is enacted (and may comment, where the policy says so).
  const actions: PlannedAction[] = [
    { kind: "sync-case-state", caseId: caseFile.id },
    ...reporterNotices(caseFile.id, caseFile.reports, decisionForReporterNotice(caseFile.code, proposal.outcome, feedback, now)),
  ];
  if (enactNow) {
    await tx.case.update({ where: { id: caseFile.id }, data: { state: "closed", decidedAt: now, closedAt: now, openContentKey: null } });
    const evidenceUrls = evidenceUrlsOf(caseFile.reports);
    actions.push(...closingActions({ ...caseFile, evidenceUrls }, proposal, config.decisions.public_notice));
    audit.push({ actor: "app", action: "case.closed", detail: { outcome: proposal.outcome } });
  } else {
    await tx.case.update({ where: { id: caseFile.id }, data: { state: DATABASE_STATE[decided.state.state], decidedAt: now } });
  }
  const timers = deadlineCaseOf(caseFile, statusOf(before));
  const after = { ...timers, state: enactNow ? ("closed" as const) : ("decided" as const), proposedAt: null, decidedAt: now };
  await replanDeadlines(tx, { ...timers, proposedAt: proposal.createdAt }, after, timerDurations(config), now);
  const decisionReply = decisionText(proposal.outcome, { enactedNow: enactNow, sanction: needsSanction(proposal.outcome), feedbackMs: feedback, now });
  const report = enactNow ? await closingReportFor(tx, caseFile.id) : null;
  return { actions, audit, reply: report ? `${decisionReply}\n\n${report}` : decisionReply };
}

/** Who must hear that this proposal cannot pass as the committee stands: the escalation team, else the whole committee. */
function escalationFor(result: ConsensusResult, config: CocConfig, caseFile: CaseRecord): string | null {
  if (result.status !== "no-eligible-members") return null;
  return `@${caseFile.casesOwner}/${config.committee.escalation_team ?? config.committee.team}`;
}

/**
 * Enacts a decided case whose decision needs no sanction: the case closes. Run by `/coc enact`
 * and by the timer that ends the reporter's feedback window. Null when there is nothing to enact.
 */
export async function enactDecision(
  tx: Transaction,
  caseId: string,
  now: Date,
  options: {
    publicNotice: PublicNotice;
    /** The committee says it carried the sanction out itself (`/coc enact`): a sanction decision may close too. */
    sanctionDoneByHand?: boolean;
  },
): Promise<(ChangeConsequences & { outcome: string; closingReport: string | null }) | null> {
  const found = await tx.case.findUnique({
    where: { id: caseId },
    include: {
      proposals: { where: { status: "decided" }, orderBy: { closedAt: "desc" }, take: 1 },
      reports: { select: { evidence: { select: { url: true } } } },
    },
  });
  const outcome = found?.proposals[0]?.outcome;
  if (!found || found.state !== "decided" || !outcome || !isOutcome(outcome) || (needsSanction(outcome) && !options.sanctionDoneByHand)) return null;
  await tx.case.update({ where: { id: caseId }, data: { state: "closed", closedAt: now, openContentKey: null } });
  await tx.$executeRaw`SELECT graphile_worker.remove_job(${deadlineKey(caseId, "enact")}::text)`;
  const decided = found.proposals[0]!;
  const evidenceUrls = evidenceUrlsOf(found.reports);
  return {
    outcome,
    actions: [{ kind: "sync-case-state", caseId }, ...closingActions({ ...found, evidenceUrls }, { outcome, reason: decided.reason }, options.publicNotice)],
    closingReport: await closingReportFor(tx, caseId),
    audit: [{ actor: "app", action: "case.closed", detail: { outcome } }],
  };
}

/** What a case's close does on GitHub: its issue closes, the subject hears the decision, and the public notice where the policy asks. */
function closingActions(
  closed: { id: string; code: string; subjectLogin: string; subjectId: bigint | null; evidenceUrls: string[] },
  decision: { outcome: string; reason: string },
  publicNotice: PublicNotice,
): PlannedAction[] {
  return [
    { kind: "close-case-issue", caseId: closed.id },
    subjectNotice(closed, decision),
    ...publicNoticeActions(publicNotice, decision.outcome, closed.evidenceUrls),
  ];
}

/** One notice per person who reported the case (a person who reported twice hears once). */
export function reporterNotices(caseId: string, reports: ReadonlyArray<{ reporterLogin: string }>, body: string): PlannedAction[] {
  const reporters = [...new Map(reports.map((r) => [r.reporterLogin.toLowerCase(), r.reporterLogin])).values()];
  return reporters.map((to) => ({ kind: "deliver-notice", caseId, to, about: "reporter", body }));
}

/** The subject hears what was decided and why once it is enacted, never who reported. */
function subjectNotice(closed: { id: string; code: string; subjectLogin: string; subjectId: bigint | null }, decision: { outcome: string; reason: string }): PlannedAction {
  return {
    kind: "deliver-notice",
    caseId: closed.id,
    to: closed.subjectLogin,
    // Followed by account, not login: a login renamed away and taken by someone else must not receive the notice.
    ...(closed.subjectId !== null ? { accountId: Number(closed.subjectId) } : {}),
    about: "subject",
    body: decisionForSubjectNotice(closed.code, decision.outcome, decision.reason),
  };
}

/** The closing report, said in the case issue with the news that it closed (see `closing-report.ts`). */
async function closingReportFor(tx: Transaction, caseId: string): Promise<string | null> {
  const closed = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    include: {
      reports: { include: { evidence: { select: { url: true } } }, orderBy: { createdAt: "asc" } },
      proposals: { where: { status: "decided" }, orderBy: { closedAt: "desc" }, take: 1 },
      affectedParties: { orderBy: { createdAt: "asc" } },
    },
  });
  const decided = closed.proposals[0];
  if (!decided || !closed.closedAt) return null;
  return closingReport({
    code: closed.code,
    subject: closed.subjectLogin,
    affected: closed.affectedParties.map((p) => p.login),
    safetyThreatened: closed.safetyThreatened,
    evidenceUrls: evidenceUrlsOf(closed.reports),
    outcome: decided.outcome,
    reason: decided.reason,
    decidedAt: closed.decidedAt ?? closed.closedAt,
    closedAt: closed.closedAt,
  });
}

/** Where the reported content is, as GitHub gave its address when it was flagged. */
function evidenceUrlsOf(reports: ReadonlyArray<{ evidence: { url: string } | null }>): string[] {
  return reports.flatMap((r) => (r.evidence ? [r.evidence.url] : []));
}
