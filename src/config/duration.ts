/**
 * Lengths of time as people write them in `.github/coc.yml` and in commands:
 * a whole number and one unit, `90m`, `24h`, `7d`, `2w`, `0s`.
 *
 * ```yaml
 * deadlines:
 *   acknowledge: 24h
 * ```
 *
 * and later `/coc lock … for 2h` or a `30d` ban. `m` is always minutes: a
 * month has no fixed length, so it is written in days or weeks (`30d`).
 * Pure: no clock, no I/O.
 */

/** A length of time in milliseconds. */
export type Milliseconds = number;

const UNIT_MS = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
} as const satisfies Record<string, Milliseconds>;

type Unit = keyof typeof UNIT_MS;

// Up to six digits: enough for `525600m` (a year in minutes) while keeping
// every result a safe integer and every deadline a representable date.
// Lower case only, so `M` can never be read as months.
const PATTERN_SOURCE = "^([0-9]{1,6})(s|m|h|d|w)$";

/** The accepted form, for the JSON Schema editors check the file with. */
export const DURATION_PATTERN = new RegExp(PATTERN_SOURCE);

/** How an error names the accepted form; it ends a sentence ("`x` must be …"). */
export const DURATION_FORMS = "a duration such as 90m, 24h, 7d or 2w (units s, m, h, d, w; m is minutes)";

/** `"90m"` → 5400000; anything else (`"1.5h"`, `"7 days"`, `"1M"`, `""`) → undefined. */
export function parseDuration(text: string): Milliseconds | undefined {
  const match = DURATION_PATTERN.exec(text);
  if (match === null) return undefined;
  const [, amount, unit] = match as unknown as [string, string, Unit];
  return Number(amount) * UNIT_MS[unit];
}

// Largest unit first, so a length is written the shortest exact way.
const LARGEST_FIRST: readonly Unit[] = ["w", "d", "h", "m", "s"];

/**
 * The shortest exact form: 86400000 → `"1d"`, 5400000 → `"90m"`, 0 → `"0s"`.
 * `parseDuration` reads back whatever it produced. Parts of a second are
 * dropped, since no setting or command is finer than that.
 */
export function formatDuration(ms: Milliseconds): string {
  const seconds = Math.max(0, Math.floor(ms / 1_000));
  if (seconds === 0) return "0s";
  const unit = LARGEST_FIRST.find((u) => (seconds * 1_000) % UNIT_MS[u] === 0) ?? "s";
  return `${(seconds * 1_000) / UNIT_MS[unit]}${unit}`;
}

const UNIT_WORDS: Record<Unit, [string, string]> = {
  s: ["second", "seconds"],
  m: ["minute", "minutes"],
  h: ["hour", "hours"],
  d: ["day", "days"],
  w: ["week", "weeks"],
};

/** The same length in words, for messages: 86400000 → `"1 day"`, 5400000 → `"90 minutes"`. */
export function describeDuration(ms: Milliseconds): string {
  const short = formatDuration(ms);
  const unit = short.slice(-1) as Unit;
  const amount = Number(short.slice(0, -1));
  const [one, many] = UNIT_WORDS[unit];
  return `${amount} ${amount === 1 ? one : many}`;
}
