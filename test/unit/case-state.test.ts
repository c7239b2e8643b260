import { describe, expect, it } from "vitest";
import {
  CASE_STATES,
  formatUtc,
  NEW_CASE,
  reportJoinsCase,
  transition,
  type CaseEvent,
  type CaseState,
  type CaseStatus,
} from "../../src/cases/case-state.js";

const T1 = new Date("2026-03-02T09:15:00Z");
const T2 = new Date("2026-03-03T10:00:00Z");
const T3 = new Date("2026-03-04T11:30:00Z");
const T4 = new Date("2026-03-05T12:45:00Z");
const NOW = new Date("2026-03-06T08:00:00Z");

const ACKNOWLEDGED: CaseStatus = { ...NEW_CASE, state: "acknowledged", acknowledged: { by: "mona", at: T1 } };
const PROPOSED: CaseStatus = { ...ACKNOWLEDGED, state: "decision-proposed", proposal: { by: "ben", at: T2, outcome: "warning" } };
const DECIDED: CaseStatus = { ...PROPOSED, state: "decided", decidedAt: T3 };
const CLOSED: CaseStatus = { ...DECIDED, state: "closed", closedAt: T4 };
const STATUS: Record<CaseState, CaseStatus> = { new: NEW_CASE, acknowledged: ACKNOWLEDGED, "decision-proposed": PROPOSED, decided: DECIDED, closed: CLOSED };

const EVENTS = {
  acknowledge: { type: "acknowledge", by: "ana", at: NOW },
  propose: { type: "propose", by: "ana", at: NOW, outcome: "reminder" },
  withdraw: { type: "withdraw", by: "ana", at: NOW },
  approve: { type: "approve", by: "ana", at: NOW },
  object: { type: "object", by: "ana", at: NOW },
  decide: { type: "decide", at: NOW },
  enacted: { type: "enacted", at: NOW },
  reopen: { type: "reopen", by: "ana", at: NOW },
} satisfies Record<CaseEvent["type"], CaseEvent>;

const ACK_REFUSAL = "Already acknowledged by @mona at 2026-03-02 09:15 UTC.";
const CLOSED_REFUSAL = "This case is closed. Reopen it to act on it again.";
const DECIDED_REFUSAL = "This case is already decided (`warning`); it closes once the decision is enacted.";

// Every command in every state that refuses it, with the exact reason the committee member reads.
const REFUSALS: [CaseState, CaseEvent["type"], string][] = [
  ["new", "propose", "Acknowledge this case before proposing a decision."],
  ["new", "withdraw", "There is no open proposal to withdraw."],
  ["new", "approve", "There is no open proposal to vote on."],
  ["new", "object", "There is no open proposal to vote on."],
  ["new", "decide", "There is no open proposal to decide."],
  ["new", "enacted", "Only a decided case can be closed; this one is new."],
  ["new", "reopen", "This case is open (new); only a closed case can be reopened."],
  ["acknowledged", "acknowledge", ACK_REFUSAL],
  ["acknowledged", "withdraw", "There is no open proposal to withdraw."],
  ["acknowledged", "approve", "There is no open proposal to vote on."],
  ["acknowledged", "object", "There is no open proposal to vote on."],
  ["acknowledged", "decide", "There is no open proposal to decide."],
  ["acknowledged", "enacted", "Only a decided case can be closed; this one is acknowledged."],
  ["acknowledged", "reopen", "This case is open (acknowledged); only a closed case can be reopened."],
  ["decision-proposed", "acknowledge", ACK_REFUSAL],
  ["decision-proposed", "propose", "A proposal (`warning` by @ben at 2026-03-03 10:00 UTC) is already open. It must be withdrawn or decided first."],
  ["decision-proposed", "withdraw", "Only @ben, who proposed it, can withdraw this proposal; you can object to it."],
  ["decision-proposed", "enacted", "Only a decided case can be closed; this one is decision-proposed."],
  ["decision-proposed", "reopen", "This case is open (decision-proposed); only a closed case can be reopened."],
  ["decided", "acknowledge", ACK_REFUSAL],
  ["decided", "propose", DECIDED_REFUSAL],
  ["decided", "withdraw", DECIDED_REFUSAL],
  ["decided", "approve", DECIDED_REFUSAL],
  ["decided", "object", DECIDED_REFUSAL],
  ["decided", "decide", DECIDED_REFUSAL],
  ["decided", "reopen", "This case is open (decided); only a closed case can be reopened."],
  ["closed", "acknowledge", CLOSED_REFUSAL],
  ["closed", "propose", CLOSED_REFUSAL],
  ["closed", "withdraw", CLOSED_REFUSAL],
  ["closed", "approve", CLOSED_REFUSAL],
  ["closed", "object", CLOSED_REFUSAL],
  ["closed", "decide", CLOSED_REFUSAL],
  ["closed", "enacted", "This case is already closed."],
];

