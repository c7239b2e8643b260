/**
 * Where a case stands and what each committee command does to it:
 *
 *     new ─acknowledge─▶ acknowledged ─propose─▶ decision-proposed ─decide─▶ decided ─enacted─▶ closed
 *                          ▲  ▲                         │                                           │
 *                          │  └───────withdraw──────────┘                                           │
 *                          └───────────────────────────────reopen───────────────────────────────────┘
 *
 * `/coc ack` on a new case acknowledges it; the same command on a case already
 * acknowledged is refused with "Already acknowledged by @mona at 2026-03-02
 * 09:15 UTC." Votes (approve, object) change no state, but are refused when no
 * proposal is open. `decide` is sent by the caller once the votes reach quorum
 * (see consensus.ts); `enacted` once the decision has been carried out.
 *
 * A report about content whose case is closed starts a new case rather than
 * reopening the old one: the open-content key is released at close, so the
 * old decision stays as it was and the new report gets its own deadlines.
 * Reopening is a deliberate committee act (`reopen`), never a side effect.
 */
import { sameLogin } from "./logins.js";
import { needsSanction, type Outcome } from "./outcomes.js";

export const CASE_STATES = ["new", "acknowledged", "decision-proposed", "decided", "closed"] as const;
export type CaseState = (typeof CASE_STATES)[number];

export interface Stamp {
  by: string;
  at: Date;
}

export interface Proposal extends Stamp {
  outcome: Outcome;
}

export interface CaseStatus {
  state: CaseState;
  acknowledged: Stamp | null;
  /** The open proposal, or the one that was decided; null otherwise. */
  proposal: Proposal | null;
  decidedAt: Date | null;
  closedAt: Date | null;
  /** The last reopening; the resolution clock restarts from it. */
  reopened: Stamp | null;
}

export const NEW_CASE: CaseStatus = { state: "new", acknowledged: null, proposal: null, decidedAt: null, closedAt: null, reopened: null };

export type CaseEvent =
  | { type: "acknowledge"; by: string; at: Date }
  | { type: "propose"; by: string; at: Date; outcome: Outcome }
  /** `proposerHandedOver`: the proposer no longer decides the case (it was escalated), so a member who does may withdraw it. */
  | { type: "withdraw"; by: string; at: Date; proposerHandedOver?: boolean }
  | { type: "approve"; by: string; at: Date }
  | { type: "object"; by: string; at: Date }
  | { type: "decide"; at: Date }
  | { type: "enacted"; at: Date }
  | { type: "reopen"; by: string; at: Date };

export type CaseEffect =
  | { kind: "relabel"; from: CaseState; to: CaseState }
  /** The reporter hears that the report was received, and what was decided before it is enacted. */
  | { kind: "notify-reporter"; notice: "acknowledged" | "decided" }
  /** Record the vote (or the proposer's approval) and count again: the proposal may now be decided. */
  | { kind: "count-votes" }
  /** Carry the decision out; without a sanction to perform, the caller sends `enacted` at once. */
  | { kind: "enact-decision"; outcome: Outcome; needsSanction: boolean }
  /** A closed case no longer collects reports about its content. */
  | { kind: "release-content-key" }
  /** Take the content key back; the store refuses the reopen if a newer case holds it. */
  | { kind: "claim-content-key" };

export type Transition = { ok: true; state: CaseStatus; effects: CaseEffect[] } | { ok: false; reason: string };

/** A new report about the content of a case in this state joins it; on a closed case it starts a new one. */
export function reportJoinsCase(state: CaseState): boolean {
  return state !== "closed";
}

