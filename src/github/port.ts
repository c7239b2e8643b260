/**
 * The GitHub port: the only verbs the rest of the app may use on GitHub. Writes
 * are idempotent "ensure" verbs so a retried action does no harm. The Octokit
 * adapter implements them for real; the in-memory fake backs most tests.
 * Handlers declare the slice they use (`Pick<GitHubPort, "ensureHidden">`) so
 * their effects are obvious from the signature.
 */
import type { ContentRef } from "../commands/content-link.js";

export type RepoPermission = "admin" | "maintain" | "write" | "triage" | "read" | "none";

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface RepositoryInfo extends RepoRef {
  /** True only for private repositories: an enterprise's `internal` repositories are readable by all its members. */
  private: boolean;
}

/** One earlier version of a body, as GitHub's userContentEdits exposes it. */
export interface ContentEdit {
  editedAt: string;
  editor: string | null;
  diff: string | null;
}

/** What the app snapshots as evidence. */
export interface ContentSnapshot {
  ref: ContentRef;
  nodeId: string;
  url: string;
  authorLogin: string;
  /** Title of a flagged issue or pull request; null for comments and reviews. */
  title: string | null;
  body: string;
  createdAt: string;
  /** When the body was last edited, or null when it never was. */
  editedAt: string | null;
  editHistory: ContentEdit[];
  /** Issue and PR bodies cannot be minimized; comments and reviews can. */
  hideable: boolean;
  isMinimized: boolean;
}

export type HideClassifier = "ABUSE" | "SPAM" | "OFF_TOPIC" | "OUTDATED" | "DUPLICATE" | "RESOLVED";

/** Where a `/coc` command was written, so it can be removed afterwards. */
export type CommandLocation =
  | { kind: "issue_comment"; owner: string; repo: string; commentId: number }
  | { kind: "review_comment"; owner: string; repo: string; commentId: number }
  | { kind: "review"; owner: string; repo: string; nodeId: string };

export interface LabelSpec {
  name: string;
  color: string;
  description: string;
}

export interface NewIssue {
  title: string;
  body: string;
  labels: string[];
}

export interface GitHubPort {
  /** `.github/<fileName>` from the repository, else the owner's `.github` repository (`_extends` followed); null when neither has it. */
  readConfig(repo: RepoRef, fileName: string): Promise<unknown>;
  getRepository(repo: RepoRef): Promise<RepositoryInfo | null>;
  getPermission(repo: RepoRef, login: string): Promise<RepoPermission>;
  isTeamMember(org: string, teamSlug: string, login: string): Promise<boolean>;
  /** Null when the content does not exist or the app cannot see it. */
  fetchContent(ref: ContentRef): Promise<ContentSnapshot | null>;
  ensureHidden(nodeId: string, classifier: HideClassifier): Promise<void>;
  /** Deletes the command's comment, or rewrites it when other text remains (`remainingBody`). Gone already counts as done. */
  ensureCommandRemoved(location: CommandLocation, remainingBody: string | null): Promise<void>;
  ensureLabel(repo: RepoRef, label: LabelSpec): Promise<void>;
  /** Finds an issue whose body carries `marker`; makes creating a case issue idempotent. */
  findIssueByMarker(repo: RepoRef, marker: string, label: string): Promise<number | null>;
  createIssue(repo: RepoRef, issue: NewIssue): Promise<number>;
  /** Whether the issue already has a comment carrying `marker`; makes posting to a case file idempotent. */
  hasCommentWithMarker(repo: RepoRef, issueNumber: number, marker: string): Promise<boolean>;
  createComment(repo: RepoRef, issueNumber: number, body: string): Promise<void>;
}

/** Resolves the port for whichever installation can act on a repository. */
export interface GitHubGateway {
  forRepository(repo: RepoRef): Promise<GitHubPort>;
}