describe("transition: refusals", () => {
  it.each(REFUSALS)("in %s, %s is refused", (state, type, reason) => {
    expect(transition(STATUS[state], EVENTS[type])).toEqual({ ok: false, reason });
  });

  it("covers every state and command: each pair is either refused above or allowed below", () => {
    const allowed = ["new acknowledge", "acknowledged propose", "decision-proposed approve", "decision-proposed object", "decision-proposed decide", "decided enacted", "closed reopen"];
    const pairs = CASE_STATES.flatMap((state) => Object.keys(EVENTS).map((type) => `${state} ${type}`));
    expect(pairs.filter((pair) => !REFUSALS.some(([s, t]) => `${s} ${t}` === pair))).toEqual(allowed);
  });

  it("refuses the proposer's own vote: the proposal already approves, and objecting means withdrawing", () => {
    expect(transition(PROPOSED, { type: "approve", by: "@Ben", at: NOW })).toEqual({ ok: false, reason: "Your proposal already counts as your approval." });
    expect(transition(PROPOSED, { type: "object", by: "BEN", at: NOW })).toEqual({ ok: false, reason: "You proposed this; withdraw it instead of objecting." });
  });

  it("words a refusal readably even when a record lacks the stamp it expects", () => {
    expect(transition({ ...ACKNOWLEDGED, acknowledged: null }, EVENTS.acknowledge)).toEqual({ ok: false, reason: "Already acknowledged." });
    expect(transition({ ...PROPOSED, proposal: null }, EVENTS.propose)).toEqual({ ok: false, reason: "A proposal is already open. It must be withdrawn or decided first." });
    expect(transition({ ...DECIDED, proposal: null }, EVENTS.decide)).toEqual({ ok: false, reason: "This case is already decided; it closes once the decision is enacted." });
  });
});

