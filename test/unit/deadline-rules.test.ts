import { describe, expect, it } from "vitest";
import {
  deadlineKey,
  deadlinesFor,
  FIRING_TOLERANCE_MS,
  isStillDue,
  planDeadlineChanges,
  rescheduleAfterFiring,
  type Deadline,
  type DeadlineCase,
  type DeadlineDurations,
} from "../../src/deadlines/deadline-rules.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DURATIONS: DeadlineDurations = { acknowledge: DAY, resolve: 7 * DAY, deadlock: 7 * DAY, emergency_signoff: DAY };

// An injected clock: every time is an offset from the report, Monday 09:00 UTC.
const REPORTED = new Date("2026-03-02T09:00:00Z");
const at = (ms: number) => new Date(REPORTED.getTime() + ms);

const NEW: DeadlineCase = { caseId: "c1", state: "new", reportedAt: REPORTED, acknowledgedAt: null, reopenedAt: null, proposedAt: null, emergencyActions: [], timedLocks: [] };
const ACKED: DeadlineCase = { ...NEW, state: "acknowledged", acknowledgedAt: at(5 * HOUR) };
const PROPOSED: DeadlineCase = { ...ACKED, state: "decision-proposed", proposedAt: at(2 * DAY) };

const deadline = (kind: Deadline["kind"], dueAt: Date, extra: Partial<Deadline> = {}): Deadline => ({
  kind,
  key: deadlineKey("c1", kind, extra.itemId ?? null),
  dueAt,
  itemId: null,
  nextUpdateBy: null,
  ...extra,
});

describe("deadlineKey", () => {
  it("is stable per case, kind and item", () => {
    expect(deadlineKey("c1", "acknowledge")).toBe("deadline:c1:acknowledge");
    expect(deadlineKey("c1", "lock-expiry", "l9")).toBe("deadline:c1:lock-expiry:l9");
  });
});

describe("deadlinesFor", () => {
  it("enacts a decided case once the reporter's feedback window has passed, and not without one", () => {
    const decided = { caseId: "c1", state: "decided" as const, reportedAt: new Date("2026-03-01T00:00:00Z"), acknowledgedAt: new Date("2026-03-01T01:00:00Z"), reopenedAt: null, proposedAt: null, decidedAt: new Date("2026-03-05T12:00:00Z"), emergencyActions: [], timedLocks: [] };
    const at = new Date("2026-03-05T12:00:00Z");
    expect(deadlinesFor(decided, { reporter_feedback: 3 * 24 * 3_600_000 }, at)).toEqual([
      { kind: "enact", key: "deadline:c1:enact", dueAt: new Date("2026-03-08T12:00:00Z"), itemId: null, nextUpdateBy: null },
    ]);
    expect(deadlinesFor(decided, { reporter_feedback: 0 }, at)).toEqual([]);
  });

  it("reminds at 24 h and calls a new case overdue at 36 h", () => {
    expect(deadlinesFor(NEW, DURATIONS, REPORTED)).toEqual([deadline("acknowledge", at(24 * HOUR)), deadline("acknowledge-overdue", at(36 * HOUR))]);
  });

  it("starts the resolution clock at acknowledgement, with a dated status notice for the reporter", () => {
    expect(deadlinesFor(ACKED, DURATIONS, at(5 * HOUR))).toEqual([
      deadline("resolve", at(5 * HOUR + 7 * DAY)),
      deadline("status-notice", at(5 * HOUR + 7 * DAY), { nextUpdateBy: at(5 * HOUR + 14 * DAY) }),
    ]);
  });

  it("adds a deadlock escalation while a proposal is open, blocked or not", () => {
    expect(deadlinesFor(PROPOSED, DURATIONS, at(2 * DAY)).map((d) => [d.kind, d.dueAt])).toEqual([
      ["resolve", at(5 * HOUR + 7 * DAY)],
      ["status-notice", at(5 * HOUR + 7 * DAY)],
      ["deadlock", at(9 * DAY)],
    ]);
  });

  it.each(["decided", "closed"] as const)("has no case deadlines once %s", (state) => {
    expect(deadlinesFor({ ...PROPOSED, state }, DURATIONS, at(3 * DAY))).toEqual([]);
  });

  it("restarts the resolution clock at the last reopening", () => {
    const reopened: DeadlineCase = { ...ACKED, reopenedAt: at(30 * DAY) };
    expect(deadlinesFor(reopened, DURATIONS, at(30 * DAY)).map((d) => d.dueAt)).toEqual([at(37 * DAY), at(37 * DAY)]);
  });

  it("gives the status notice due next after now, each promising the next one a period later", () => {
    const start = 5 * HOUR;
    expect(deadlinesFor(ACKED, DURATIONS, at(start + 7 * DAY + HOUR)).find((d) => d.kind === "status-notice")).toEqual(
      deadline("status-notice", at(start + 14 * DAY), { nextUpdateBy: at(start + 21 * DAY) }),
    );
  });

  it("times each emergency act's sign-off and each timed lock, in any state, until settled", () => {
    const c: DeadlineCase = {
      ...NEW,
      state: "closed",
      emergencyActions: [
        { id: "e1", actedAt: at(HOUR), signedOffAt: null },
        { id: "e2", actedAt: at(HOUR), signedOffAt: at(2 * HOUR) },
      ],
      timedLocks: [
        { id: "l1", expiresAt: at(3 * DAY), unlockedAt: null },
        { id: "l2", expiresAt: at(3 * DAY), unlockedAt: at(DAY) },
      ],
    };
    expect(deadlinesFor(c, DURATIONS, at(2 * HOUR))).toEqual([
      deadline("emergency-signoff", at(25 * HOUR), { itemId: "e1", key: "deadline:c1:emergency-signoff:e1" }),
      deadline("lock-expiry", at(3 * DAY), { itemId: "l1", key: "deadline:c1:lock-expiry:l1" }),
    ]);
  });

  it("has no timer for a duration the configuration leaves out; a timed lock still expires", () => {
    const c: DeadlineCase = { ...PROPOSED, emergencyActions: [{ id: "e1", actedAt: at(HOUR), signedOffAt: null }], timedLocks: [{ id: "l1", expiresAt: at(DAY), unlockedAt: null }] };
    expect(deadlinesFor(c, {}, at(2 * DAY)).map((d) => d.kind)).toEqual(["lock-expiry"]);
    expect(deadlinesFor(NEW, {}, REPORTED)).toEqual([]);
  });
});

