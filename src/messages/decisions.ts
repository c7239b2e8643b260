/**
 * What the case issue says about decisions: the tally of a vote, the decision
 * when the quorum rule is met, and its enactment. Posted in the case, which
 * only the committee reads; logins are quoted so nobody is notified.
 */
import type { ConsensusResult, QuorumRule } from "../cases/consensus.js";
import { formatUtc } from "../cases/case-state.js";
import { needsSanction, type Outcome } from "../cases/outcomes.js";
import { describeDuration } from "../config/duration.js";
import { quietLogin } from "./safe-markdown.js";

const RULE_TEXT: Record<QuorumRule, string> = {
  unanimous: "every member who is not recused",
  majority: "a majority of the members who are not recused",
  "two-thirds": "two thirds of the members who are not recused",
  single: "one member",
};

const list = (logins: readonly string[]) => (logins.length > 0 ? logins.map(quietLogin).join(", ") : "nobody");

export function tallyText(result: ConsensusResult, rule: QuorumRule, escalateTo: string | null): string {
  if (result.status === "no-eligible-members") {
    return `every committee member is recused from this case, so nobody can decide it. ${escalateTo ?? "The committee"}: this case needs someone else to decide it.`;
  }
  const lines = [
    `Votes: ${result.approvals} of ${result.needed} approvals needed (${RULE_TEXT[rule]}, ${result.eligible} eligible).`,
    `- approve: ${list(result.approvedBy)}`,
    `- object: ${list(result.objectedBy)}`,
    `- not voted yet: ${list(result.missing)}`,
  ];
  if (result.status === "blocked") lines.push("", "As the votes stand the proposal cannot pass: objections must be withdrawn (by approving), or the proposal withdrawn.");
  return lines.join("\n");
}

/**
 * `terms`: the outcome's length and reach in words ("for 30 days"). `sanctionByHand`: the app cannot carry the
 * sanction out itself, so the committee does. `enactedNow` false with neither: it waits for the reporter's feedback,
 * or (a warning that reached the strike threshold) the case stays open for the strike rule's proposal.
 */
export function decisionText(outcome: Outcome, facts: { terms: string; enactedNow: boolean; sanctionByHand: boolean; feedbackMs: number; now: Date }): string {
  const decided = `**Decided: \`${outcome}\`${facts.terms ? ` ${facts.terms}` : ""}.**`;
  if (facts.enactedNow) return `${decided} ${needsSanction(outcome) ? "It is enacted" : "It needs nothing more done"}, so the case is closed.`;
  if (facts.sanctionByHand) {
    return `${decided} Enacting it waits: the app does not carry out \`${outcome}\` itself yet. Carry it out by hand, then write \`/coc enact\` to close the case.`;
  }
  if (facts.feedbackMs === 0) return `${decided} It is enacted; the case stays open for what follows.`;
  const until = new Date(facts.now.getTime() + facts.feedbackMs);
  return (
    `${decided} The reporter may comment on it for ${describeDuration(facts.feedbackMs)} before it is enacted (until ${formatUtc(until)}). ` +
    "GitHub has no private message: tell the reporter yourselves, and note it with `/coc note`. `/coc enact` enacts it at once."
  );
}

/** What the case says when a decided case is enacted later (`/coc enact`, the end of the feedback window). */
export function enactedText(enacted: { outcome: string; closed: boolean; sanctionLines: string[]; closingReport: string | null }): string {
  const head = enacted.closed
    ? `the decision (\`${enacted.outcome}\`) is enacted and the case is closed.`
    : `the decision (\`${enacted.outcome}\`) is enacted; the case stays open for what follows.`;
  return [head, ...enacted.sanctionLines, ...(enacted.closingReport ? ["", enacted.closingReport] : [])].join("\n");
}
