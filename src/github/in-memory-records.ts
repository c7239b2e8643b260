/**
 * What the in-memory GitHub keeps and records: the writes the app made (in
 * order, for tests to assert on), the issues and comments it holds, and the
 * keys it files repositories, threads and content under, case-insensitive
 * as GitHub's names are.
 */
import type { ContentRef } from "../commands/content-link.js";
import type { InteractionWrite } from "./in-memory-interactions.js";
import type { BlockWrite } from "./in-memory-blocks.js";
import type { CommandLocation, HideClassifier, LockReason, NewIssue, RepoRef } from "./port.js";

export type RecordedWrite =
  | { verb: "hide"; nodeId: string; classifier: HideClassifier }
  | { verb: "hide-many"; nodeIds: string[]; classifier: HideClassifier }
  | { verb: "remove-command"; location: CommandLocation; remainingBody: string | null }
  | { verb: "label"; repo: string; name: string }
  | { verb: "create-issue"; repo: string; number: number; issue: NewIssue }
  | { verb: "comment"; repo: string; issueNumber: number; body: string }
  | { verb: "swap-label"; repo: string; issueNumber: number; label: string }
  | { verb: "close-issue"; repo: string; issueNumber: number; reason: string }
  | { verb: "unhide"; nodeId: string }
  | { verb: "reopen-issue"; repo: string; issueNumber: number }
  | { verb: "lock"; repo: string; issueNumber: number; reason: LockReason | null }
  | { verb: "unlock"; repo: string; issueNumber: number }
  | { verb: "replace-body"; ref: ContentRef; body: string }
  | { verb: "edit-issue"; repo: string; issueNumber: number; body: string }
  | InteractionWrite
  | BlockWrite;

export interface StoredComment {
  author: string;
  body: string;
}

export interface StoredIssue extends NewIssue {
  number: number;
  author: string;
  /** How it was closed, when it was. */
  closed?: "completed" | "not_planned";
  comments: StoredComment[];
}

export const repoKey = (r: RepoRef) => `${r.owner}/${r.repo}`.toLowerCase();

/** `owner/repo#number`: an issue or pull request's conversation. */
export const threadKey = (r: RepoRef, issueNumber: number) => `${repoKey(r)}#${issueNumber}`;

export function contentKeyOf(ref: ContentRef): string {
  const base = repoKey(ref);
  switch (ref.kind) {
    case "issue":
      return `${base}#${ref.number}`;
    case "issue_comment":
      return `${base}:ic${ref.commentId}`;
    case "review_comment":
      return `${base}:rc${ref.commentId}`;
    case "review":
      return `${base}:rv${ref.reviewId}`;
  }
}