describe("planDeadlineChanges", () => {
  it("schedules both acknowledgement timers for a new case", () => {
    expect(planDeadlineChanges(null, NEW, DURATIONS, REPORTED)).toEqual({ cancel: [], schedule: deadlinesFor(NEW, DURATIONS, REPORTED) });
  });

  it("cancels the acknowledgement timers on ack and starts the resolution ones", () => {
    expect(planDeadlineChanges(NEW, ACKED, DURATIONS, at(5 * HOUR))).toEqual({
      cancel: ["deadline:c1:acknowledge", "deadline:c1:acknowledge-overdue"],
      schedule: [deadline("resolve", at(5 * HOUR + 7 * DAY)), deadline("status-notice", at(5 * HOUR + 7 * DAY), { nextUpdateBy: at(5 * HOUR + 14 * DAY) })],
    });
  });

  it("adds only the deadlock timer when a proposal opens, leaving the resolution timers alone", () => {
    expect(planDeadlineChanges(ACKED, PROPOSED, DURATIONS, at(2 * DAY))).toEqual({ cancel: [], schedule: [deadline("deadlock", at(9 * DAY))] });
  });

  it("cancels the deadlock timer on withdrawal and schedules it afresh for the next proposal", () => {
    expect(planDeadlineChanges(PROPOSED, ACKED, DURATIONS, at(3 * DAY))).toEqual({ cancel: ["deadline:c1:deadlock"], schedule: [] });
    const again: DeadlineCase = { ...PROPOSED, proposedAt: at(4 * DAY) };
    expect(planDeadlineChanges(ACKED, again, DURATIONS, at(4 * DAY))).toEqual({ cancel: [], schedule: [deadline("deadlock", at(11 * DAY))] });
  });

  it("replaces the deadlock timer under the same key when one proposal follows another", () => {
    const again: DeadlineCase = { ...PROPOSED, proposedAt: at(4 * DAY) };
    expect(planDeadlineChanges(PROPOSED, again, DURATIONS, at(4 * DAY))).toEqual({ cancel: [], schedule: [deadline("deadlock", at(11 * DAY))] });
  });

  it("cancels every case timer on decision, and schedules nothing more on close", () => {
    const decided: DeadlineCase = { ...PROPOSED, state: "decided" };
    expect(planDeadlineChanges(PROPOSED, decided, DURATIONS, at(3 * DAY))).toEqual({
      cancel: ["deadline:c1:resolve", "deadline:c1:status-notice", "deadline:c1:deadlock"],
      schedule: [],
    });
    expect(planDeadlineChanges(decided, { ...decided, state: "closed" }, DURATIONS, at(3 * DAY))).toEqual({ cancel: [], schedule: [] });
  });

  it("schedules the resolution timers again when a closed case is reopened", () => {
    const closed: DeadlineCase = { ...ACKED, state: "closed" };
    const reopened: DeadlineCase = { ...ACKED, reopenedAt: at(30 * DAY) };
    expect(planDeadlineChanges(closed, reopened, DURATIONS, at(30 * DAY)).schedule.map((d) => [d.kind, d.dueAt])).toEqual([
      ["resolve", at(37 * DAY)],
      ["status-notice", at(37 * DAY)],
    ]);
  });

  it("does not send again a reminder that already fired when something else about the case changes", () => {
    const withAct: DeadlineCase = { ...NEW, emergencyActions: [{ id: "e1", actedAt: at(30 * HOUR), signedOffAt: null }] };
    expect(planDeadlineChanges(NEW, withAct, DURATIONS, at(30 * HOUR))).toEqual({
      cancel: [],
      schedule: [deadline("emergency-signoff", at(54 * HOUR), { itemId: "e1", key: "deadline:c1:emergency-signoff:e1" })],
    });
  });

  it("cancels a sign-off timer once signed off, and replaces a lock timer whose expiry moved", () => {
    const before: DeadlineCase = { ...ACKED, emergencyActions: [{ id: "e1", actedAt: at(6 * HOUR), signedOffAt: null }], timedLocks: [{ id: "l1", expiresAt: at(3 * DAY), unlockedAt: null }] };
    const after: DeadlineCase = { ...ACKED, emergencyActions: [{ id: "e1", actedAt: at(6 * HOUR), signedOffAt: at(DAY) }], timedLocks: [{ id: "l1", expiresAt: at(5 * DAY), unlockedAt: null }] };
    expect(planDeadlineChanges(before, after, DURATIONS, at(DAY))).toEqual({
      cancel: ["deadline:c1:emergency-signoff:e1"],
      schedule: [deadline("lock-expiry", at(5 * DAY), { itemId: "l1", key: "deadline:c1:lock-expiry:l1" })],
    });
  });
});

