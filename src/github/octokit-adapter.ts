/**
 * The GitHub port over Probot's Octokit (REST and GraphQL). This module, with
 * the ones it hands content (`octokit-content.ts`) and people
 * (`octokit-people.ts`) to, is the only one that knows GitHub's wire formats;
 * every write here is safe to repeat.
 */
import deepmerge from "deepmerge";
import type { ProbotOctokit } from "probot";
import type { ContentRef } from "../commands/content-link.js";
import { ConfigReadError, parseConfigText } from "../config/config-text.js";
import {
  lockConversation,
  minimize,
  readContent,
  readEditHistory,
  readMinimized,
  readThread,
  rewriteIssueBody,
  unlockConversation,
  unminimize,
  writeContentBody,
} from "./octokit-content.js";
import { isNotFound } from "./octokit-errors.js";
import { OctokitSanctionVerbs } from "./octokit-sanction-verbs.js";
import { readAccountPermission, readLoginOfAccount, readPermission, readPublicEmail, readTeamMembers, readTeamMembership } from "./octokit-people.js";
import type {
  AccountPermission,
  CommandLocation,
  ContentSnapshot,
  AppIdentity,
  EditHistory,
  GitHubPort,
  HideClassifier,
  LabelSpec,
  LockReason,
  NewIssue,
  RepoPermission,
  RepoRef,
  RepositoryInfo,
  SendOptions,
  ThreadState,
} from "./port.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

export class OctokitGitHub extends OctokitSanctionVerbs implements GitHubPort {
  /**
   * @param reader an Octokit for GraphQL queries, without Probot's write pacing: the throttling
   *   plugin spaces every GraphQL request 1 s apart as if it were a write, which would hold back
   *   the writes that protect people. Defaults to `octokit`.
   */
  constructor(
    octokit: Octokit,
    private readonly identity: AppIdentity,
    reader: Pick<Octokit, "graphql"> = octokit,
  ) {
    super(octokit, reader);
  }

  async readOwnerConfig(owner: string, fileName: string): Promise<unknown> {
    // The same plugin and merge rule as Probot's context.config, pointed at the owner's `.github` repository only.
    const { config, files } = await this.octokit.config.get({
      owner,
      repo: ".github",
      path: `.github/${fileName}`,
      defaults: (configs) => deepmerge.all([{}, ...configs]) as Record<string, unknown>,
    });
    return files.some((file) => file.config !== null) ? config : null;
  }

