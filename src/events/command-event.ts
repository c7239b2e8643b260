/**
 * One `/coc` command as the app sees it, whatever webhook carried it: where it
 * was written, by whom, and its parsed words. Stored as the job payload, so it
 * must stay plain JSON.
 */
import type { ParsedCommand } from "../commands/grammar.js";
import type { CommandLocation, RepoRef } from "../github/port.js";

export interface CommandEvent {
  deliveryId: string;
  /** Position of this command in its comment, so two commands in one comment stay distinct. */
  commandIndex: number;
  installationId: number;
  repo: RepoRef;
  issueNumber: number;
  isPullRequest: boolean;
  sender: string;
  /** Where the command was written, to remove it afterwards. */
  location: CommandLocation;
  locationUrl: string;
  /** The comment's body without any `/coc` command lines, or null when nothing else remains. */
  remainingBody: string | null;
  command: ParsedCommand;
}

export function commandKey(event: Pick<CommandEvent, "deliveryId" | "commandIndex">): string {
  return `${event.deliveryId}:${event.commandIndex}`;
}