describe("isStillDue", () => {
  const CASES: Record<string, DeadlineCase> = {
    new: NEW,
    acknowledged: ACKED,
    "decision-proposed": PROPOSED,
    decided: { ...PROPOSED, state: "decided" },
    closed: { ...PROPOSED, state: "closed" },
  };
  it.each([
    { kind: "acknowledge", state: "new", at: 24 * HOUR, when: "24 * HOUR", due: true },
    { kind: "acknowledge", state: "new", at: 23 * HOUR, when: "23 * HOUR", due: false },
    { kind: "acknowledge", state: "new", at: 24 * HOUR - FIRING_TOLERANCE_MS, when: "24 * HOUR - FIRING_TOLERANCE_MS", due: true },
    { kind: "acknowledge", state: "new", at: 24 * HOUR - FIRING_TOLERANCE_MS - 1, when: "24 * HOUR - FIRING_TOLERANCE_MS - 1", due: false },
    { kind: "acknowledge", state: "acknowledged", at: 24 * HOUR, when: "24 * HOUR", due: false },
    { kind: "acknowledge-overdue", state: "new", at: 36 * HOUR, when: "36 * HOUR", due: true },
    { kind: "acknowledge-overdue", state: "new", at: 35 * HOUR, when: "35 * HOUR", due: false },
    { kind: "acknowledge-overdue", state: "acknowledged", at: 36 * HOUR, when: "36 * HOUR", due: false },
    { kind: "resolve", state: "acknowledged", at: 5 * HOUR + 7 * DAY, when: "5 * HOUR + 7 * DAY", due: true },
    { kind: "resolve", state: "decision-proposed", at: 5 * HOUR + 7 * DAY, when: "5 * HOUR + 7 * DAY", due: true },
    { kind: "resolve", state: "decided", at: 5 * HOUR + 7 * DAY, when: "5 * HOUR + 7 * DAY", due: false },
    { kind: "status-notice", state: "acknowledged", at: 5 * HOUR + 7 * DAY, when: "5 * HOUR + 7 * DAY", due: true },
    { kind: "status-notice", state: "acknowledged", at: 5 * HOUR + 15 * DAY, when: "5 * HOUR + 15 * DAY", due: true },
    { kind: "status-notice", state: "acknowledged", at: 5 * HOUR + 6 * DAY, when: "5 * HOUR + 6 * DAY", due: false },
    { kind: "status-notice", state: "closed", at: 5 * HOUR + 7 * DAY, when: "5 * HOUR + 7 * DAY", due: false },
    { kind: "deadlock", state: "decision-proposed", at: 9 * DAY, when: "9 * DAY", due: true },
    { kind: "deadlock", state: "decision-proposed", at: 8 * DAY, when: "8 * DAY", due: false },
    { kind: "deadlock", state: "acknowledged", at: 9 * DAY, when: "9 * DAY", due: false },
  ] as const)("$kind on a $state case at report + $when: $due", ({ kind, state, at: offset, due }) => {
    expect(isStillDue(kind, CASES[state] as DeadlineCase, DURATIONS, at(offset))).toBe(due);
  });

  it("does nothing for a deadlock timer of a proposal since replaced by a later one", () => {
    const again: DeadlineCase = { ...PROPOSED, proposedAt: at(4 * DAY) };
    expect(isStillDue("deadlock", again, DURATIONS, at(9 * DAY))).toBe(false);
    expect(isStillDue("deadlock", again, DURATIONS, at(11 * DAY))).toBe(true);
  });

  it("checks the item an emergency or lock timer is about", () => {
    const c: DeadlineCase = {
      ...ACKED,
      emergencyActions: [
        { id: "e1", actedAt: at(6 * HOUR), signedOffAt: null },
        { id: "e2", actedAt: at(6 * HOUR), signedOffAt: at(8 * HOUR) },
      ],
      timedLocks: [{ id: "l1", expiresAt: at(2 * DAY), unlockedAt: null }],
    };
    expect(isStillDue("emergency-signoff", c, DURATIONS, at(30 * HOUR), "e1")).toBe(true);
    expect(isStillDue("emergency-signoff", c, DURATIONS, at(30 * HOUR), "e2")).toBe(false);
    expect(isStillDue("emergency-signoff", c, DURATIONS, at(30 * HOUR), "e3")).toBe(false);
    expect(isStillDue("emergency-signoff", c, DURATIONS, at(29 * HOUR), "e1")).toBe(false);
    expect(isStillDue("lock-expiry", c, DURATIONS, at(2 * DAY), "l1")).toBe(true);
    expect(isStillDue("lock-expiry", { ...c, timedLocks: [{ id: "l1", expiresAt: at(2 * DAY), unlockedAt: at(DAY) }] }, DURATIONS, at(2 * DAY), "l1")).toBe(false);
  });
});

