// The strike rule: which strikes count at a given moment (not voided by then,
// and younger than the window when there is one), when the rule's action is
// due, when a strike lapses, and how a strike is named and read back (`S-4`).
import { describe, expect, test } from "vitest";
import { activeStrikeCount, strikeCounts, strikeLapsesAt, thresholdReached, type StrikeFacts } from "../../src/cases/strike-rule.js";
import { parseStrikeNumber, strikeName } from "../../src/store/strikes.js";

const DAY = 86_400_000;
const WINDOW = 365 * DAY;
const NOW = new Date("2025-06-01T12:00:00.000Z");

const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
const strike = (issuedOffset: number, voidedOffset: number | null = null): StrikeFacts => ({
  issuedAt: at(issuedOffset),
  voidedAt: voidedOffset === null ? null : at(voidedOffset),
});

const withWindow = { windowMs: WINDOW };
const forGood = { windowMs: null };

describe("strikeCounts", () => {
  test.each<[string, StrikeFacts, boolean, boolean]>([
    // name, strike, counts with the window, counts for good
    ["issued just now", strike(0), true, true],
    ["issued a day ago", strike(-DAY), true, true],
    ["issued one ms short of the window", strike(-WINDOW + 1), true, true],
    ["issued exactly the window ago", strike(-WINDOW), false, true],
    ["issued longer ago than the window", strike(-2 * WINDOW), false, true],
    ["voided before now", strike(-DAY, -1), false, false],
    ["voided exactly now", strike(-DAY, 0), false, false],
    ["voided after now", strike(-DAY, 1), true, true],
    ["voided a day after now", strike(-DAY, DAY), true, true],
    ["voided after now but older than the window", strike(-WINDOW, DAY), false, true],
    ["issued after now", strike(1), false, false],
  ])("a strike %s", (_name, facts, countsWithWindow, countsForGood) => {
    expect(strikeCounts(facts, withWindow, NOW)).toBe(countsWithWindow);
    expect(strikeCounts(facts, forGood, NOW)).toBe(countsForGood);
  });
});

describe("activeStrikeCount", () => {
  const record: StrikeFacts[] = [
    strike(-2 * WINDOW), // lapsed with the window
    strike(-WINDOW), // lapses exactly now
    strike(-WINDOW + 1), // one ms left
    strike(-30 * DAY, -DAY), // voided
    strike(-10 * DAY, DAY), // voided tomorrow: still counts today
    strike(-DAY),
  ];

  test("counts the strikes younger than the window and not voided by now", () => {
    expect(activeStrikeCount(record, withWindow, NOW)).toBe(3);
  });

  test("without a window, counts every strike not voided by now", () => {
    expect(activeStrikeCount(record, forGood, NOW)).toBe(5);
  });

  test("a day later, the strike voided tomorrow no longer counts, nor the one that had a ms left", () => {
    expect(activeStrikeCount(record, withWindow, at(DAY))).toBe(1);
    expect(activeStrikeCount(record, forGood, at(DAY))).toBe(4);
  });

  test("no strikes count as none", () => {
    expect(activeStrikeCount([], withWindow, NOW)).toBe(0);
    expect(activeStrikeCount([], forGood, NOW)).toBe(0);
  });

  test("a record of only voided strikes counts none", () => {
    expect(activeStrikeCount([strike(-DAY, -1), strike(-2 * DAY, -DAY)], forGood, NOW)).toBe(0);
  });
});

describe("thresholdReached", () => {
  test.each<[number, number, boolean]>([
    [0, 3, false],
    [2, 3, false],
    [3, 3, true],
    [4, 3, true],
    [10, 3, true],
    [0, 1, false],
    [1, 1, true],
  ])("%d active strikes against a threshold of %d: %s", (count, threshold, due) => {
    expect(thresholdReached(count, { threshold })).toBe(due);
  });
});

describe("strikeLapsesAt", () => {
  test("a strike lapses the window after it was issued", () => {
    expect(strikeLapsesAt(strike(-DAY), withWindow)).toEqual(at(WINDOW - DAY));
    expect(strikeLapsesAt(strike(0), { windowMs: 30 * DAY })?.toISOString()).toBe("2025-07-01T12:00:00.000Z");
  });

  test("a strike without a window never lapses by age", () => {
    expect(strikeLapsesAt(strike(-DAY), forGood)).toBeNull();
  });

  test("agrees with strikeCounts: the strike stops counting at the moment it lapses", () => {
    const facts = strike(-DAY);
    const lapses = strikeLapsesAt(facts, withWindow)!;
    expect(strikeCounts(facts, withWindow, new Date(lapses.getTime() - 1))).toBe(true);
    expect(strikeCounts(facts, withWindow, lapses)).toBe(false);
  });
});

describe("parseStrikeNumber and strikeName", () => {
  test.each<[string, number]>([
    ["S-4", 4],
    ["s-4", 4],
    ["s4", 4],
    ["S4", 4],
    ["4", 4],
    [" S-12 ", 12],
    ["S-007", 7],
    ["123456789", 123_456_789],
  ])("reads %j as %d", (text, number) => {
    expect(parseStrikeNumber(text)).toBe(number);
  });

  test.each([
    ["no number", "S-"],
    ["another letter", "x4"],
    ["a negative number", "-4"],
    ["a fraction", "4.5"],
    ["empty", ""],
    ["spaces only", "   "],
    ["two dashes", "S--4"],
    ["a space inside", "S- 4"],
    ["more than nine digits", "1234567890"],
    ["a case code", "C-4"],
  ])("refuses %s (%j)", (_name, text) => {
    expect(parseStrikeNumber(text)).toBeUndefined();
  });

  test.each<[number, string]>([
    [1, "S-1"],
    [4, "S-4"],
    [120, "S-120"],
  ])("strike %d is named %s and reads back", (number, name) => {
    expect(strikeName(number)).toBe(name);
    expect(parseStrikeNumber(strikeName(number))).toBe(number);
  });
});
