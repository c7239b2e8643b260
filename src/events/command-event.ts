/**
 * One `/coc` command found in a comment: the comment's context, the command's
 * parsed words and its position, which keeps two commands in one comment apart.
 */
import type { ParsedCommand } from "../commands/grammar.js";
import type { RepoRef } from "../github/port.js";
import type { CommentEvent } from "./comment-event.js";

/**
 * Where an answer to the command goes. Only a thread of the cases repository
 * itself may hold one: anywhere else (a private repository included) the person
 * reported may read it, and even "your command did not run" tells them someone
 * tried to report them, and by whom. There, the moderator is told on the cases
 * repository's notice board, or, when no cases repository is known (the owner's
 * file is invalid), only the log hears of it.
 */
export type ReplyRoute = { kind: "thread" } | { kind: "notice-board"; casesRepo: RepoRef } | { kind: "log-only" };

export interface CommandEvent extends Omit<CommentEvent, "body" | "previousBody"> {
  /** Position of this command in its comment. */
  commandIndex: number;
  /**
   * The comment's body without any `/coc` command lines, or null when the whole comment must go:
   * nothing else remains, or the thread is outside the cases repository (GitHub shows an edited
   * comment's history to everyone who can read the thread).
   */
  remainingBody: string | null;
  replyRoute: ReplyRoute;
  /** Written in a case issue: the command stays there as the committee's record, even when refused. */
  keepCommand?: boolean;
  command: ParsedCommand;
}

/** Identifies one command across retries and redeliveries. */
export function commandKey(event: Pick<CommandEvent, "deliveryId" | "commandIndex">): string {
  return `${event.deliveryId}:${event.commandIndex}`;
}
