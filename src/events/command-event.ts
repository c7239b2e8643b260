/**
 * One `/coc` command found in a comment: the comment's context, the command's
 * parsed words and its position, which keeps two commands in one comment apart.
 */
import type { ParsedCommand } from "../commands/grammar.js";
import type { CommentEvent } from "./comment-event.js";

export interface CommandEvent extends Omit<CommentEvent, "body" | "previousBody"> {
  /** Position of this command in its comment. */
  commandIndex: number;
  /** The comment's body without any `/coc` command lines, or null when nothing else remains. */
  remainingBody: string | null;
  command: ParsedCommand;
}

/** Identifies one command across retries and redeliveries. */
export function commandKey(event: Pick<CommandEvent, "deliveryId" | "commandIndex">): string {
  return `${event.deliveryId}:${event.commandIndex}`;
}
