/**
 * The outcome ladder: what the committee can decide a case is worth, from "no
 * violation" up to a permanent ban, plus the outcome for a report that itself
 * abused the process. A committee member names one when proposing a decision
 * (`/coc propose warning`), and help text lists them with their descriptions.
 *
 * The names are a public contract (commands, labels, exports): add to the
 * ladder, never rename. Outcomes that need a sanction (a warning in the strike
 * ledger, a cooldown, a ban) are only enacted once that sanction is carried out.
 */

export const OUTCOMES = [
  "no-violation",
  "resolved-elsewhere",
  "reminder",
  "private-reprimand",
  "public-reprimand",
  "apology-request",
  "mediation",
  "warning",
  "cooldown",
  "temporary-ban",
  "permanent-ban",
  "abusive-report",
] as const;

export type Outcome = (typeof OUTCOMES)[number];

export interface OutcomeInfo {
  /** One line for help text, in a neutral voice. */
  description: string;
  /** The decision is enacted only once a sanction is carried out. */
  needsSanction: boolean;
  /** The committee found a breach of the code: what the closing report calls a violation, and what a public notice is about. */
  breach: boolean;
}

export const OUTCOME_INFO: Readonly<Record<Outcome, OutcomeInfo>> = {
  "no-violation": { description: "No breach of the code; nothing further is done.", needsSanction: false, breach: false },
  "resolved-elsewhere": { description: "The people involved settled it before the committee acted.", needsSanction: false, breach: false },
  reminder: { description: "A public reminder of the expected conduct, without naming anyone.", needsSanction: false, breach: true },
  "private-reprimand": { description: "A private message telling the subject what was unacceptable and why.", needsSanction: false, breach: true },
  "public-reprimand": { description: "A reprimand posted where the conduct happened.", needsSanction: false, breach: true },
  "apology-request": { description: "The subject is asked to apologise, if the affected party wants it.", needsSanction: false, breach: true },
  mediation: { description: "Voluntary mediation between the parties, only if all of them agree.", needsSanction: false, breach: true },
  warning: { description: "A formal warning recorded against the subject; it counts toward the strike rule.", needsSanction: true, breach: true },
  cooldown: { description: "A cooling-off period: interaction in a repository is limited for a while.", needsSanction: true, breach: true },
  "temporary-ban": { description: "The subject is banned for a set time, then let back in.", needsSanction: true, breach: true },
  "permanent-ban": { description: "The subject is banned with no end date.", needsSanction: true, breach: true },
  "abusive-report": { description: "The report was false or made in bad faith; the reporter answers for it.", needsSanction: false, breach: false },
};

export function isOutcome(text: string): text is Outcome {
  return (OUTCOMES as readonly string[]).includes(text);
}

export function isBreach(outcome: Outcome): boolean {
  return OUTCOME_INFO[outcome].breach;
}

export function needsSanction(outcome: Outcome): boolean {
  return OUTCOME_INFO[outcome].needsSanction;
}

/** Help text lines, in ladder order: "`warning`: A formal warning …". */
export function outcomeHelpLines(): string[] {
  return OUTCOMES.map((outcome) => `\`${outcome}\`: ${OUTCOME_INFO[outcome].description}`);
}

export type ParsedOutcome = { ok: true; outcome: Outcome } | { ok: false; reason: string; suggestion: Outcome | null };

const VALID_LIST = OUTCOMES.join(", ");

/**
 * Reads an outcome as a committee member typed it. Case, a leading or trailing
 * space and `_` or spaces for `-` are forgiven (`Temporary_Ban`); anything else
 * is refused with the list, and the closest name when one stands out. Prefixes
 * are suggested, never accepted: a decision should say exactly what it is.
 */
export function parseOutcome(text: string): ParsedOutcome {
  const normalized = text.trim().toLowerCase().replace(/[\s_]+/g, "-");
  if (normalized === "") return { ok: false, reason: `Name an outcome: ${VALID_LIST}.`, suggestion: null };
  if (isOutcome(normalized)) return { ok: true, outcome: normalized };
  const suggestion = closestOutcome(normalized);
  const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : "";
  return { ok: false, reason: `\`${text.trim()}\` is not an outcome.${hint} Outcomes: ${VALID_LIST}.`, suggestion };
}

/** The outcome the text most likely meant, or null when none or several fit equally. */
export function closestOutcome(text: string): Outcome | null {
  // A fragment of one name only ("warn", "apology") or an abbreviation of
  // each word ("temp-ban") is a clear intent; one that fits several is not.
  if (text.length >= 3) {
    const fitting = OUTCOMES.filter((outcome) => outcome.includes(text) || abbreviates(text, outcome));
    if (fitting.length === 1) return fitting[0] ?? null;
    if (fitting.length > 1) return null;
  }
  // Otherwise a typo: allow about one slip in three letters, at least two.
  const limit = Math.max(2, Math.ceil(text.length * 0.4));
  let best: Outcome | null = null;
  let bestDistance = Infinity;
  let tied = false;
  for (const outcome of OUTCOMES) {
    const distance = editDistance(text, outcome);
    if (distance < bestDistance) [best, bestDistance, tied] = [outcome, distance, false];
    else if (distance === bestDistance) tied = true;
  }
  return bestDistance <= limit && !tied ? best : null;
}

function abbreviates(text: string, outcome: Outcome): boolean {
  const words = text.split("-");
  const outcomeWords = outcome.split("-");
  return words.length === outcomeWords.length && words.every((word, i) => word !== "" && (outcomeWords[i] ?? "").startsWith(word));
}

/** Levenshtein distance: insertions, deletions and substitutions each cost one. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