describe("transition: moves", () => {
  it("acknowledges a new case and tells the reporter", () => {
    expect(transition(NEW_CASE, { type: "acknowledge", by: "@mona", at: T1 })).toEqual({
      ok: true,
      state: ACKNOWLEDGED,
      effects: [{ kind: "relabel", from: "new", to: "acknowledged" }, { kind: "notify-reporter", notice: "acknowledged" }],
    });
  });

  it("opens a proposal on an acknowledged case and counts the proposer's approval", () => {
    expect(transition(ACKNOWLEDGED, { type: "propose", by: "ben", at: T2, outcome: "warning" })).toEqual({
      ok: true,
      state: PROPOSED,
      effects: [{ kind: "relabel", from: "acknowledged", to: "decision-proposed" }, { kind: "count-votes" }],
    });
  });

  it("lets the proposer withdraw, whatever the case of the login, back to acknowledged", () => {
    expect(transition(PROPOSED, { type: "withdraw", by: "@BEN", at: T3 })).toEqual({
      ok: true,
      state: ACKNOWLEDGED,
      effects: [{ kind: "relabel", from: "decision-proposed", to: "acknowledged" }],
    });
  });

  it.each(["approve", "object"] as const)("takes a %s vote without changing state, and asks for a count", (type) => {
    expect(transition(PROPOSED, { type, by: "ana", at: T3 })).toEqual({ ok: true, state: PROPOSED, effects: [{ kind: "count-votes" }] });
  });

  it("decides the open proposal: the reporter hears before it is enacted, and the sanction is asked for", () => {
    expect(transition(PROPOSED, { type: "decide", at: T3 })).toEqual({
      ok: true,
      state: DECIDED,
      effects: [
        { kind: "relabel", from: "decision-proposed", to: "decided" },
        { kind: "notify-reporter", notice: "decided" },
        { kind: "enact-decision", outcome: "warning", needsSanction: true },
      ],
    });
  });

  it("decides an outcome without a sanction so the caller can enact it at once", () => {
    const proposed: CaseStatus = { ...PROPOSED, proposal: { by: "ben", at: T2, outcome: "no-violation" } };
    const result = transition(proposed, { type: "decide", at: T3 });
    expect(result.ok && result.effects.at(-1)).toEqual({ kind: "enact-decision", outcome: "no-violation", needsSanction: false });
  });

  it("closes a decided case once enacted and releases its content key", () => {
    expect(transition(DECIDED, { type: "enacted", at: T4 })).toEqual({
      ok: true,
      state: CLOSED,
      effects: [{ kind: "relabel", from: "decided", to: "closed" }, { kind: "release-content-key" }],
    });
  });

  it("reopens a closed case as acknowledged, clearing the old decision and claiming the content key again", () => {
    expect(transition(CLOSED, { type: "reopen", by: "@cy", at: NOW })).toEqual({
      ok: true,
      state: { state: "acknowledged", acknowledged: { by: "mona", at: T1 }, proposal: null, decidedAt: null, closedAt: null, reopened: { by: "cy", at: NOW } },
      effects: [{ kind: "relabel", from: "closed", to: "acknowledged" }, { kind: "claim-content-key" }],
    });
  });

  it("never changes the status it is given", () => {
    const frozen = Object.freeze({ ...PROPOSED });
    transition(frozen, EVENTS.decide);
    transition(frozen, { type: "withdraw", by: "ben", at: NOW });
    expect(frozen).toEqual(PROPOSED);
  });

  it("walks a case from report to close, through a withdrawn proposal, and back", () => {
    const steps: CaseEvent[] = [
      { type: "acknowledge", by: "mona", at: T1 },
      { type: "propose", by: "ben", at: T2, outcome: "reminder" },
      { type: "withdraw", by: "ben", at: T2 },
      { type: "propose", by: "ana", at: T3, outcome: "warning" },
      { type: "approve", by: "ben", at: T3 },
      { type: "decide", at: T3 },
      { type: "enacted", at: T4 },
      { type: "reopen", by: "ana", at: NOW },
    ];
    const states: CaseState[] = [];
    let status = NEW_CASE;
    for (const event of steps) {
      const result = transition(status, event);
      if (!result.ok) throw new Error(result.reason);
      status = result.state;
      states.push(status.state);
    }
    expect(states).toEqual(["acknowledged", "decision-proposed", "acknowledged", "decision-proposed", "decision-proposed", "decided", "closed", "acknowledged"]);
  });
});

describe("reports on an existing case", () => {
  it.each([
    ["new", true],
    ["acknowledged", true],
    ["decision-proposed", true],
    ["decided", true],
    ["closed", false],
  ] as const)("a report about content of a %s case joins it: %s", (state, joins) => {
    expect(reportJoinsCase(state)).toBe(joins);
  });
});

describe("formatUtc", () => {
  it("writes minutes in UTC", () => {
    expect(formatUtc(new Date("2026-12-31T23:59:59.999Z"))).toBe("2026-12-31 23:59 UTC");
    expect(formatUtc(new Date("2026-03-02T10:15:00+01:00"))).toBe("2026-03-02 09:15 UTC");
  });
});
