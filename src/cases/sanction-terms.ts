/**
 * How long and how wide a sanction is, as a committee member writes it after
 * the outcome or in a sanction command:
 *
 *   /coc propose temporary-ban 30d repeated insults
 *   /coc resolve cooldown 1w
 *   /coc cooldown org 3d contributors_only
 *
 * A ban lasts any length of time (`30d`, `2w`) or is permanent. A cooldown
 * is a GitHub interaction limit, which only comes in GitHub's fixed lengths
 * (a day, three days, a week, a month, six months), so those are the only
 * ones accepted; `m` is minutes here as everywhere in the app, never months.
 * Pure: no clock, no I/O.
 */
import { DURATION_FORMS, DURATION_PATTERN, describeDuration, formatDuration, parseDuration, type Milliseconds } from "../config/duration.js";
import { isOutcome, type Outcome } from "./outcomes.js";

/** GitHub's interaction-limit expiries, by its own names. */
export const COOLDOWN_EXPIRIES = ["one_day", "three_days", "one_week", "one_month", "six_months"] as const;
export type CooldownExpiry = (typeof COOLDOWN_EXPIRIES)[number];

/** Who may still comment, open issues and pull requests under a cooldown, from widest to narrowest. */
export const INTERACTION_LIMITS = ["existing_users", "contributors_only", "collaborators_only"] as const;
export type InteractionLimit = (typeof INTERACTION_LIMITS)[number];

/** The narrowest: a heated conversation stops for everyone outside the project. */
export const DEFAULT_INTERACTION_LIMIT: InteractionLimit = "collaborators_only";

const DAY = 86_400_000;

/** How long each expiry lasts (GitHub counts a month as 30 days and six months as 180). */
export const COOLDOWN_EXPIRY_MS: Readonly<Record<CooldownExpiry, Milliseconds>> = {
  one_day: DAY,
  three_days: 3 * DAY,
  one_week: 7 * DAY,
  one_month: 30 * DAY,
  six_months: 180 * DAY,
};

const COOLDOWN_WORDS: Readonly<Record<CooldownExpiry, string>> = {
  one_day: "one day",
  three_days: "three days",
  one_week: "one week",
  one_month: "one month",
  six_months: "six months",
};

const LIMIT_WORDS: Readonly<Record<InteractionLimit, string>> = {
  existing_users: "only accounts older than a day may comment or open issues and pull requests",
  contributors_only: "only people who contributed before may comment or open issues and pull requests",
  collaborators_only: "only collaborators may comment or open issues and pull requests",
};

/** The forms a cooldown length may take, for the sentence that refuses another. */
export const COOLDOWN_FORMS = "24h (or 1d), 3d, 1w (or 7d), 30d, 180d, or GitHub's names one_day, three_days, one_week, one_month, six_months";

/** Where a cooldown applies: the case's repository, the whole account, or a named repository of the account. */
export type CooldownPlace = { kind: "repo" } | { kind: "org" } | { kind: "named"; repo: string };

export interface CooldownTerms {
  kind: "cooldown";
  place: CooldownPlace;
  expiry: CooldownExpiry;
  limit: InteractionLimit;
}

export interface BanTerms {
  kind: "ban";
  /** Null for a permanent ban. */
  lengthMs: Milliseconds | null;
}

export type SanctionTerms = CooldownTerms | BanTerms;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** `1w`, `7d`, `168h`, `one_week` → `one_week`; any other length is refused with the accepted ones. */
export function parseCooldownLength(text: string): Parsed<CooldownExpiry> {
  const word = text.trim().toLowerCase();
  const named = COOLDOWN_EXPIRIES.find((expiry) => expiry === word);
  if (named) return { ok: true, value: named };
  const ms = parseDuration(word);
  const matching = COOLDOWN_EXPIRIES.find((expiry) => COOLDOWN_EXPIRY_MS[expiry] === ms);
  if (matching) return { ok: true, value: matching };
  const minutesHint = /^[0-9]+m$/.test(word) ? " (`m` is minutes; a month is `30d`)" : "";
  return { ok: false, reason: `\`${text.trim()}\` is not a length GitHub offers for interaction limits${minutesHint}. Use ${COOLDOWN_FORMS}.` };
}

/** `30d` → 30 days; `permanent` → null (no end); anything else is refused with the accepted forms. */
export function parseBanLength(text: string): Parsed<Milliseconds | null> {
  const word = text.trim();
  if (word.toLowerCase() === "permanent") return { ok: true, value: null };
  // Not lower-cased: `1M` must be refused, never read as one minute.
  const ms = parseDuration(word);
  if (ms === undefined || ms === 0) return { ok: false, reason: `\`${text.trim()}\` is not a ban length: write \`permanent\` or ${DURATION_FORMS}, longer than 0s.` };
  return { ok: true, value: ms };
}

export function parseInteractionLimit(text: string): InteractionLimit | undefined {
  return INTERACTION_LIMITS.find((limit) => limit === text.trim().toLowerCase());
}

/**
 * Where and how long a cooldown lasts: `[repo|org|<repository>] <length> [limit]`; without a place it applies
 * to the case's repository. Answers the words left over (the reason).
 */