describe("rescheduleAfterFiring", () => {
  const start = 5 * HOUR;

  it("queues the next status notice after one is sent, on time or late", () => {
    const next = deadline("status-notice", at(start + 14 * DAY), { nextUpdateBy: at(start + 21 * DAY) });
    expect(rescheduleAfterFiring("deadline:c1:status-notice", ACKED, DURATIONS, at(start + 7 * DAY))).toEqual(next);
    expect(rescheduleAfterFiring("deadline:c1:status-notice", ACKED, DURATIONS, at(start + 7 * DAY + 3 * HOUR))).toEqual(next);
    // A timer a few seconds early still counts as the notice due now, not the one before it.
    expect(rescheduleAfterFiring("deadline:c1:status-notice", ACKED, DURATIONS, at(start + 7 * DAY - 10_000))).toEqual(next);
  });

  it("queues nothing after a one-time reminder", () => {
    expect(rescheduleAfterFiring("deadline:c1:acknowledge", NEW, DURATIONS, at(24 * HOUR))).toBeNull();
    expect(rescheduleAfterFiring("deadline:c1:resolve", ACKED, DURATIONS, at(start + 7 * DAY))).toBeNull();
    expect(rescheduleAfterFiring("deadline:c1:acknowledge", ACKED, DURATIONS, at(24 * HOUR))).toBeNull();
  });

  it("moves a timer that fired before its new time: the configuration lengthened it", () => {
    const longer = { ...DURATIONS, acknowledge: 2 * DAY };
    expect(isStillDue("acknowledge", NEW, longer, at(24 * HOUR))).toBe(false);
    expect(rescheduleAfterFiring("deadline:c1:acknowledge", NEW, longer, at(24 * HOUR))).toEqual(deadline("acknowledge", at(48 * HOUR)));
  });

  it("moves a deadlock timer that fired for a proposal since replaced", () => {
    const again: DeadlineCase = { ...PROPOSED, proposedAt: at(4 * DAY) };
    expect(rescheduleAfterFiring("deadline:c1:deadlock", again, DURATIONS, at(9 * DAY))).toEqual(deadline("deadlock", at(11 * DAY)));
  });
});
