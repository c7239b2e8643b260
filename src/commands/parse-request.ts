/**
 * What the comment job asks the parser thread about one comment body, and the
 * function that answers it there: the body's `/coc` commands and, when asked,
 * the body without its command lines, e.g. for
 *
 *     Thanks for the report.
 *     /coc flag https://github.com/o/r/issues/1#issuecomment-2 insults
 *
 * the `flag` command and "Thanks for the report.". The body is parsed once;
 * what remains is parsed again only when a `/coc` survives the line removal
 * (a quoted command, say), to be sure no command is left behind in public.
 */
import { extractCommands, type ParsedCommand } from "./grammar.js";
import { bodyWithoutCommands } from "./strip-commands.js";

export interface ParseRequest {
  body: string;
  /** Also work out the body without its command lines: wanted for a comment's new body, not its previous one. */
  strip: boolean;
}

export interface ParseAnswer {
  commands: ParsedCommand[];
  /** As bodyWithoutCommands returns it; null too when `strip` was not asked for. */
  remainingBody: string | null;
}

/** Messages between the main thread and the parser thread. */
export type ToParserThread = { id: number; request: ParseRequest };
export type FromParserThread = { ready: true } | { id: number; answer: ParseAnswer } | { id: number; failure: string };

export function answerParseRequest(request: ParseRequest): ParseAnswer {
  const commands = extractCommands(request.body);
  return { commands, remainingBody: request.strip ? bodyWithoutCommands(request.body, commands) : null };
}
