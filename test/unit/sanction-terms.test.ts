// The terms of a sanction as a committee member writes them after the outcome
// or in a sanction command: which cooldown lengths GitHub offers and how they
// are written, what a ban length may be, where a cooldown applies and for whom,
// which words are left for the reason, how stored terms read back, and how
// they are put in words.
import { describe, expect, test } from "vitest";
import { DURATION_FORMS } from "../../src/config/duration.js";
import type { Outcome } from "../../src/cases/outcomes.js";
import {
  COOLDOWN_FORMS,
  TERMED_OUTCOMES,
  describeTerms,
  parseBanLength,
  parseCooldownLength,
  parseCooldownTerms,
  parseOutcomeTerms,
  readTerms,
  writeTerms,
  type CooldownExpiry,
  type CooldownPlace,
  type CooldownTerms,
  type InteractionLimit,
  type SanctionTerms,
} from "../../src/cases/sanction-terms.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const refusedCooldown = (text: string, hint = "") => ({
  ok: false,
  reason: `\`${text}\` is not a length GitHub offers for interaction limits${hint}. Use ${COOLDOWN_FORMS}.`,
});
const MINUTES_HINT = " (`m` is minutes; a month is `30d`)";

const refusedBan = (text: string) => ({
  ok: false,
  reason: `\`${text}\` is not a ban length: write \`permanent\` or ${DURATION_FORMS}, longer than 0s.`,
});

describe("parseCooldownLength", () => {
  test.each<[string, CooldownExpiry]>([
    ["24h", "one_day"],
    ["1d", "one_day"],
    ["1440m", "one_day"],
    ["3d", "three_days"],
    ["72h", "three_days"],
    ["1w", "one_week"],
    ["7d", "one_week"],
    ["168h", "one_week"],
    ["30d", "one_month"],
    ["180d", "six_months"],
    ["one_day", "one_day"],
    ["three_days", "three_days"],
    ["one_week", "one_week"],
    ["one_month", "one_month"],
    ["six_months", "six_months"],
    ["ONE_WEEK", "one_week"],
    ["Six_Months", "six_months"],
    [" three_days ", "three_days"],
  ])("reads %j as %s", (text, expiry) => {
    expect(parseCooldownLength(text)).toEqual({ ok: true, value: expiry });
  });

  test("lists the accepted forms", () => {
    expect(COOLDOWN_FORMS).toBe("24h (or 1d), 3d, 1w (or 7d), 30d, 180d, or GitHub's names one_day, three_days, one_week, one_month, six_months");
  });

  test.each([
    ["a length GitHub does not offer", "2d"],
    ["months written as M", "1M"],
    ["empty", ""],
    ["a word that is not GitHub's name", "week"],
    ["a length with a fraction", "1.5d"],
    ["zero", "0s"],
  ])("refuses %s (%j) with the accepted forms", (_name, text) => {
    const expected = text === "1M" ? refusedCooldown(text, MINUTES_HINT) : refusedCooldown(text);
    expect(parseCooldownLength(text)).toEqual(expected);
  });

  test("refuses 6m, saying that m is minutes and a month is 30d", () => {
    const parsed = parseCooldownLength("6m");
    expect(parsed).toEqual(refusedCooldown("6m", MINUTES_HINT));
    expect(parsed.ok ? "" : parsed.reason).toContain("`m` is minutes");
  });

  test("names the refused length as written, without the spaces around it", () => {
    expect(parseCooldownLength("  2d ")).toEqual(refusedCooldown("2d"));
  });
});

describe("parseBanLength", () => {
  test.each<[string, number | null]>([
    ["permanent", null],
    ["Permanent", null],
    [" PERMANENT ", null],
    ["30d", 30 * DAY],
    ["2w", 14 * DAY],
    ["36h", 36 * HOUR],
    ["1s", 1_000],
  ])("reads %j as %j", (text, ms) => {
    expect(parseBanLength(text)).toEqual({ ok: true, value: ms });
  });

  test.each([
    ["zero", "0s"],
    ["zero in another unit", "00d"],
    ["a fraction", "1.5d"],
    ["a word", "forever"],
    ["empty", ""],
    ["a negative length", "-1d"],
  ])("refuses %s (%j) with the accepted forms", (_name, text) => {
    expect(parseBanLength(text)).toEqual(refusedBan(text));
  });

  // `1M` (meant as a month) must never be read as `1m`, a one-minute ban: `parseDuration` is lower case
  // only so that `M` can never be read, and a ban length is not lower-cased before it.
  test("refuses months written as M, rather than reading them as minutes", () => {
    expect(parseBanLength("1M")).toEqual(refusedBan("1M"));
    expect(parseOutcomeTerms("temporary-ban", ["1M"]).ok).toBe(false);
  });
});

