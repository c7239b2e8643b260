/**
 * Counts the votes on a proposed decision and says whether the committee has
 * decided. With a committee of @ana, @ben and @cy, @cy recused, and the rule
 * `unanimous`: @ana proposes `warning` (her proposal is her approval), @ben
 * types `/coc approve`, and the case is decided, 2 of 2 eligible approving.
 *
 * Rules, always counted over the eligible members (the current committee less
 * those recused):
 * - `unanimous`: every eligible member approves; one objection blocks until it
 *   is changed to an approval.
 * - `majority`: more than half approve.
 * - `two-thirds`: at least two thirds approve (rounded up).
 * - `single`: one approval decides, so a proposal decides itself.
 *
 * A member's last vote is the one that counts. Votes from recused members or
 * from people no longer on the committee (removed mid-vote) are ignored and
 * listed in `ignored`, so the case can say why they did not count; the
 * command layer refuses them in the first place. With nobody eligible the
 * status is `no-eligible-members`: the case has to go to the escalation team.
 */
import { loginKey, uniqueLogins } from "./logins.js";

export const QUORUM_RULES = ["unanimous", "majority", "two-thirds", "single"] as const;
export type QuorumRule = (typeof QUORUM_RULES)[number];

export type VoteChoice = "approve" | "object";

export interface Vote {
  login: string;
  choice: VoteChoice;
}

export interface ConsensusInput {
  rule: QuorumRule;
  /** The committee as it is now, not as it was when the proposal was made. */
  members: readonly string[];
  recused: readonly string[];
  proposer: string;
  /** In the order they were cast. */
  votes: readonly Vote[];
}

export type ConsensusStatus = "decided" | "open" | "blocked" | "no-eligible-members";

export interface IgnoredVote {
  login: string;
  why: "recused" | "not-a-member";
}

export interface ConsensusResult {
  status: ConsensusStatus;
  approvals: number;
  objections: number;
  /** Approvals required in total under the rule. */
  needed: number;
  eligible: number;
  /** Eligible members who have not voted, in committee order. */
  missing: string[];
  approvedBy: string[];
  objectedBy: string[];
  ignored: IgnoredVote[];
}

export function approvalsNeeded(rule: QuorumRule, eligible: number): number {
  if (eligible === 0) return 0;
  switch (rule) {
    case "unanimous":
      return eligible;
    case "majority":
      return Math.floor(eligible / 2) + 1;
    case "two-thirds":
      // Integer form of ceil(2n/3), free of floating-point rounding.
      return Math.floor((2 * eligible + 2) / 3);
    case "single":
      return 1;
  }
}

export function countVotes(input: ConsensusInput): ConsensusResult {
  const recusedKeys = new Set(input.recused.map(loginKey));
  const members = uniqueLogins(input.members);
  const memberKeys = new Set(members.map(loginKey));
  const eligible = members.filter((login) => !recusedKeys.has(loginKey(login)));

  // The proposer's proposal is their first vote; a later vote of theirs replaces it.
  const ballots = new Map<string, VoteChoice>();
  const ignored = new Map<string, IgnoredVote>();
  for (const vote of [{ login: input.proposer, choice: "approve" as const }, ...input.votes]) {
    const key = loginKey(vote.login);
    if (!memberKeys.has(key)) ignored.set(key, { login: vote.login.replace(/^@/, ""), why: "not-a-member" });
    else if (recusedKeys.has(key)) ignored.set(key, { login: vote.login.replace(/^@/, ""), why: "recused" });
    else ballots.set(key, vote.choice);
  }

  const approvedBy = eligible.filter((login) => ballots.get(loginKey(login)) === "approve");
  const objectedBy = eligible.filter((login) => ballots.get(loginKey(login)) === "object");
  const missing = eligible.filter((login) => !ballots.has(loginKey(login)));
  const needed = approvalsNeeded(input.rule, eligible.length);
  const result = { approvals: approvedBy.length, objections: objectedBy.length, needed, eligible: eligible.length, missing, approvedBy, objectedBy, ignored: [...ignored.values()] };
  return { status: statusOf(input.rule, result), ...result };
}

function statusOf(rule: QuorumRule, count: { approvals: number; objections: number; needed: number; eligible: number; missing: string[] }): ConsensusStatus {
  if (count.eligible === 0) return "no-eligible-members";
  if (count.approvals >= count.needed) return "decided";
  // Unanimity is blocked by any objection; the other rules only once the
  // members yet to vote could no longer bring the approvals to what is needed.
  if (rule === "unanimous" && count.objections > 0) return "blocked";
  if (count.approvals + count.missing.length < count.needed) return "blocked";
  return "open";
}
