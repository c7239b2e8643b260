/**
 * Quotes untrusted text in the Markdown the app posts, so that quoting it is
 * harmless. When a moderator comments `/coc flag` under an abusive comment, the
 * case issue shows that comment, its author and its link: with these helpers
 * the quote pings nobody, links to no issue, loads no image and cannot escape
 * its box, however the original was written.
 *
 * - `fencedEvidence`: multi-line evidence in a fenced code block. GitHub does
 *   not link mentions, references or URLs inside code, and Markdown and HTML do
 *   not render there, so the text is kept exactly as written.
 * - `inlineSafe`: short text (titles, reasons) in running text. It becomes one
 *   line; every ASCII punctuation mark is escaped, so no Markdown or HTML
 *   starts; and a zero-width joiner after `@`, `#`, `GH-`, `:` (before `//`)
 *   and `www` (before `.`) keeps GitHub from finding mentions, references and
 *   URLs in the displayed text. Escapes, unlike a code span, also hold at the
 *   start of a line, in link text and in table cells.
 * - `plainText`: undoes `inlineSafe` for a place that shows text as written,
 *   not as Markdown: an email.
 * - `quietLogin`: a login in inline code, never `@login`.
 * - `quietUrl`: a URL in inline code, so not clickable. GitHub documents one
 *   clickable form without a back-link (`redirect.github.com`), but also
 *   documents that it does not work on GHE.com with data residency, and it is a
 *   host-specific convention that could change; a code span is inert on every
 *   GitHub host by the Markdown rules alone. The committee copies the URL.
 *
 * Output is for Markdown bodies placed at the top level (not indented, not
 * inside a blockquote or an HTML element on the same line). Issue titles are
 * plain text, not Markdown: do not pass them through these helpers.
 */

const ZWJ = "\u200D";
const EMPTY = "_(empty)_";
const DEFAULT_EVIDENCE_MAX = 50_000; // GitHub rejects issue bodies over 65,536 characters.
const DEFAULT_INLINE_MAX = 300;
const LONG_BACKTICK_RUN = 32;
const DEFAULT_URL_MAX = 2_000;
const LOGIN_FALLBACK_MAX = 100;

// Info strings GitHub turns into diagrams, maps, 3D models, math or suggested
// changes: none of them is "plain text", so evidence never gets one.
const RENDERED_INFO = new Set(["mermaid", "geojson", "topojson", "stl", "math", "suggestion"]);
const INFO_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_+.#-]{0,31}$/;
const LOGIN_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}(?:\[bot\])?$/;