describe("parseCooldownTerms", () => {
  const cooldown = (place: CooldownPlace, expiry: CooldownExpiry, limit: InteractionLimit = "collaborators_only"): CooldownTerms => ({
    kind: "cooldown",
    place,
    expiry,
    limit,
  });

  test.each<[string, string[], CooldownTerms, string[]]>([
    ["the case's repository", ["repo", "1w"], cooldown({ kind: "repo" }, "one_week"), []],
    ["the whole account", ["org", "3d"], cooldown({ kind: "org" }, "three_days"), []],
    ["the account, in capitals", ["ORG", "3d"], cooldown({ kind: "org" }, "three_days"), []],
    ["a named repository", ["widgets", "30d"], cooldown({ kind: "named", repo: "widgets" }, "one_month"), []],
    ["an owner/repository", ["acme/widgets", "24h"], cooldown({ kind: "named", repo: "acme/widgets" }, "one_day"), []],
    ["a named repository, kept as written", ["Acme/Widgets", "24h"], cooldown({ kind: "named", repo: "Acme/Widgets" }, "one_day"), []],
    ["a limit", ["org", "3d", "contributors_only"], cooldown({ kind: "org" }, "three_days", "contributors_only"), []],
    ["a limit in capitals", ["repo", "1w", "Existing_Users"], cooldown({ kind: "repo" }, "one_week", "existing_users"), []],
    ["a limit and a reason", ["org", "3d", "contributors_only", "heated", "thread"], cooldown({ kind: "org" }, "three_days", "contributors_only"), ["heated", "thread"]],
    ["no limit and a reason", ["repo", "1w", "heated", "thread"], cooldown({ kind: "repo" }, "one_week"), ["heated", "thread"]],
    ["an optional place given", ["widgets", "180d", "spam"], cooldown({ kind: "named", repo: "widgets" }, "six_months"), ["spam"]],
    ["an optional place left out", ["1w", "reason"], cooldown({ kind: "repo" }, "one_week"), ["reason"]],
    ["an optional place left out, with a limit", ["one_month", "contributors_only", "again"], cooldown({ kind: "repo" }, "one_month", "contributors_only"), ["again"]],
  ])("reads %s", (_name, words, terms, rest) => {
    expect(parseCooldownTerms(words)).toEqual({ ok: true, value: { terms, rest } });
  });

  test("a lone length applies to the case's repository", () => {
    expect(parseCooldownTerms(["1w"])).toEqual({ ok: true, value: { terms: cooldown({ kind: "repo" }, "one_week"), rest: [] } });
  });

  test("a first word written as a length is the length; a repository named like one is written owner/name", () => {
    expect(parseCooldownTerms(["1w", "3d"])).toEqual({ ok: true, value: { terms: cooldown({ kind: "repo" }, "one_week"), rest: ["3d"] } });
    expect(parseCooldownTerms(["acme/1w", "3d"])).toEqual({ ok: true, value: { terms: cooldown({ kind: "named", repo: "acme/1w" }, "three_days"), rest: [] } });
  });

  test("no words: the length is missing", () => {
    expect(parseCooldownTerms([])).toEqual({ ok: false, reason: `give the cooldown's length: ${COOLDOWN_FORMS}.` });
  });

  test("a length GitHub does not offer is refused with the accepted forms, with or without a place", () => {
    expect(parseCooldownTerms(["org", "2d"])).toEqual(refusedCooldown("2d"));
    expect(parseCooldownTerms(["org", "6m"])).toEqual(refusedCooldown("6m", MINUTES_HINT));
    expect(parseCooldownTerms(["2d"])).toEqual(refusedCooldown("2d"));
    expect(parseCooldownTerms(["2d", "heated"])).toEqual(refusedCooldown("2d"));
  });
});