export function parseCooldownTerms(words: readonly string[]): Parsed<{ terms: CooldownTerms; rest: string[] }> {
  let index = 0;
  let place: CooldownPlace = { kind: "repo" };
  const first = words[0];
  // A word written as a length is the length, valid or not, so its refusal names the lengths (a repository named
  // like a length is written `owner/name`).
  const firstIsLength = first !== undefined && (parseCooldownLength(first).ok || DURATION_PATTERN.test(first.toLowerCase()));
  if (first !== undefined && !firstIsLength) {
    place = placeOf(first);
    index = 1;
  }
  const lengthWord = words[index];
  if (lengthWord === undefined) return { ok: false, reason: `give the cooldown's length: ${COOLDOWN_FORMS}.` };
  const expiry = parseCooldownLength(lengthWord);
  if (!expiry.ok) return expiry;
  const limit = words[index + 1] === undefined ? undefined : parseInteractionLimit(words[index + 1]!);
  const rest = words.slice(index + (limit ? 2 : 1));
  return { ok: true, value: { terms: { kind: "cooldown", place, expiry: expiry.value, limit: limit ?? DEFAULT_INTERACTION_LIMIT }, rest } };
}

function placeOf(word: string): CooldownPlace {
  const lower = word.toLowerCase();
  if (lower === "repo") return { kind: "repo" };
  if (lower === "org") return { kind: "org" };
  return { kind: "named", repo: word };
}

/** Outcomes that take a length after their name, and the form of it. */
export const TERMED_OUTCOMES: Readonly<Partial<Record<Outcome, string>>> = {
  "temporary-ban": "`temporary-ban <length>`, e.g. `temporary-ban 30d`",
  cooldown: `\`cooldown [repo|org] <length> [${INTERACTION_LIMITS.join("|")}]\`, e.g. \`cooldown 1w\`, where the length is one of ${COOLDOWN_FORMS}`,
};

/**
 * The terms written after an outcome (`temporary-ban 30d …`, `cooldown org 1w …`), and the words
 * left for the reason. Outcomes without terms take none: all their words are the reason.
 */
export function parseOutcomeTerms(outcome: Outcome, words: readonly string[]): Parsed<{ terms: SanctionTerms | null; rest: string[] }> {
  switch (outcome) {
    case "temporary-ban": {
      const [length, ...rest] = words;
      const form = TERMED_OUTCOMES["temporary-ban"];
      if (length === undefined) return { ok: false, reason: `a temporary ban needs its length: ${form}.` };
      if (length.toLowerCase() === "permanent") return { ok: false, reason: "a ban with no end is the `permanent-ban` outcome." };
      const parsed = parseBanLength(length);
      if (!parsed.ok) return { ok: false, reason: `${parsed.reason} The form is ${form}.` };
      return { ok: true, value: { terms: { kind: "ban", lengthMs: parsed.value }, rest } };
    }
    case "permanent-ban":
      return { ok: true, value: { terms: { kind: "ban", lengthMs: null }, rest: [...words] } };
    case "cooldown": {
      const parsed = parseCooldownTerms(words);
      if (!parsed.ok) return { ok: false, reason: `${parsed.reason} The form is ${TERMED_OUTCOMES.cooldown}.` };
      return parsed;
    }
    default:
      return { ok: true, value: { terms: null, rest: [...words] } };
  }
}

/** The terms as a committee member would write them again; `parseOutcomeTerms` reads this back. */
export function writeTerms(terms: SanctionTerms | null): string | null {
  if (!terms) return null;
  if (terms.kind === "ban") return terms.lengthMs === null ? null : formatDuration(terms.lengthMs);
  const place = terms.place.kind === "named" ? terms.place.repo : terms.place.kind;
  return `${place} ${terms.expiry} ${terms.limit}`;
}

/**
 * The stored terms of a decided outcome, read back; a stored text that no longer reads is the app's own bug. Null for
 * an outcome decided before terms were recorded (its length is unknown).
 */
export function readTerms(outcome: Outcome, written: string | null): SanctionTerms | null {
  if (written === null && TERMED_OUTCOMES[outcome] !== undefined) return null;
  const parsed = parseOutcomeTerms(outcome, written ? written.split(" ") : []);
  if (!parsed.ok) throw new Error(`stored terms of ${outcome} do not read: ${parsed.reason}`);
  return parsed.value.terms;
}

/** In words, after the outcome: "for 30 days", "in the repository for one week (only collaborators …)". */
export function describeTerms(terms: SanctionTerms | null): string {
  if (!terms) return "";
  if (terms.kind === "ban") return terms.lengthMs === null ? "with no end date" : `for ${describeDuration(terms.lengthMs)}`;
  return `${describePlace(terms.place)} ${describeCooldown(terms)}`;
}

/** How long and how tight a cooldown is, wherever it applies: "for one week (only collaborators may …)". */
export function describeCooldown(terms: Pick<CooldownTerms, "expiry" | "limit">): string {
  return `for ${COOLDOWN_WORDS[terms.expiry]} (${LIMIT_WORDS[terms.limit]})`;
}

export function describePlace(place: CooldownPlace): string {
  switch (place.kind) {
    case "repo":
      return "in the case's repository";
    case "org":
      return "across the organization";
    case "named":
      return `in \`${place.repo}\``;
  }
}


/** The terms of a stored outcome in words, "" when it takes none. */
export function termsInWords(outcome: string, terms: string | null): string {
  return isOutcome(outcome) ? describeTerms(readTerms(outcome, terms)) : "";
}
