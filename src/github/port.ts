/**
 * The GitHub port: the only verbs the rest of the app may use on GitHub. Writes
 * are idempotent "ensure" verbs so a retried action does no harm. The Octokit
 * adapter implements them for real; the in-memory fake backs most tests.
 * Handlers declare the slice they use (`Pick<GitHubPort, "ensureHidden">`) so
 * their effects are obvious from the signature.
 */
import type { ContentRef, ContentSnapshot, CommandLocation, EditHistory } from "../domain/content.js";
import type { HideClassifier, InteractionPlace, LockReason } from "../domain/moderation.js";
import type { RepoRef } from "../domain/repository.js";
import type { CooldownExpiry, InteractionLimit } from "../cases/sanction-terms.js";

// The domain's own types, named here too for the adapters that implement the port.
export type { RepoRef } from "../domain/repository.js";
export type { CommandLocation, ContentEdit, ContentRef, ContentSnapshot, EditHistory } from "../domain/content.js";
export type { HideClassifier, InteractionPlace, LockReason } from "../domain/moderation.js";

export type RepoPermission = "admin" | "maintain" | "write" | "triage" | "read" | "none";

export interface AccountPermission {
  permission: RepoPermission;
  accountId: number;
}

/**
 * `owner` and `repo` name the repository GitHub answered for: asked under the old name of a
 * renamed or transferred repository, GitHub follows its redirect and answers for where it is now.
 */
export interface RepositoryInfo extends RepoRef {
  /** True only for private repositories: an enterprise's `internal` repositories are readable by all its members. */
  private: boolean;
}

/** The state of an issue or pull request's conversation that the committee's acts change. */
export interface ThreadState {
  locked: boolean;
  closed: boolean;
}

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

export interface InteractionLimitState {
  limit: InteractionLimit;
  /** Where the limit in force was set: a repository's own, or its organization's (or user's), which overrides it. */
  origin: "repository" | "organization" | "user";
  expiresAt: Date;
}

/**
 * Why GitHub will not change an interaction limit: the app lacks the optional permission, a limit set for the whole
 * account overrides the repository's (409), or the account is a person's, whose account-wide limit only they can set.
 */
export type InteractionRefusal = "no-permission" | "higher-limit" | "not-an-organization";

export type InteractionAnswer<T> = { ok: true; value: T } | { ok: false; refusal: InteractionRefusal };

/**
 * Why GitHub will not block or unblock: the app lacks the optional `organization_user_blocking` permission, the
 * account is a person's (only organizations block through the API), or GitHub refuses this person (a member, say).
 */
export type BlockRefusal = "no-permission" | "not-an-organization" | "cannot-block";

export type BlockAnswer<T> = { ok: true; value: T } | { ok: false; refusal: BlockRefusal; message: string };

/** A comment, review or review comment someone wrote, as a raid sweep finds it. */
export interface AuthoredContent {
  nodeId: string;
  url: string;
  kind: "issue_comment" | "review" | "review_comment";
  createdAt: Date;
}

