// Lengths of time as written in `.github/coc.yml` and in commands: what is
// read, what is refused (and with which words), and how a length is written
// back for a message.
import { describe, expect, test } from "vitest";
import { DURATION_FORMS, describeDuration, formatDuration, parseDuration } from "../../src/config/duration.js";
import { validateSettings } from "../../src/config/load.js";
import { deadlinesSchema, decisionsSchema } from "../../src/config/workflow-schema.js";

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("parseDuration", () => {
  test.each<[string, number]>([
    ["0s", 0],
    ["45s", 45 * SECOND],
    ["90m", 90 * MINUTE],
    ["24h", DAY],
    ["7d", 7 * DAY],
    ["2w", 14 * DAY],
    ["007d", 7 * DAY],
    ["999999w", 999_999 * 7 * DAY],
  ])("reads %s", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  test("m is minutes, never months", () => {
    expect(parseDuration("1m")).toBe(MINUTE);
  });

  test.each([
    ["no unit", "24"],
    ["no number", "h"],
    ["empty", ""],
    ["a unit it does not know", "3y"],
    ["months written as M", "1M"],
    ["months written as mo", "1mo"],
    ["upper-case unit", "24H"],
    ["a fraction", "1.5h"],
    ["a negative length", "-1d"],
    ["a space inside", "7 d"],
    ["spaces around", " 7d "],
    ["words", "7 days"],
    ["two parts", "1h30m"],
    ["more than six digits", "1000000s"],
    ["another numeral system", "٧d"],
  ])("refuses %s (%j)", (_name, text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe("formatDuration and describeDuration", () => {
  test.each<[number, string, string]>([
    [0, "0s", "0 seconds"],
    [SECOND, "1s", "1 second"],
    [90 * MINUTE, "90m", "90 minutes"],
    [HOUR, "1h", "1 hour"],
    [36 * HOUR, "36h", "36 hours"],
    [DAY, "1d", "1 day"],
    [3 * DAY, "3d", "3 days"],
    [7 * DAY, "1w", "1 week"],
    [30 * DAY, "30d", "30 days"],
    [1_500, "1s", "1 second"],
  ])("%d ms is %s, %s", (ms, short, words) => {
    expect(formatDuration(ms)).toBe(short);
    expect(describeDuration(ms)).toBe(words);
  });

  test.each(["0s", "45s", "90m", "24h", "36h", "7d", "10d", "2w", "525600m"])("%s reads back as the same length", (text) => {
    const ms = parseDuration(text)!;
    expect(parseDuration(formatDuration(ms))).toBe(ms);
  });
});

describe("durations in the configuration", () => {
  const FILE = "`.github/coc.yml`";
  const forms = `must be ${DURATION_FORMS}`;

  test("are carried as milliseconds", () => {
    expect(validateSettings(deadlinesSchema, { acknowledge: "90m", resolve: "2w" }, FILE)).toEqual({
      ok: true,
      value: { acknowledge: 90 * MINUTE, resolve: 14 * DAY, deadlock: 7 * DAY, emergency_signoff: 72 * HOUR },
    });
  });

  test.each<[string, unknown, string]>([
    ["words", "1 day", `${forms} (got "1 day")`],
    ["a bare number", 24, `${forms} (got 24)`],
    ["a fraction", "1.5h", `${forms} (got "1.5h")`],
    ["months", "1M", `${forms} (got "1M")`],
    ["true", true, `${forms} (got true)`],
    ["a list", ["24h"], `${forms} (got a list)`],
    ["zero", "0s", 'must be longer than 0s (got "0s")'],
    ["zero in another unit", "00h", 'must be longer than 0s (got "00h")'],
  ])("a deadline given %s is refused with the accepted forms", (_name, value, message) => {
    expect(validateSettings(deadlinesSchema, { acknowledge: value }, FILE)).toEqual({
      ok: false,
      message: `${FILE} is invalid: \`acknowledge\` ${message}`,
    });
  });

  test("a wait that may be skipped accepts 0s", () => {
    expect(validateSettings(decisionsSchema, { reporter_feedback: "0s" }, FILE)).toEqual({
      ok: true,
      value: { reporter_feedback: 0, public_notice: "none" },
    });
  });
});