export function transition(status: CaseStatus, event: CaseEvent): Transition {
  if (status.state === "closed" && event.type !== "reopen" && event.type !== "enacted") {
    return refuse("This case is closed. Reopen it to act on it again.");
  }
  switch (event.type) {
    case "acknowledge":
      if (status.state !== "new") return refuse(alreadyAcknowledged(status));
      return move(status, { ...status, state: "acknowledged", acknowledged: stamp(event) }, [{ kind: "notify-reporter", notice: "acknowledged" }]);
    case "propose":
      if (status.state === "new") return refuse("Acknowledge this case before proposing a decision.");
      if (status.state === "decided") return refuse(alreadyDecided(status));
      if (status.state === "decision-proposed") return refuse(`${describeProposal(status)} is already open. It must be withdrawn or decided first.`);
      return move(status, { ...status, state: "decision-proposed", proposal: { ...stamp(event), outcome: event.outcome } }, [{ kind: "count-votes" }]);
    case "withdraw": {
      if (status.state === "decided") return refuse(alreadyDecided(status));
      const proposal = openProposal(status);
      if (!proposal) return refuse("There is no open proposal to withdraw.");
      if (!sameLogin(proposal.by, event.by) && !event.proposerHandedOver) {
        return refuse(`Only @${proposal.by}, who proposed it, can withdraw this proposal; you can object to it.`);
      }
      return move(status, { ...status, state: "acknowledged", proposal: null }, []);
    }
    case "approve":
    case "object": {
      if (status.state === "decided") return refuse(alreadyDecided(status));
      const proposal = openProposal(status);
      if (!proposal) return refuse("There is no open proposal to vote on.");
      if (sameLogin(proposal.by, event.by)) {
        return refuse(event.type === "approve" ? "Your proposal already counts as your approval." : "You proposed this; withdraw it instead of objecting.");
      }
      return { ok: true, state: status, effects: [{ kind: "count-votes" }] };
    }
    case "decide": {
      if (status.state === "decided") return refuse(alreadyDecided(status));
      const proposal = openProposal(status);
      if (!proposal) return refuse("There is no open proposal to decide.");
      const enact: CaseEffect = { kind: "enact-decision", outcome: proposal.outcome, needsSanction: needsSanction(proposal.outcome) };
      return move(status, { ...status, state: "decided", decidedAt: event.at }, [{ kind: "notify-reporter", notice: "decided" }, enact]);
    }
    case "enacted":
      if (status.state === "closed") return refuse("This case is already closed.");
      if (status.state !== "decided") return refuse(`Only a decided case can be closed; this one is ${status.state}.`);
      return move(status, { ...status, state: "closed", closedAt: event.at }, [{ kind: "release-content-key" }]);
    case "reopen":
      if (status.state !== "closed") return refuse(`This case is open (${status.state}); only a closed case can be reopened.`);
      return move(status, { ...status, state: "acknowledged", proposal: null, decidedAt: null, closedAt: null, reopened: stamp(event) }, [
        { kind: "claim-content-key" },
      ]);
  }
}

function move(from: CaseStatus, to: CaseStatus, effects: CaseEffect[]): Transition {
  return { ok: true, state: to, effects: [{ kind: "relabel", from: from.state, to: to.state }, ...effects] };
}

function refuse(reason: string): Transition {
  return { ok: false, reason };
}

function stamp(event: { by: string; at: Date }): Stamp {
  return { by: event.by.replace(/^@/, ""), at: event.at };
}

function openProposal(status: CaseStatus): Proposal | null {
  return status.state === "decision-proposed" ? status.proposal : null;
}

function alreadyAcknowledged(status: CaseStatus): string {
  // A case past `new` always has its stamp; the fallback keeps a hand-edited record readable.
  return status.acknowledged ? `Already acknowledged by @${status.acknowledged.by} at ${formatUtc(status.acknowledged.at)}.` : "Already acknowledged.";
}

function alreadyDecided(status: CaseStatus): string {
  const outcome = status.proposal ? ` (\`${status.proposal.outcome}\`)` : "";
  return `This case is already decided${outcome}; it closes once the decision is enacted.`;
}

function describeProposal(status: CaseStatus): string {
  const p = status.proposal;
  return p ? `A proposal (\`${p.outcome}\` by @${p.by} at ${formatUtc(p.at)})` : "A proposal";
}

/** "2026-03-02 09:15 UTC": committee members are in many time zones, so one unambiguous zone. */
export function formatUtc(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
