/**
 * Everything the comment job needs from a comment's text, in one call: the
 * `/coc` commands to run (for an edited comment, only those the edit added)
 * and the body without its command lines. For
 *
 *     Thanks for the report.
 *     /coc flag https://github.com/o/r/issues/1#issuecomment-2 insults
 *
 * that is the `flag` command and "Thanks for the report.". Parsing happens on
 * the parser thread, once for the new body and at most once for the previous
 * one, so a comment that is slow to parse never holds up the app; a comment
 * that cannot be read within the parser's bounds runs no command at all (and
 * the job removes it, since a command in it cannot be left public).
 */
import type { Logger } from "probot";
import { BoundedParser, type ParseOutcome } from "./bounded-parser.js";
import { addedCommands, mayHoldCommand, type ParsedCommand } from "./grammar.js";
import type { ParseRequest } from "./parse-request.js";
import { bodyWithoutCommands } from "./strip-commands.js";

export interface CommentReading {
  commands: ParsedCommand[];
  /**
   * The body without its command lines; null when nothing else remains, when
   * a command would survive, or when the comment could not be read.
   */
  remainingBody: string | null;
  /** The comment could not be read within the parser's bounds: whatever `/coc` it holds must not stay public. */
  unreadable: boolean;
}

export interface CommentParser {
  parse(request: ParseRequest): Promise<ParseOutcome>;
}

let shared: BoundedParser | undefined;

// One thread for the whole process: only moderators' comments holding `/coc` are parsed, and most take a millisecond.
function sharedParser(): BoundedParser {
  return (shared ??= new BoundedParser());
}

export async function readComment(
  comment: { body: string; previousBody: string | null },
  log: Logger,
  parser: CommentParser = sharedParser(),
): Promise<CommentReading> {
  // A body without `/coc` has no command, and nothing in it needs parsing to be kept.
  if (!mayHoldCommand(comment.body)) return { commands: [], remainingBody: bodyWithoutCommands(comment.body, []), unreadable: false };

  const current = await parser.parse({ body: comment.body, strip: true });
  if (!current.ok) return unread(log, current.reason, "new body");
  const { commands, remainingBody } = current;
  const previous = comment.previousBody;
  if (previous === null || commands.length === 0 || !mayHoldCommand(previous)) return { commands, remainingBody, unreadable: false };

  const earlier = await parser.parse({ body: previous, strip: false });
  // Without the previous commands, the edit's old commands could run again: run none.
  if (!earlier.ok) return unread(log, earlier.reason, "previous body");
  return { commands: addedCommands(earlier.commands, commands), remainingBody, unreadable: false };
}

function unread(log: Logger, reason: string, which: "new body" | "previous body"): CommentReading {
  // Never the body itself: it may carry a report's reason or the words reported.
  log.warn({ reason, which }, "comment not parsed within the parser's bounds: no command runs, and the comment is removed");
  return { commands: [], remainingBody: null, unreadable: true };
}
