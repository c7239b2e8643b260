/**
 * Fits a case file into GitHub's size limit. GitHub refuses an issue or
 * comment body longer than 65,536 characters (422), so a case file is measured
 * whole, as it will be sent, fences and edit history included, and what does
 * not fit continues in follow-up comments. Evidence too long for one message
 * is cut into several fenced blocks; nothing is dropped on the way.
 */
import { fencedEvidence } from "./safe-markdown.js";

/** GitHub's limit on an issue or comment body. */
export const GITHUB_BODY_LIMIT = 65_536;

/**
 * Measured in UTF-16 code units, which is never fewer than the characters
 * GitHub counts; the margin leaves room for the continuation notes.
 */
export const MESSAGE_BUDGET = GITHUB_BODY_LIMIT - 536;

export type Block =
  /** Markup the app writes; kept whole. */
  | { kind: "text"; text: string }
  /** Untrusted text, quoted inertly, split across messages when needed. */
  | { kind: "evidence"; text: string; maxChars?: number };

export interface PackOptions {
  /** The first lines of message `index` (0 is the issue body): its marker and a title. */
  head(index: number): string;
  budget?: number;
  /** Room kept free in the first message, for a part of it that grows later (a case issue's status block). */
  firstReserve?: number;
}

// Below this much room, evidence starts in a new message rather than as a sliver.
const MIN_EVIDENCE_ROOM = 2_000;
const CONTINUED = "_(continued in the next comment)_";
// A cut inside a line says so: a fenced block cannot show whether its text ended with a line break.
const CONTINUED_MID_LINE = "_(continued in the next comment, on the same line)_";
const SEPARATOR = "\n";
const WHOLE = Number.MAX_SAFE_INTEGER;

export function packMessages(blocks: Block[], options: PackOptions): string[] {
  const budget = options.budget ?? MESSAGE_BUDGET;
  const messages: string[] = [];
  let current = options.head(0);
  const reserve = () => (messages.length === 0 ? (options.firstReserve ?? 0) : 0);
  const room = () => budget - reserve() - current.length - SEPARATOR.length - (SEPARATOR.length + CONTINUED_MID_LINE.length);
  const append = (text: string) => (current = `${current}${SEPARATOR}${text}`);
  const flush = (note = CONTINUED) => {
    messages.push(`${current}${SEPARATOR}${note}`);
    current = options.head(messages.length);
  };

  for (const block of blocks) {
    if (block.kind === "text") {
      if (block.text.length > room()) flush();
      append(block.text);
      continue;
    }
    // Without its own cap, evidence is kept whole: fencedEvidence's default cap would drop text.
    const whole = fencedEvidence(block.text, { maxChars: block.maxChars ?? WHOLE });
    if (whole.length <= room()) {
      append(whole);
      continue;
    }
    // Too long for what is left: cut the text (after its own truncation) into pieces that fit.
    let rest = block.maxChars ? Array.from(block.text).slice(0, block.maxChars).join("") : block.text;
    const dropped = block.maxChars ? Array.from(block.text).length - Array.from(rest).length : 0;
    while (rest !== "") {
      if (room() < MIN_EVIDENCE_ROOM) flush();
      const cut = longestFittingPrefix(rest, room());
      const piece = rest.slice(0, cut);
      append(fencedEvidence(piece, { maxChars: WHOLE }));
      rest = rest.slice(cut);
      if (rest !== "") flush(piece.endsWith("\n") ? CONTINUED : CONTINUED_MID_LINE);
    }
    if (dropped > 0) append(`… (truncated, ${dropped} more ${dropped === 1 ? "character" : "characters"})`);
  }
  messages.push(current);
  return messages;
}

/** How many code units of `text` can be quoted in `room`, cut at a line end where one is near. */
function longestFittingPrefix(text: string, room: number): number {
  const fits = (n: number) => fencedEvidence(text.slice(0, n), { maxChars: WHOLE }).length <= room;
  if (fits(text.length)) return text.length;
  // The fence and notes grow with the text, never shrink: binary search for the longest that fits.
  let low = 1;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  let cut = low;
  // Never split a surrogate pair: half a character cannot be sent.
  if (isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1;
  // Prefer a line end in the last tenth, so a line is not cut in two when it need not be.
  const lineEnd = text.lastIndexOf("\n", cut - 1);
  if (lineEnd >= Math.floor(cut * 0.9)) cut = lineEnd + 1;
  return Math.max(cut, 1);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
