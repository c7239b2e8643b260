/**
 * Finds the `/coc` commands a maintainer wrote in a comment, the way a reader
 * sees them on GitHub. A comment like
 *
 *     Thanks for the report.
 *     /coc flag https://github.com/o/r/issues/1#issuecomment-2 insults
 *
 *     > /coc flag   (quoted from someone else: not a command)
 *
 * yields one command, `flag`, with the link and `insults` as arguments.
 * Quotes, code (fenced, indented, inline), link text, HTML and footnotes never
 * hold commands, so quoting, documenting or discussing a command does not run it.
 * On an edited comment, `newCommands` returns only the commands that were added.
 */
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import type { Nodes, Paragraph, Root } from "mdast";

export interface ParsedCommand {
  /** Lower-cased first word after `/coc`; "" when `/coc` stands alone. */
  name: string;
  /** The remaining whitespace-separated tokens, exactly as typed. */
  args: string[];
  /** The raw text after the name, trimmed. */
  rest: string;
  /** The whole command line as typed, trimmed. */
  line: string;
}

/** GitHub refuses comment bodies longer than this, so nothing real is cut. */
export const MAX_BODY_CHARS = 65_536;
/** More commands than this in one comment are ignored rather than run. */
export const MAX_COMMANDS = 10;
/** A line opening more quotes, lists or footnotes than this is not a command's comment. */
export const MAX_NESTING = 100;

// Emphasis and strikethrough never hide text or move line starts, so the
// parser skips them: they also hold micromark's worst cases (a 64 KiB run of
// `*_` takes over a minute with emphasis on, milliseconds with it off).
const IRRELEVANT_CONSTRUCTS = ["attention", "strikethrough"];
const PARSE_OPTIONS = {
  extensions: [gfm(), { disable: { null: IRRELEVANT_CONSTRUCTS } }],
  mdastExtensions: [gfmFromMarkdown()],
};

// Containers whose paragraphs are not the author's own running text.
const SKIPPED_CONTAINERS = new Set(["blockquote", "footnoteDefinition"]);

// `\s` is Unicode-aware in JavaScript: no-break and other wide spaces count.
const MAY_HOLD_COMMAND = /\/coc(?=\s|$)/i;
const COMMAND_START = /\/coc(?=\s|$)/iy;
const INLINE_SPACE = /[^\S\r\n]*/y;
const LINE_BREAK = /[\r\n]/g;
// One container opened at the start of a line: quote, list item or footnote.
const CONTAINER_MARKER = /[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])|\[\^[^\]\s]*\]:)/y;

/** A cheap test that lets almost every comment skip parsing: could this body hold a command at all? */
export function mayHoldCommand(body: string): boolean {
  return MAY_HOLD_COMMAND.test(body);
}

export function extractCommands(body: string): ParsedCommand[] {
  const source = bounded(body);
  // Most comments hold no command: skip the markdown parse for them.
  if (!MAY_HOLD_COMMAND.test(source)) return [];
  // Parse time grows with the square of nesting depth (30,000 nested quotes
  // take tens of seconds) and deep nesting overflows the stack: refuse early.
  if (nestsTooDeep(source)) return [];

  let tree: Root;
  try {
    tree = fromMarkdown(source, PARSE_OPTIONS);
  } catch {
    // Only pathological input gets here (the parser's stack overflowed);
    // such a body has no trustworthy command.
    return [];
  }

  const commands: ParsedCommand[] = [];
  for (const paragraph of ownParagraphs(tree)) {
    for (const command of commandsIn(paragraph, source)) {
      commands.push(command);
      if (commands.length >= MAX_COMMANDS) return commands;
    }
  }
  return commands;
}

/**
 * Commands in `after` that were not in `before`, so that editing a comment
 * (to fix a typo in the reason, say) does not run its old commands again.
 * Lines are compared after normalizing case of `/coc` and the name and runs of
 * whitespace, as a multiset: one `/coc flag` before and two after is one new.
 */
export function newCommands(before: string | null | undefined, after: string): ParsedCommand[] {
  return addedCommands(extractCommands(before ?? ""), extractCommands(after));
}

/** The comparison behind `newCommands`, for callers that have already parsed both bodies. */
export function addedCommands(before: ParsedCommand[], after: ParsedCommand[]): ParsedCommand[] {
  const earlier = new Map<string, number>();
  for (const command of before) {
    const key = normalized(command);
    earlier.set(key, (earlier.get(key) ?? 0) + 1);
  }
  return after.filter((command) => {
    const key = normalized(command);
    const count = earlier.get(key) ?? 0;
    if (count === 0) return true;
    earlier.set(key, count - 1);
    return false;
  });
}