export interface GitHubPort {
  /**
   * `.github/<fileName>` in the owner's `.github` repository, `_extends` followed: the only file
   * trusted with settings that grant power or route confidential data. Null when it does not exist.
   */
  readOwnerConfig(owner: string, fileName: string): Promise<unknown>;
  /**
   * `.github/<fileName>` in the repository itself, parsed as YAML, `_extends` NOT followed and no
   * fallback to the owner's file: it may only narrow what applies to that repository. Null when absent.
   */
  readRepoConfig(repo: RepoRef, fileName: string): Promise<unknown>;
  getRepository(repo: RepoRef): Promise<RepositoryInfo | null>;
  getPermission(repo: RepoRef, login: string): Promise<RepoPermission>;
  /**
   * A person's permission together with the account GitHub answered for, to tell a
   * renamed or reused login apart; null when no account has that login now.
   */
  getAccountPermission(repo: RepoRef, login: string): Promise<AccountPermission | null>;
  /** The login an account has now; null when the account no longer exists. */
  loginOfAccount(accountId: number): Promise<string | null>;
  /**
   * The email address a person shows on their public GitHub profile; null when they show none
   * or no account has the login. Never cached: it is personal data, kept out of the database.
   */
  getPublicEmail(login: string): Promise<string | null>;
  isTeamMember(org: string, teamSlug: string, login: string): Promise<boolean>;
  /** Logins of the team's members (child teams' members included, as GitHub lists them); empty when the team does not exist. */
  listTeamMembers(org: string, teamSlug: string): Promise<string[]>;
  /** Null when the content does not exist or the app cannot see it. One REST read. */
  fetchContent(ref: ContentRef): Promise<ContentSnapshot | null>;
  /** The edit history of content read with `fetchContent`; null when it no longer exists. */
  fetchEditHistory(nodeId: string): Promise<EditHistory | null>;
  /**
   * Whether a comment or review is minimized now, by anyone: `fetchContent`'s REST read cannot tell.
   * False for an issue or pull request body; null when the content no longer exists. One GraphQL read.
   */
  fetchMinimized(nodeId: string): Promise<boolean | null>;
  /** Whether the issue or pull request is locked, and closed; null when it does not exist or the app cannot see it. One REST read. */
  fetchThread(repo: RepoRef, issueNumber: number): Promise<ThreadState | null>;
  ensureHidden(nodeId: string, classifier: HideClassifier): Promise<void>;
  /** Shows minimized content again; content that is gone counts as done. */
  ensureUnhidden(nodeId: string): Promise<void>;
  /** Locks the issue or pull request's conversation, with GitHub's reason; locked already counts as done. */
  ensureThreadLocked(repo: RepoRef, issueNumber: number, reason: LockReason | null): Promise<void>;
  /** Unlocks it; unlocked already counts as done. */
  ensureThreadUnlocked(repo: RepoRef, issueNumber: number): Promise<void>;
  /** Replaces the text of an issue or pull request, or of a comment (a review's own text cannot be edited by the app). */
  replaceContentBody(ref: ContentRef, body: string): Promise<void>;
  /** Deletes the command's comment, or rewrites it when other text remains (`remainingBody`). Gone already counts as done. */
  ensureCommandRemoved(location: CommandLocation, remainingBody: string | null): Promise<void>;
  ensureLabel(repo: RepoRef, label: LabelSpec): Promise<void>;
  /**
   * Puts `label` on the issue and takes off those of `replaced` it carries (the other state
   * labels); labels people added by hand stay. The label must exist (`ensureLabel`).
   */
  swapIssueLabel(repo: RepoRef, issueNumber: number, label: string, replaced: string[]): Promise<void>;
  /**
   * The app's own issue whose body starts with `marker`, or null. Only issues the app itself
   * opened count, and only a marker at the very start of the body, where no quoted text can
   * be: a marker someone wrote into evidence, or an issue someone else opened, is never taken
   * for the app's. Used after a create whose answer was lost, to not create twice.
   */
  findOwnIssue(repo: RepoRef, marker: string, label: string): Promise<number | null>;
  /** Sent once: a create whose answer is lost is not resent blindly; the action checks with `findOwnIssue` first. */
  createIssue(repo: RepoRef, issue: NewIssue, options?: SendOptions): Promise<number>;
  /** Whether the app itself wrote a comment on the issue whose body starts with `marker` (same rule as `findOwnIssue`). */
  hasOwnComment(repo: RepoRef, issueNumber: number, marker: string): Promise<boolean>;
  /** Closes the issue with GitHub's reason (`completed`); closed already counts as done. */
  ensureIssueClosed(repo: RepoRef, issueNumber: number, reason: "completed" | "not_planned"): Promise<void>;
  /** Reopens the issue or pull request; open already counts as done. */
  ensureIssueReopened(repo: RepoRef, issueNumber: number): Promise<void>;
  /**
   * Reads an issue's body and writes back what `rewrite` makes of it (the app's status block in its
   * own case issue); nothing is written when `rewrite` answers null or the same text.
   */
  rewriteIssueBody(repo: RepoRef, issueNumber: number, rewrite: (body: string) => string | null): Promise<void>;
  /** The interaction limit in force at the place; null when there is none. */
  getInteractionLimit(place: InteractionPlace): Promise<InteractionAnswer<InteractionLimitState | null>>;
  /** Sets the limit for GitHub's fixed length, replacing one in force there; answers when it ends. */
  setInteractionLimit(place: InteractionPlace, limit: InteractionLimit, expiry: CooldownExpiry): Promise<InteractionAnswer<{ expiresAt: Date }>>;
  /** Removes the limit set at the place; none there counts as done. */
  removeInteractionLimit(place: InteractionPlace): Promise<InteractionAnswer<null>>;
  /**
   * The comments, reviews and review comments the person wrote in the account's repositories since `since` that are
   * not hidden yet, found through search. GraphQL reads, unpaced.
   */
  findAuthoredContent(account: string, login: string, since: Date): Promise<AuthoredContent[]>;
  /** Hides many comments, reviews and review comments in few requests; answers which were hidden and which are gone. */
  hideMany(nodeIds: string[], classifier: HideClassifier): Promise<{ hidden: string[]; gone: string[] }>;
  /** Pins the issue in its repository; false when GitHub will not (three are pinned already). */
  pinIssue(repo: RepoRef, issueNumber: number): Promise<boolean>;
  /** Blocks the person in the organization; already blocked counts as done (`already`). */
  blockUser(org: string, login: string): Promise<BlockAnswer<{ already: boolean }>>;
  /** Unblocks the person; not blocked counts as done. */
  unblockUser(org: string, login: string): Promise<BlockAnswer<null>>;
  /** Logins the organization blocks now. */
  listBlockedUsers(org: string): Promise<BlockAnswer<string[]>>;
  /** Sent once, like `createIssue`. */
  createComment(repo: RepoRef, issueNumber: number, body: string, options?: SendOptions): Promise<void>;
}

export interface SendOptions {
  /**
   * Aborted when the job that sends the create timed out. A create still waiting
   * for its turn (GitHub's pacing of writes) is then never sent: the job's retry
   * looks for it and creates it itself, and two sends would make two issues.
   */
  signal?: AbortSignal;
}

/** Who the app is on GitHub, to recognise what it wrote itself. */
export interface AppIdentity {
  /** The login GitHub shows on the app's issues and comments, e.g. `coc-enforcer[bot]`. */
  botLogin(): Promise<string>;
}

/** Resolves the port for whichever installation can act on a repository. */
export interface GitHubGateway {
  forRepository(repo: RepoRef): Promise<GitHubPort>;
}
