/**
 * What the case says when an emergency act was not signed off: the outcomes
 * the integration tests cannot reach (an act the app has no way to undo) and
 * one sentence for each outcome, naming what was undone or left and why.
 */
import { describe, expect, it } from "vitest";
import { revertReport } from "../../src/messages/emergency-revert.js";

const ACT = { kind: "lock", actor: "mod-omar" };
const HEAD = "The emergency act (`lock` by `mod-omar`) was not signed off in time";

describe("revertReport", () => {
  it("asks for a hand restore when the app has no way to undo the act", () => {
    expect(revertReport({ kind: "ban", actor: "mod-omar" }, null, null, { result: "left", because: "cannot-undo" })).toBe(
      "The emergency act (`ban` by `mod-omar`) was not signed off in time, but the app cannot undo it: restore it by hand.",
    );
    expect(revertReport({ kind: "remove", actor: "mod-omar" }, "remove", "the flagged comment", { result: "left", because: "cannot-undo" })).toContain(
      "cannot undo it: restore it by hand.",
    );
  });

  it("says in one sentence what was undone, or what was left and why", () => {
    const say = (outcome: Parameters<typeof revertReport>[3]) => revertReport(ACT, "lock", "`acme/widgets#7`", outcome);
    expect(say({ result: "undone" })).toBe(`${HEAD}, so the app reverted it: \`acme/widgets#7\` is unlocked again.`);
    expect(say({ result: "left", because: "done-again" })).toBe(
      `${HEAD}, but the app left \`acme/widgets#7\` locked: the committee locked it again after the emergency act (a later \`/coc lock\`), and that stands.`,
    );
    expect(say({ result: "nothing-left", because: "gone" })).toBe(`${HEAD}; nothing of it was left to revert: \`acme/widgets#7\` no longer exists.`);
  });
});