function normalized(command: ParsedCommand): string {
  return ["/coc", command.name, ...command.args].join(" ");
}

function bounded(body: string): string {
  // A leading byte-order mark shifts micromark's offsets by one; drop it.
  const text = body.startsWith("\uFEFF") ? body.slice(1) : body;
  if (text.length <= MAX_BODY_CHARS) return text;
  // Cut at a line ending so a command is never read with half its arguments.
  const cut = text.slice(0, MAX_BODY_CHARS);
  const lastBreak = Math.max(cut.lastIndexOf("\n"), cut.lastIndexOf("\r"));
  return lastBreak >= 0 ? cut.slice(0, lastBreak) : "";
}

function nestsTooDeep(source: string): boolean {
  for (let lineStart = 0; lineStart < source.length; ) {
    CONTAINER_MARKER.lastIndex = lineStart;
    let depth = 0;
    while (CONTAINER_MARKER.test(source)) {
      if (++depth > MAX_NESTING) return true;
    }
    const next = lineBreakFrom(source, lineStart);
    if (next < 0) break;
    lineStart = next + 1;
  }
  return false;
}

/** Paragraphs in document order, leaving out those in quotes and footnotes. */
function* ownParagraphs(tree: Root): Generator<Paragraph> {
  // An explicit stack: deeply nested lists must not overflow the call stack.
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "paragraph") {
      yield node;
      continue;
    }
    if (SKIPPED_CONTAINERS.has(node.type) || !("children" in node)) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

/** Commands on the lines of one paragraph, read from the source as typed. */
function* commandsIn(paragraph: Paragraph, source: string): Generator<ParsedCommand> {
  const start = paragraph.position?.start.offset;
  const end = paragraph.position?.end.offset;
  if (start === undefined || end === undefined) return;

  for (const lineStart of lineStarts(source, start, end)) {
    INLINE_SPACE.lastIndex = lineStart;
    INLINE_SPACE.test(source);
    const commandStart = INLINE_SPACE.lastIndex;
    COMMAND_START.lastIndex = commandStart;
    if (!COMMAND_START.test(source)) continue;
    // The line must begin in plain text: inline code, links and inline HTML
    // can span lines, and a `/coc` inside them is quoted, not commanded.
    if (!startsInPlainText(paragraph, commandStart)) continue;
    const text = source.slice(commandStart, lineEnd(paragraph, source, commandStart, end));
    yield toCommand(text);
  }
}

function* lineStarts(source: string, start: number, end: number): Generator<number> {
  yield start;
  for (let i = start; i < end; i++) {
    const char = source[i];
    if (char === "\n" || (char === "\r" && source[i + 1] !== "\n")) yield i + 1;
  }
}

function startsInPlainText(paragraph: Paragraph, offset: number): boolean {
  return paragraph.children.some(
    (child) =>
      child.type === "text" &&
      child.position !== undefined &&
      child.position.start.offset !== undefined &&
      child.position.end.offset !== undefined &&
      child.position.start.offset <= offset &&
      offset < child.position.end.offset,
  );
}

/** Where the command's line ends: a line ending, a hard break or the paragraph end. */
function lineEnd(paragraph: Paragraph, source: string, from: number, paragraphEnd: number): number {
  const newline = lineBreakFrom(source, from);
  let end = newline >= 0 && newline < paragraphEnd ? newline : paragraphEnd;
  for (const child of paragraph.children) {
    const breakAt = child.type === "break" ? child.position?.start.offset : undefined;
    // A backslash hard break belongs to the markup, not to the last argument.
    if (breakAt !== undefined && breakAt >= from && breakAt < end) end = breakAt;
  }
  return end;
}

/** Index of the next line ending at or after `from`, or -1. */
function lineBreakFrom(source: string, from: number): number {
  LINE_BREAK.lastIndex = from;
  return LINE_BREAK.exec(source)?.index ?? -1;
}

function toCommand(text: string): ParsedCommand {
  const line = text.trim();
  const afterPrefix = line.slice("/coc".length);
  const [first = "", ...args] = afterPrefix.split(/\s+/).filter((token) => token !== "");
  const rest = afterPrefix.trimStart().slice(first.length).trim();
  return { name: first.toLowerCase(), args, rest, line };
}
