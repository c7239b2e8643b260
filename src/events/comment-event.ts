/**
 * A comment that may hold `/coc` commands, as the app sees it whatever webhook
 * carried it (issue comment, review comment, review). Stored as a job payload,
 * so it stays plain JSON; it is parsed only after its author is authorized.
 */
import type { CommandLocation, RepoRef } from "../github/port.js";

export interface CommentEvent {
  deliveryId: string;
  installationId: number;
  repo: RepoRef;
  /** Whether the thread is in a private repository: only there may a reply say more than what to fix. */
  repoIsPrivate: boolean;
  issueNumber: number;
  isPullRequest: boolean;
  sender: string;
  /** Where the comment was written, to remove commands from it afterwards. */
  location: CommandLocation;
  locationUrl: string;
  body: string;
  /** The body before an edit; null for a new comment. Only commands new in the edit run. */
  previousBody: string | null;
}
