/**
 * Who on the committee sits out a case, and whether the case must leave the
 * committee's hands. With a committee of @ana, @ben and @cy, a report by @ben
 * about @dev recuses @ben (reporter); a report about @ana recuses @ana
 * (subject) and routes the case to the escalation team.
 *
 * Members who are the subject, a reporter or an affected party are recused
 * automatically; `/coc recuse` adds a member's own recusal ("self", a conflict
 * of interest). The policies this follows:
 * - ITK: a member involved in a report, or with a conflict of interest,
 *   recuses themselves. It does not route such cases elsewhere (its Board of
 *   Directors is a channel the reporter may choose instead, and its officers
 *   take deadlocks).
 * - IIIF: an involved member recuses themselves of any discussion, and the
 *   team discusses the case outside channels that include that member; a
 *   member who is the cause of a complaint is asked to step down.
 * Everyone with access to the cases repository sees every case there. A case
 * whose subject can read it is held until they cannot (so a committee member
 * who is the subject never sees it); a member who is affected still reads it,
 * but takes no part, and with `member_involved: escalate` the escalation team
 * decides it. A member who only reported is recused but not escalated:
 * members flag content as part of their work, and the reporter already knows
 * what they reported. A case with nobody left to decide it is escalated too.
 */
import { loginKey, uniqueLogins } from "./logins.js";

export type RecusalReason = "subject" | "reporter" | "affected" | "self";

export interface RecusalInput {
  committee: readonly string[];
  subject: string | null;
  reporters: readonly string[];
  affected: readonly string[];
  /** Members who recused themselves. */
  manual: readonly string[];
}

export interface Recusal {
  login: string;
  reason: RecusalReason;
}

export interface RecusalResult {
  /** One entry per member, in committee order, with the weightiest reason. */
  recused: Recusal[];
  /** Members left to decide the case. */
  eligible: string[];
  escalate: boolean;
  /** Why the case goes to the escalation team, for that team; names members, so never for the cases repository. */
  why: string | null;
}

// Weightiest first: a member who is both the subject and a reporter is recused as the subject.
const REASON_ORDER: readonly RecusalReason[] = ["subject", "affected", "reporter", "self"];

export function recusals(input: RecusalInput): RecusalResult {
  const roles: Record<RecusalReason, Set<string>> = {
    subject: new Set(input.subject ? [loginKey(input.subject)] : []),
    affected: new Set(input.affected.map(loginKey)),
    reporter: new Set(input.reporters.map(loginKey)),
    self: new Set(input.manual.map(loginKey)),
  };
  const recused: Recusal[] = [];
  const eligible: string[] = [];
  for (const login of uniqueLogins(input.committee)) {
    const reason = REASON_ORDER.find((r) => roles[r].has(loginKey(login)));
    if (reason) recused.push({ login, reason });
    else eligible.push(login);
  }
  const why = escalationReasons(recused, eligible);
  return { recused, eligible, escalate: why.length > 0, why: why.length > 0 ? `${capitalize(why.join("; "))}.` : null };
}

function escalationReasons(recused: readonly Recusal[], eligible: readonly string[]): string[] {
  const reasons: string[] = [];
  const subject = recused.find((r) => r.reason === "subject");
  if (subject) reasons.push(`@${subject.login}, a committee member, is the subject of this case`);
  const affected = recused.filter((r) => r.reason === "affected").map((r) => `@${r.login}`);
  if (affected.length === 1) reasons.push(`${affected[0]}, a committee member, is affected by it`);
  if (affected.length > 1) reasons.push(`${joinNames(affected)}, committee members, are affected by it`);
  if (eligible.length === 0) reasons.push("no committee member is left to decide it");
  return reasons;
}

function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