// Characters that can reorder how text is displayed ("Trojan Source").
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
// Format characters (zero-width, bidi, BOM…) and fillers that display as nothing.
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u3164\uFFA0]/gu;
const LONE_SURROGATE = /\p{Cs}/gu;
const BLANK_RUN = /[\p{Cc}\p{Z}\s]+/gu;
const MARKDOWN_SIGNIFICANT = /\$+|[!-/:-@[-`{-~]/g;

export interface EvidenceOptions {
  /** Characters (Unicode code points) kept inside the block; the rest is counted in a note. */
  maxChars?: number;
  /** Info string after the opening fence; `text` unless a plain language name is given. */
  info?: string;
}

/** Quote untrusted multi-line text as an inert fenced block. Empty text renders as an explicit "(empty)" marker. `maxChars` truncates with a visible "… (truncated, N more characters)" note placed OUTSIDE the fence. */
export function fencedEvidence(text: string, opts: EvidenceOptions = {}): string {
  const maxChars = checkLimit(opts.maxChars ?? DEFAULT_EVIDENCE_MAX);
  // NUL would be shown as U+FFFD anyway; a lone surrogate cannot be sent as UTF-8.
  const clean = text.replaceAll("\0", "").replace(LONE_SURROGATE, "\uFFFD");
  if (clean === "") return EMPTY;
  const { kept, dropped } = truncate(clean, maxChars);
  // Only a run of at least as many fence characters can close the block, and
  // the content has none that long, so no line of it can end the block early.
  // Backticks as a rule; tildes when the text holds a long run of backticks
  // and fewer tildes, since a body made of backticks would otherwise need a
  // fence as long as itself, twice over.
  const backticks = longestRun(kept, "`");
  const tildes = longestRun(kept, "~");
  const useTildes = backticks >= LONG_BACKTICK_RUN && tildes < backticks;
  const fence = useTildes ? "~".repeat(Math.max(3, tildes + 1)) : "`".repeat(Math.max(3, backticks + 1));
  const body = kept.endsWith("\n") ? kept : `${kept}\n`;
  const parts = [`${fence}${infoString(opts.info)}\n${body}${fence}`];
  if (dropped > 0) parts.push(`… (truncated, ${dropped} more ${dropped === 1 ? "character" : "characters"})`);
  const bidi = kept.match(BIDI_CONTROL)?.length ?? 0;
  if (bidi > 0) {
    // Kept as written (it is evidence), but a reader must know the display may lie.
    parts.push(
      `Note: the quoted text contains ${bidi} text-direction control ${bidi === 1 ? "character" : "characters"} ` +
        "(such as U+202E), so it may display in a different order than it was written.",
    );
  }
  return parts.join("\n\n");
}

/** Untrusted short text shown inline (titles, reasons, logins): single line, inert, length-capped (default 300 chars, with …). */
export function inlineSafe(text: string, opts: { maxChars?: number } = {}): string {
  const maxChars = checkLimit(opts.maxChars ?? DEFAULT_INLINE_MAX);
  const line = singleLine(text);
  if (line === "") return EMPTY;
  return escapeInline(breakAutolinks(cap(line, maxChars)));
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">" };

/**
 * Markdown the app wrote, with the texts in it that `inlineSafe` made inert, as plain text: the
 * escapes and joiners go, so a reason reads as it was written. Code spans keep their backticks,
 * which read as quotes. Only for places that never render Markdown or HTML, such as a plain-text email.
 */
export function plainText(markdown: string): string {
  return markdown.replace(/`(\$+)`|&(?:amp|lt|gt);|\\([!-/:-@[-`{-~])|\u200D/g, (match, dollars?: string, mark?: string) => dollars ?? mark ?? ENTITIES[match] ?? "");
}

/** A login shown without notifying: e.g. `octocat` in inline code — never @octocat. */
export function quietLogin(login: string): string {
  const bare = login.trim().replace(/^@/, "");
  if (LOGIN_PATTERN.test(bare)) return `\`${bare}\``;
  // Not a login (e.g. `owner/repo`): still shown as code when that is safe in a
  // table cell (no `|`) with a one-backtick fence (no backtick).
  const line = cap(singleLine(login), LOGIN_FALLBACK_MAX);
  if (line !== "" && !/[`|]/.test(line)) return `\`${line}\``;
  return inlineSafe(login, { maxChars: LOGIN_FALLBACK_MAX });
}

/** A URL shown as a link that creates no cross-reference: GitHub creates timeline cross-references for issue/PR URLs in comments; render as inline code text instead, i.e. not clickable, OR through a safe form — pick one, justify it in the header comment. */
export function quietUrl(url: string): string {
  const cleaned = url
    .replace(LONE_SURROGATE, "\uFFFD")
    .replace(INVISIBLE, "")
    // Browsers drop tabs and newlines from URLs too, so this does not change where it points.
    .replace(/\p{Cc}/gu, "")
    .trim()
    // Percent-encoding keeps the address and leaves no backtick to end the
    // code span early and no pipe to split a table cell.
    .replace(/[\s\p{Z}]/gu, "%20")
    .replaceAll("`", "%60")
    .replaceAll("|", "%7C");
  if (cleaned === "") return EMPTY;
  return `\`${cap(cleaned, DEFAULT_URL_MAX)}\``;
}

function checkLimit(maxChars: number): number {
  if (!Number.isSafeInteger(maxChars) || maxChars < 1) {
    throw new RangeError(`maxChars must be a positive integer, got ${maxChars}`);
  }
  return maxChars;
}

/** Splits on code points so an emoji is never cut in half. */
function truncate(text: string, maxChars: number): { kept: string; dropped: number } {
  const points = Array.from(text);
  if (points.length <= maxChars) return { kept: text, dropped: 0 };
  return { kept: points.slice(0, maxChars).join(""), dropped: points.length - maxChars };
}

/** At most `maxChars` code points, the ellipsis included. */
function cap(line: string, maxChars: number): string {
  const { kept, dropped } = truncate(line, maxChars);
  if (dropped === 0) return kept;
  return `${Array.from(kept).slice(0, maxChars - 1).join("").trimEnd()}…`;
}

function longestRun(text: string, char: "`" | "~"): number {
  let longest = 0;
  let current = 0;
  for (let i = 0; i < text.length; i++) {
    current = text[i] === char ? current + 1 : 0;
    if (current > longest) longest = current;
  }
  return longest;
}

function infoString(info: string | undefined): string {
  if (info === undefined) return "text";
  if (info === "") return "";
  return INFO_PATTERN.test(info) && !RENDERED_INFO.has(info.toLowerCase()) ? info : "text";
}

/** One line with no invisible or control characters and single spaces. */
function singleLine(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD").replace(INVISIBLE, "").replace(BLANK_RUN, " ").trim();
}

/** A zero-width joiner where GitHub would otherwise see a mention, a reference or a URL. */
function breakAutolinks(line: string): string {
  return line
    .replace(/[@#]/g, `$&${ZWJ}`)
    .replace(/gh-(?=\d)/gi, `$&${ZWJ}`)
    .replace(/:(?=\/\/)/g, `$&${ZWJ}`)
    .replace(/www(?=\.)/gi, `$&${ZWJ}`);
}

function escapeInline(line: string): string {
  return line.replace(MARKDOWN_SIGNIFICANT, (mark) => {
    // GitHub's `$…$` math may ignore a backslash; a code span shows `$` literally.
    if (mark.startsWith("$")) return `\`${mark}\``;
    // Entities rather than backslashes: they also hold if the text lands in HTML.
    if (mark === "&") return "&amp;";
    if (mark === "<") return "&lt;";
    if (mark === ">") return "&gt;";
    return `\\${mark}`;
  });
}