  async readRepoConfig({ owner, repo }: RepoRef, fileName: string): Promise<unknown> {
    let text: string;
    try {
      const response = await this.octokit.rest.repos.getContent({ owner, repo, path: `.github/${fileName}`, mediaType: { format: "raw" } });
      // The raw media type answers a file with its text; a directory or submodule still comes back as JSON.
      if (typeof response.data !== "string") throw new ConfigReadError("not-a-file");
      text = response.data;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
    return parseConfigText(text);
  }

  async getRepository({ owner, repo }: RepoRef): Promise<RepositoryInfo | null> {
    try {
      const { data } = await this.octokit.rest.repos.get({ owner, repo });
      // An `internal` repository reports private: true, yet every member of the enterprise can read it.
      const visibility = data.visibility ?? (data.private ? "private" : "public");
      // Named from the answer, not the question: a renamed or transferred repository's old name is redirected to it.
      return { owner: data.owner.login, repo: data.name, private: visibility === "private" };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  getPermission(repo: RepoRef, login: string): Promise<RepoPermission> {
    return readPermission(this.octokit, repo, login);
  }

  getAccountPermission(repo: RepoRef, login: string): Promise<AccountPermission | null> {
    return readAccountPermission(this.octokit, repo, login);
  }

  loginOfAccount(accountId: number): Promise<string | null> {
    return readLoginOfAccount(this.octokit, accountId);
  }

  getPublicEmail(login: string): Promise<string | null> {
    return readPublicEmail(this.octokit, login);
  }

  isTeamMember(org: string, teamSlug: string, login: string): Promise<boolean> {
    return readTeamMembership(this.octokit, org, teamSlug, login);
  }

  listTeamMembers(org: string, teamSlug: string): Promise<string[]> {
    return readTeamMembers(this.octokit, org, teamSlug);
  }

  fetchContent(ref: ContentRef): Promise<ContentSnapshot | null> {
    return readContent(this.octokit, ref);
  }

  /** A read: sent by the reader, which GitHub's pacing of writes does not hold back. */
  fetchEditHistory(nodeId: string): Promise<EditHistory | null> {
    return readEditHistory(this.reader, nodeId);
  }

  /** A read, like `fetchEditHistory`: sent by the reader. */
  fetchMinimized(nodeId: string): Promise<boolean | null> {
    return readMinimized(this.reader, nodeId);
  }

  fetchThread(repo: RepoRef, issueNumber: number): Promise<ThreadState | null> {
    return readThread(this.octokit, repo, issueNumber);
  }

  replaceContentBody(ref: ContentRef, body: string): Promise<void> {
    return writeContentBody(this.octokit, ref, body);
  }

  ensureHidden(nodeId: string, classifier: HideClassifier): Promise<void> {
    return minimize(this.octokit, nodeId, classifier);
  }

  ensureUnhidden(nodeId: string): Promise<void> {
    return unminimize(this.octokit, nodeId);
  }

  ensureThreadLocked(repo: RepoRef, issueNumber: number, reason: LockReason | null): Promise<void> {
    return lockConversation(this.octokit, repo, issueNumber, reason);
  }

  ensureThreadUnlocked(repo: RepoRef, issueNumber: number): Promise<void> {
    return unlockConversation(this.octokit, repo, issueNumber);
  }

  async ensureCommandRemoved(location: CommandLocation, remainingBody: string | null): Promise<void> {
    try {
      switch (location.kind) {
        case "issue_comment": {
          const { owner, repo, commentId: comment_id } = location;
          if (remainingBody === null) await this.octokit.rest.issues.deleteComment({ owner, repo, comment_id });
          else await this.octokit.rest.issues.updateComment({ owner, repo, comment_id, body: remainingBody });
          return;
        }
        case "review_comment": {
          const { owner, repo, commentId: comment_id } = location;
          if (remainingBody === null) await this.octokit.rest.pulls.deleteReviewComment({ owner, repo, comment_id });
          else await this.octokit.rest.pulls.updateReviewComment({ owner, repo, comment_id, body: remainingBody });
          return;
        }
        case "review":
          // A submitted review cannot be deleted, and only its author may edit it: fold it away instead.
          await this.ensureHidden(location.nodeId, "OUTDATED");
          return;
      }
    } catch (error) {
      if (isNotFound(error)) return;
      throw error;
    }
  }

  async ensureLabel({ owner, repo }: RepoRef, label: LabelSpec): Promise<void> {
    // A read first: writes are paced one per second for the whole app, and hiding content must not queue behind labels that exist.
    try {
      await this.octokit.rest.issues.getLabel({ owner, repo, name: label.name });
      return;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    try {
      await this.octokit.rest.issues.createLabel({ owner, repo, ...label });
    } catch (error) {
      if ((error as { response?: { data?: { errors?: Array<{ code?: string }> } } }).response?.data?.errors?.some((e) => e.code === "already_exists")) return;
      throw error;
    }
  }

  async findOwnIssue({ owner, repo }: RepoRef, marker: string, label: string): Promise<number | null> {
    const creator = await this.identity.botLogin();
    const { data } = await this.octokit.rest.issues.listForRepo({
      owner,
      repo,
      creator,
      labels: label,
      state: "all",
      sort: "created",
      direction: "desc",
      per_page: 100,
    });
    return data.find((issue) => writtenByApp(issue, creator) && startsWithMarker(issue.body, marker))?.number ?? null;
  }

  async swapIssueLabel({ owner, repo }: RepoRef, issueNumber: number, label: string, replaced: string[]): Promise<void> {
    // Adding answers with every label the issue now has, so only those present are removed.
    const { data } = await this.octokit.rest.issues.addLabels({ owner, repo, issue_number: issueNumber, labels: [label] });
    const present = new Set(data.map((l) => l.name));
    for (const name of replaced) {
      if (name === label || !present.has(name)) continue;
      try {
        await this.octokit.rest.issues.removeLabel({ owner, repo, issue_number: issueNumber, name });
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
  }

  async ensureIssueClosed({ owner, repo }: RepoRef, issueNumber: number, reason: "completed" | "not_planned"): Promise<void> {
    await this.octokit.rest.issues.update({ owner, repo, issue_number: issueNumber, state: "closed", state_reason: reason });
  }

  rewriteIssueBody(repo: RepoRef, issueNumber: number, rewrite: (body: string) => string | null): Promise<void> {
    return rewriteIssueBody(this.octokit, repo, issueNumber, rewrite);
  }

  async ensureIssueReopened({ owner, repo }: RepoRef, issueNumber: number): Promise<void> {
    await this.octokit.rest.issues.update({ owner, repo, issue_number: issueNumber, state: "open" });
  }

  async createIssue({ owner, repo }: RepoRef, issue: NewIssue, options: SendOptions = {}): Promise<number> {
    const { data } = await this.octokit.rest.issues.create({ owner, repo, ...issue, request: sendOnce(options) });
    return data.number;
  }

  async hasOwnComment({ owner, repo }: RepoRef, issueNumber: number, marker: string): Promise<boolean> {
    const login = await this.identity.botLogin();
    const comments = await this.octokit.paginate(this.octokit.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 });
    return comments.some((comment) => writtenByApp(comment, login) && startsWithMarker(comment.body, marker));
  }

  async createComment({ owner, repo }: RepoRef, issueNumber: number, body: string, options: SendOptions = {}): Promise<void> {
    await this.octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body, request: sendOnce(options) });
  }
}

/**
 * Octokit's retry plugin resends a request that got a 5xx or lost its connection, after GitHub
 * may already have created the thing: a second case issue. Creates are sent once; the action's
 * own retry looks for what the lost answer may have created before it sends again. The signal
 * reaches `fetch`, which refuses to start an aborted request: one that waited in the throttling
 * plugin's queue past its job's timeout is dropped rather than sent beside the retry's.
 */
function sendOnce({ signal }: SendOptions): { retries: 0; signal?: AbortSignal } {
  return signal ? { retries: 0, signal } : { retries: 0 };
}

function writtenByApp(item: { user?: { login: string; type?: string } | null }, botLogin: string): boolean {
  return item.user?.type === "Bot" && item.user.login.toLowerCase() === botLogin.toLowerCase();
}

function startsWithMarker(body: string | null | undefined, marker: string): boolean {
  return typeof body === "string" && body.startsWith(marker);
}
