/**
 * Comments a moderator could really write that the Markdown parser finds
 * costly: one `/coc flag` command followed by footnotes, tables or lists up to
 * GitHub's 65,536-character limit, so the parser reads every character. Used
 * by benchmarks (how long a parse takes) and by tests (what the app does while
 * one is parsed).
 */
import { MAX_BODY_CHARS } from "../../src/commands/grammar.js";

export const HEAVY_COMMAND = "/coc flag https://github.com/acme/widgets/issues/7#issuecomment-555 personal attack";

/** The command, a blank line, then `part(0)`, `part(1)`… for as long as the body stays within GitHub's limit. */
function upToLimit(part: (index: number) => string, end = ""): string {
  let body = `${HEAVY_COMMAND}\n\n`;
  for (let index = 0; ; index++) {
    const next = part(index);
    if (body.length + next.length + end.length > MAX_BODY_CHARS) return body + end;
    body += next;
  }
}

const row = (cell: string, columns: number) => `|${`${cell}|`.repeat(columns)}\n`;

/** Each holds HEAVY_COMMAND once, and takes the parser from a few hundred milliseconds to a few seconds. */
export const heavyComments: Record<string, string> = {
  "footnote references": upToLimit(() => "a[^n] ", "\n\n[^n]: the note\n"),
  "footnote definitions": upToLimit((i) => `[^${i}]: note\n`),
  "table rows": upToLimit((i) => (i === 0 ? "| a | b |\n| - | - |\n" : "| c | d |\n")),
  "wide table": upToLimit((i) => (i === 0 ? row("a", 1_000) + row("-", 1_000) : row("b", 1_000))),
  "list items": upToLimit(() => "- a\n"),
  "lists nested by indentation": upToLimit((i) => `${" ".repeat(2 * (i % 250))}- a\n`),
};

/**
 * A long list written as 64 KiB of list items, each a line of prose: heavy
 * enough that a parse takes a noticeable time, light enough to stay far inside
 * the parse bound on a busy machine.
 */
export const longListComment = upToLimit((i) => `- item ${i}: the minutes of the meeting, with the decisions taken\n`);

/**
 * Fifty nested list items, then 64 KiB of lines that continue the innermost
 * one. Within the grammar's nesting limit, yet the parser needs tens of
 * seconds for it: only the parse bound stops it.
 */
export const pathologicalComment = upToLimit((i) => (i === 0 ? `${"- ".repeat(50)}a\n` : "a\n"));
