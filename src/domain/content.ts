/**
 * What the app's core knows of content on GitHub: where a piece of content
 * is (an issue or pull request body, a comment, a review), the evidence
 * snapshot it keeps of it, and where a `/coc` command was written. Pure
 * modules use these without knowing anything of GitHub's API.
 */
export type ContentRef =
  /** The opening post of an issue or pull request. */
  | { kind: "issue"; owner: string; repo: string; number: number }
  | { kind: "issue_comment"; owner: string; repo: string; number: number; commentId: number }
  /** A comment on a line of a pull request's diff. */
  | { kind: "review_comment"; owner: string; repo: string; number: number; commentId: number }
  /** The summary text of a pull request review. */
  | { kind: "review"; owner: string; repo: string; number: number; reviewId: number };

/** One earlier version of a body, as GitHub's userContentEdits exposes it. */
export interface ContentEdit {
  editedAt: string;
  editor: string | null;
  diff: string | null;
}

export interface EditHistory {
  editedAt: string | null;
  edits: ContentEdit[];
}

/** What the app snapshots as evidence. */
export interface ContentSnapshot {
  ref: ContentRef;
  nodeId: string;
  url: string;
  authorLogin: string;
  /** The author's account id, which a rename does not change; null when GitHub shows no account ("ghost"). */
  authorId: number | null;
  /** Title of a flagged issue or pull request; null for comments and reviews. */
  title: string | null;
  body: string;
  createdAt: string;
  /** When the body was last edited, or null when it never was or is not known yet. */
  editedAt: string | null;
  /**
   * Earlier versions of the body, or null when they are still to be read (`fetchEditHistory`):
   * reading them costs a GraphQL request, so it happens after the content is hidden, not before.
   * An empty list means GitHub showed the content was never edited.
   */
  editHistory: ContentEdit[] | null;
  /** Issue and PR bodies cannot be minimized; comments and reviews can. */
  hideable: boolean;
  isMinimized: boolean;
}

/** Where a `/coc` command was written, so it can be removed afterwards. */
export type CommandLocation =
  | { kind: "issue_comment"; owner: string; repo: string; commentId: number }
  | { kind: "review_comment"; owner: string; repo: string; commentId: number }
  | { kind: "review"; owner: string; repo: string; nodeId: string };