describe("parseOutcomeTerms", () => {
  const TEMPORARY_BAN_FORM = "`temporary-ban <length>`, e.g. `temporary-ban 30d`";
  const COOLDOWN_FORM = `\`cooldown [repo|org] <length> [existing_users|contributors_only|collaborators_only]\`, e.g. \`cooldown 1w\`, where the length is one of ${COOLDOWN_FORMS}`;

  test("names the form of each outcome that takes terms", () => {
    expect(TERMED_OUTCOMES).toEqual({ "temporary-ban": TEMPORARY_BAN_FORM, cooldown: COOLDOWN_FORM });
  });

  describe("temporary-ban", () => {
    test("takes the length and leaves the reason", () => {
      expect(parseOutcomeTerms("temporary-ban", ["30d", "repeated", "insults"])).toEqual({
        ok: true,
        value: { terms: { kind: "ban", lengthMs: 30 * DAY }, rest: ["repeated", "insults"] },
      });
    });

    test("needs a length", () => {
      expect(parseOutcomeTerms("temporary-ban", [])).toEqual({ ok: false, reason: `a temporary ban needs its length: ${TEMPORARY_BAN_FORM}.` });
    });

    test.each(["permanent", "Permanent"])("refuses %s, pointing to permanent-ban", (word) => {
      expect(parseOutcomeTerms("temporary-ban", [word, "reason"])).toEqual({ ok: false, reason: "a ban with no end is the `permanent-ban` outcome." });
    });

    test.each(["forever", "0s", "1.5d"])("refuses the length %s with the form", (word) => {
      expect(parseOutcomeTerms("temporary-ban", [word, "reason"])).toEqual({
        ok: false,
        reason: `${refusedBan(word).reason} The form is ${TEMPORARY_BAN_FORM}.`,
      });
    });
  });

  test("permanent-ban takes no terms: every word is the reason", () => {
    expect(parseOutcomeTerms("permanent-ban", ["30d", "threats"])).toEqual({
      ok: true,
      value: { terms: { kind: "ban", lengthMs: null }, rest: ["30d", "threats"] },
    });
    expect(parseOutcomeTerms("permanent-ban", [])).toEqual({ ok: true, value: { terms: { kind: "ban", lengthMs: null }, rest: [] } });
  });

  describe("cooldown", () => {
    test("the place is optional", () => {
      expect(parseOutcomeTerms("cooldown", ["1w", "heated", "thread"])).toEqual({
        ok: true,
        value: { terms: { kind: "cooldown", place: { kind: "repo" }, expiry: "one_week", limit: "collaborators_only" }, rest: ["heated", "thread"] },
      });
    });

    test("takes a place and a limit", () => {
      expect(parseOutcomeTerms("cooldown", ["org", "3d", "contributors_only", "again"])).toEqual({
        ok: true,
        value: { terms: { kind: "cooldown", place: { kind: "org" }, expiry: "three_days", limit: "contributors_only" }, rest: ["again"] },
      });
    });

    test("refuses a missing length with the form", () => {
      expect(parseOutcomeTerms("cooldown", [])).toEqual({
        ok: false,
        reason: `give the cooldown's length: ${COOLDOWN_FORMS}. The form is ${COOLDOWN_FORM}.`,
      });
    });

    test("refuses a length GitHub does not offer with the form", () => {
      expect(parseOutcomeTerms("cooldown", ["repo", "2d", "reason"])).toEqual({
        ok: false,
        reason: `${refusedCooldown("2d").reason} The form is ${COOLDOWN_FORM}.`,
      });
    });

    // Without a place, a word written as a length is the length: its refusal names it.
    test("refuses a length GitHub does not offer, given without a place, by that length", () => {
      expect(parseOutcomeTerms("cooldown", ["2d", "heated"])).toEqual({
        ok: false,
        reason: `${refusedCooldown("2d").reason} The form is ${COOLDOWN_FORM}.`,
      });
    });
  });

  test.each<Outcome>(["warning", "no-violation", "public-reprimand", "abusive-report"])("%s takes no terms: every word is the reason", (outcome) => {
    expect(parseOutcomeTerms(outcome, ["1w", "org", "rude"])).toEqual({ ok: true, value: { terms: null, rest: ["1w", "org", "rude"] } });
  });

  test("the words given are not changed", () => {
    const words = ["30d", "threats"];
    parseOutcomeTerms("permanent-ban", words);
    parseOutcomeTerms("warning", words);
    expect(words).toEqual(["30d", "threats"]);
  });
});

