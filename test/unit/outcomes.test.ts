import { describe, expect, it } from "vitest";
import { closestOutcome, editDistance, isOutcome, needsSanction, OUTCOME_INFO, OUTCOMES, outcomeHelpLines, parseOutcome } from "../../src/cases/outcomes.js";

const LIST =
  "no-violation, resolved-elsewhere, reminder, private-reprimand, public-reprimand, apology-request, mediation, warning, cooldown, temporary-ban, permanent-ban, abusive-report";

describe("the outcome ladder", () => {
  it("has exactly the public names, in ladder order", () => {
    expect(OUTCOMES.join(", ")).toBe(LIST);
    expect(Object.keys(OUTCOME_INFO)).toEqual([...OUTCOMES]);
  });

  it("needs a sanction only for a warning, a cooldown and the bans", () => {
    expect(OUTCOMES.filter(needsSanction)).toEqual(["warning", "cooldown", "temporary-ban", "permanent-ban"]);
  });

  it("describes every outcome in one line for help text", () => {
    for (const outcome of OUTCOMES) {
      expect(OUTCOME_INFO[outcome].description).toMatch(/^[A-Z][^\n]{10,90}\.$/);
    }
    const lines = outcomeHelpLines();
    expect(lines).toHaveLength(12);
    expect(lines[0]).toBe("`no-violation`: No breach of the code; nothing further is done.");
    expect(lines[7]).toBe("`warning`: A formal warning recorded against the subject; it counts toward the strike rule.");
  });

  it("tells outcome names from other text", () => {
    expect(isOutcome("warning")).toBe(true);
    expect(isOutcome("Warning")).toBe(false);
    expect(isOutcome("ban")).toBe(false);
  });
});

describe("parseOutcome", () => {
  it.each([
    ["warning", "warning"],
    ["WARNING", "warning"],
    ["  Temporary_Ban ", "temporary-ban"],
    ["no violation", "no-violation"],
    ["Private-Reprimand", "private-reprimand"],
  ] as const)("reads %j as %s", (text, outcome) => {
    expect(parseOutcome(text)).toEqual({ ok: true, outcome });
  });

  it.each([
    ["warn", "warning"],
    ["wraning", "warning"],
    ["cooldwn", "cooldown"],
    ["mediate", "mediation"],
    ["apology", "apology-request"],
    ["perm", "permanent-ban"],
    ["temp-ban", "temporary-ban"],
    ["priv-reprimand", "private-reprimand"],
    ["abusive", "abusive-report"],
  ] as const)("refuses %j and suggests %s", (text, suggestion) => {
    expect(parseOutcome(text)).toEqual({ ok: false, reason: `\`${text}\` is not an outcome. Did you mean \`${suggestion}\`? Outcomes: ${LIST}.`, suggestion });
  });

  it.each(["ban", "reprimand", "xyz", "kick"])("refuses %j without a guess when no single outcome fits", (text) => {
    expect(parseOutcome(text)).toEqual({ ok: false, reason: `\`${text}\` is not an outcome. Outcomes: ${LIST}.`, suggestion: null });
  });

  it("asks for an outcome when none is given", () => {
    expect(parseOutcome("   ")).toEqual({ ok: false, reason: `Name an outcome: ${LIST}.`, suggestion: null });
  });

  it("suggests the nearest outcome for a typo, but nothing when two are equally near or all too far", () => {
    expect(closestOutcome("pvblic-reprimand")).toBe("public-reprimand");
    // Four edits from both `warning` and `cooldown`.
    expect(closestOutcome("warndown")).toBeNull();
    // Fits both reprimands as an abbreviation.
    expect(closestOutcome("p-reprimand")).toBeNull();
    expect(closestOutcome("zz")).toBeNull();
  });
});

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["warning", "warning", 0],
    ["", "abc", 3],
    ["abc", "", 3],
    ["warn", "warning", 3],
    ["wraning", "warning", 2],
    ["kitten", "sitting", 3],
  ] as const)("from %j to %j is %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});
