// What a sanctioned person is told of a warning and a ban: what, why, until when, where they stand, and how to
// appeal (the appeal page once it exists, else the committee); never who reported.
import { describe, expect, test } from "vitest";
import { banForSubjectNotice, banTerm } from "../../src/messages/bans.js";
import { warningForSubjectNotice } from "../../src/messages/sanction-notices.js";

const DAY = 86_400_000;
const AT = new Date("2026-03-04T10:00:00Z");
const APPEAL = { url: "https://coc.example.org/appeal/COC-2026-0001", until: new Date("2026-04-03T10:00:00Z") };

describe("warningForSubjectNotice", () => {
  test("says the reason, the count and the threshold, and how to appeal", () => {
    expect(warningForSubjectNotice("COC-2026-0001", "insults", 2, { threshold: 3, windowMs: 365 * DAY })).toBe(
      "The conduct committee gave you a formal warning in case COC-2026-0001, about your conduct. The committee's reason: insults. " +
        "Warnings count for 365 days each; you have 2, and at 3 the committee considers further action. You may appeal the warning; the committee will tell you how.",
    );
    expect(warningForSubjectNotice("COC-2026-0001", "", 1, { threshold: 3, windowMs: null }, APPEAL)).toBe(
      "The conduct committee gave you a formal warning in case COC-2026-0001, about your conduct. " +
        "Warnings count until they are voided; you have 1, and at 3 the committee considers further action. You may appeal the warning until 2026-04-03 10:00 UTC: https://coc.example.org/appeal/COC-2026-0001",
    );
  });

  test("keeps the committee's reason inert", () => {
    expect(warningForSubjectNotice("COC-2026-0001", "see @mod-maria in #12", 1, { threshold: 3, windowMs: null })).not.toMatch(/@mod-maria|#12/);
  });
});

describe("banForSubjectNotice", () => {
  test("says until when, or that it has no end, and how to appeal", () => {
    const ban = { account: "acme", subjectLogin: "troll-tom", startsAt: AT, endsAt: new Date(AT.getTime() + 30 * DAY) };
    expect(banTerm(ban)).toBe("until 2026-04-03 10:00 UTC (30 days)");
    expect(banForSubjectNotice("COC-2026-0001", ban, "threats", APPEAL)).toBe(
      "The conduct committee banned you from taking part in the repositories of `acme` (case COC-2026-0001), until 2026-04-03 10:00 UTC (30 days). " +
        "The committee's reason: threats. You may appeal the ban until 2026-04-03 10:00 UTC: https://coc.example.org/appeal/COC-2026-0001",
    );
    expect(banForSubjectNotice("COC-2026-0001", { ...ban, endsAt: null }, "")).toBe(
      "The conduct committee banned you from taking part in the repositories of `acme` (case COC-2026-0001), with no end date. You may appeal the ban; the committee will tell you how.",
    );
  });
});
