/**
 * Which decisions of a case its subject may appeal, until when, and who took
 * part in each (they never review it). A decision is one of:
 *
 * - the case's decision, once decided with an outcome that found a breach
 *   (`decision:<proposal id>`);
 * - a warning written with `/coc warn` (`warn:<command>`);
 * - an emergency ban written with `/coc ban` (`ban:<command>`).
 *
 * Each sanction is recorded under the key of what ordered it (a decision's
 * strike is `decision:<id>`, its ban `decision:<id>:ban`, a warning's
 * threshold ban `warn:<command>:threshold-ban`), so the same key also names
 * everything an overturn undoes. A decision that replaced another on appeal
 * is the appeal's answer, and is not appealed again.
 */
import { isBreach, isOutcome } from "./outcomes.js";

/** The proposer the app records for a decision that replaced another on appeal (`/coc appeal modify`). */
export const APPEAL_PROPOSER = "[appeal]";
/** Proposers that are not committee members: the app's own proposals. */
const NOT_MEMBERS = new Set(["[app]", APPEAL_PROPOSER, "app", "decision"]);

export interface DecisionFacts {
  decisions: Array<{ id: string; outcome: string; terms: string | null; reason: string; proposer: string; voters: string[]; decidedAt: Date }>;
  warnings: Array<{ issueKey: string; name: string; reason: string; issuedBy: string; issuedAt: Date; voided: boolean }>;
  emergencyBans: Array<{ issueKey: string; reason: string; issuedBy: string; signedOffBy: string | null; startsAt: Date; endsAt: Date | null; lifted: boolean }>;
}

export type DecisionKind = "decision" | "warning" | "ban";

export interface AppealableDecision {
  key: string;
  kind: DecisionKind;
  /** For a decision: its outcome and terms as written (`temporary-ban`, `30d`). */
  outcome: string | null;
  terms: string | null;
  /** The committee's reason, as written. */
  reason: string;
  decidedAt: Date;
  /** The last moment an appeal can be filed. */
  until: Date;
  /** Lower-cased logins of the members who took part: proposed, voted, warned, banned or signed off. */
  takers: string[];
}

/** `appealed`: keys of decisions appealed already, shown even once voided or lifted (an overturn does that). */
export function appealableDecisions(facts: DecisionFacts, windowMs: number, appealed: ReadonlySet<string> = new Set()): AppealableDecision[] {
  const until = (at: Date) => new Date(at.getTime() + windowMs);
  const members = (logins: Array<string | null>) => [...new Set(logins.filter((l): l is string => l !== null && !NOT_MEMBERS.has(l)).map((l) => l.toLowerCase()))];
  const decisions = facts.decisions
    .filter((d) => d.proposer !== APPEAL_PROPOSER && isOutcome(d.outcome) && isBreach(d.outcome))
    .map((d): AppealableDecision => ({
      key: decisionKeyOf(d.id),
      kind: "decision",
      outcome: d.outcome,
      terms: d.terms,
      reason: d.reason,
      decidedAt: d.decidedAt,
      until: until(d.decidedAt),
      takers: members([d.proposer, ...d.voters]),
    }));
  const warnings = facts.warnings
    .filter((w) => !w.voided || appealed.has(w.issueKey))
    .map((w): AppealableDecision => ({ key: w.issueKey, kind: "warning", outcome: null, terms: w.name, reason: w.reason, decidedAt: w.issuedAt, until: until(w.issuedAt), takers: members([w.issuedBy]) }));
  const bans = facts.emergencyBans
    .filter((b) => !b.lifted || appealed.has(b.issueKey))
    .map((b): AppealableDecision => ({
      key: b.issueKey,
      kind: "ban",
      outcome: b.endsAt ? "temporary-ban" : "permanent-ban",
      terms: null,
      reason: b.reason,
      decidedAt: b.startsAt,
      until: until(b.startsAt),
      takers: members([b.issuedBy, b.signedOffBy]),
    }));
  return [...decisions, ...warnings, ...bans].sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime());
}

export function decisionKeyOf(proposalId: string): string {
  return `decision:${proposalId}`;
}

/** Whether a sanction's key says it was ordered by the decision with this key (itself, or one of its parts). */
export function orderedBy(sanctionKey: string, decisionKey: string): boolean {
  return sanctionKey === decisionKey || sanctionKey.startsWith(`${decisionKey}:`);
}

/** Whether an appeal can still be filed against the decision. */
export function appealOpen(decision: Pick<AppealableDecision, "until">, now: Date): boolean {
  return now.getTime() <= decision.until.getTime();
}