describe("writeTerms and readTerms", () => {
  test.each<[Outcome, SanctionTerms | null, string | null]>([
    ["temporary-ban", { kind: "ban", lengthMs: 30 * DAY }, "30d"],
    ["temporary-ban", { kind: "ban", lengthMs: 14 * DAY }, "2w"],
    ["temporary-ban", { kind: "ban", lengthMs: 36 * HOUR }, "36h"],
    ["temporary-ban", { kind: "ban", lengthMs: 90 * MINUTE }, "90m"],
    ["permanent-ban", { kind: "ban", lengthMs: null }, null],
    ["cooldown", { kind: "cooldown", place: { kind: "repo" }, expiry: "one_week", limit: "collaborators_only" }, "repo one_week collaborators_only"],
    ["cooldown", { kind: "cooldown", place: { kind: "org" }, expiry: "three_days", limit: "contributors_only" }, "org three_days contributors_only"],
    ["cooldown", { kind: "cooldown", place: { kind: "named", repo: "widgets" }, expiry: "six_months", limit: "existing_users" }, "widgets six_months existing_users"],
    ["cooldown", { kind: "cooldown", place: { kind: "named", repo: "acme/widgets" }, expiry: "one_day", limit: "collaborators_only" }, "acme/widgets one_day collaborators_only"],
    ["warning", null, null],
  ])("%s %j is written %j and reads back the same", (outcome, terms, written) => {
    expect(writeTerms(terms)).toBe(written);
    expect(readTerms(outcome, writeTerms(terms))).toEqual(terms);
  });

  test("terms parsed from a proposal read back the same", () => {
    for (const [outcome, words] of [
      ["temporary-ban", ["30d", "insults"]],
      ["cooldown", ["1w"]],
      ["cooldown", ["acme/widgets", "30d", "existing_users", "spam"]],
      ["permanent-ban", ["threats"]],
    ] as const) {
      const parsed = parseOutcomeTerms(outcome, words);
      if (!parsed.ok) throw new Error(parsed.reason);
      expect(readTerms(outcome, writeTerms(parsed.value.terms))).toEqual(parsed.value.terms);
    }
  });

  test("an outcome decided before terms were kept reads as unknown terms, never as a guess", () => {
    expect(readTerms("temporary-ban", null)).toBeNull();
    expect(readTerms("cooldown", null)).toBeNull();
    expect(readTerms("permanent-ban", null)).toEqual({ kind: "ban", lengthMs: null });
  });

  test("stored terms that no longer read are the app's own bug", () => {
    expect(() => readTerms("temporary-ban", "forever")).toThrow(/^stored terms of temporary-ban do not read: `forever` is not a ban length/);
    expect(() => readTerms("cooldown", "repo 2d collaborators_only")).toThrow(/^stored terms of cooldown do not read: `2d` is not a length GitHub offers/);
  });

  // A repository whose name reads as a length (`1w` is a valid GitHub name) is written owner/name, so it reads back
  // as the place and not as the length.
  test("a named repository that reads as a length, written owner/name, reads back the same", () => {
    const terms: SanctionTerms = { kind: "cooldown", place: { kind: "named", repo: "acme/1w" }, expiry: "three_days", limit: "collaborators_only" };
    expect(readTerms("cooldown", writeTerms(terms))).toEqual(terms);
  });
});

describe("describeTerms", () => {
  test.each<[SanctionTerms | null, string]>([
    [{ kind: "ban", lengthMs: 30 * DAY }, "for 30 days"],
    [{ kind: "ban", lengthMs: 14 * DAY }, "for 2 weeks"],
    [{ kind: "ban", lengthMs: DAY }, "for 1 day"],
    [{ kind: "ban", lengthMs: null }, "with no end date"],
    [
      { kind: "cooldown", place: { kind: "repo" }, expiry: "one_week", limit: "collaborators_only" },
      "in the case's repository for one week (only collaborators may comment or open issues and pull requests)",
    ],
    [
      { kind: "cooldown", place: { kind: "org" }, expiry: "three_days", limit: "contributors_only" },
      "across the organization for three days (only people who contributed before may comment or open issues and pull requests)",
    ],
    [
      { kind: "cooldown", place: { kind: "named", repo: "acme/widgets" }, expiry: "six_months", limit: "existing_users" },
      "in `acme/widgets` for six months (only accounts older than a day may comment or open issues and pull requests)",
    ],
    [null, ""],
  ])("%j is %j", (terms, words) => {
    expect(describeTerms(terms)).toBe(words);
  });
});
