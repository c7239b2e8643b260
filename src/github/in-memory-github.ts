/**
 * A stateful in-memory GitHub behind the same port as the Octokit adapter:
 * repositories, permissions, teams, content, labels, issues and comments. It
 * backs most integration tests, and records every write so tests can assert on
 * what the app did and in which order.
 */
import type { ContentRef } from "../commands/content-link.js";
import { fakeAccountId, InMemoryAccounts } from "./in-memory-accounts.js";
import { unprocessable } from "./in-memory-faults.js";
import { InMemorySanctionVerbs } from "./in-memory-sanction-verbs.js";
import { contentKeyOf, repoKey, threadKey, type StoredIssue } from "./in-memory-records.js";
import type {
  AccountPermission,
  AppIdentity,
  CommandLocation,
  ContentSnapshot,
  EditHistory,
  GitHubGateway,
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

/** The app's login on the fake GitHub. */
export const FAKE_BOT_LOGIN = "coc-enforcer[bot]";

/** GitHub refuses issue and comment bodies longer than this with 422. */
const GITHUB_BODY_LIMIT = 65_536;

export { fakeAccountId };
export type { RecordedWrite, StoredComment, StoredIssue } from "./in-memory-records.js";

export class InMemoryGitHub extends InMemorySanctionVerbs implements GitHubPort, GitHubGateway, AppIdentity {
  readonly repositories = new Map<string, RepositoryInfo>();
  /** Old `owner/repo` → where a renamed or transferred repository is now, as GitHub redirects reads. */
  readonly redirects = new Map<string, RepoRef>();
  readonly permissions = new Map<string, RepoPermission>();
  readonly teams = new Map<string, Set<string>>();
  /** `owner/repo` → that repository's own `.github/coc.yml`; the owner's file is under `owner/.github`. */
  readonly configs = new Map<string, unknown>();
  /** `owner/repo#number` → lock reason, for locked conversations. */
  readonly locks = new Map<string, LockReason | "no reason">();
  /** `owner/repo#number` of closed issues and pull requests in moderated repositories (the app's own issues say it themselves). */
  readonly closedThreads = new Set<string>();
  readonly labels = new Map<string, Map<string, LabelSpec>>();
  readonly issues = new Map<string, StoredIssue[]>();
  /** See `InMemoryFaults`: tests set these to make the next calls of a verb fail, be refused, or lose their answer. */
  readonly failNext = this.faults.failNext;
  readonly refuseNext = this.faults.refuseNext;
  readonly loseAnswerNext = this.faults.loseAnswerNext;
  readonly calls = this.faults.calls;
  private readonly accounts = new InMemoryAccounts();

  async botLogin(): Promise<string> {
    return FAKE_BOT_LOGIN;
  }

  async forRepository(): Promise<GitHubPort> {
    return this;
  }

  // --- test set-up -------------------------------------------------------
  addRepository(repo: RepoRef, options: { private: boolean }): void {
    this.repositories.set(repoKey(repo), { ...repo, private: options.private });
  }
  /** Renames or transfers a repository; reads under the old name follow it, as on GitHub, until a repository takes that name. */
  moveRepository(from: RepoRef, to: RepoRef): void {
    const info = this.repositories.get(repoKey(from));
    if (!info) throw new Error(`no repository ${repoKey(from)} to move`);
    this.repositories.delete(repoKey(from));
    this.repositories.set(repoKey(to), { ...info, ...to });
    // Older names that led to `from` now lead to `to`, as GitHub keeps every redirect.
    for (const [old, target] of this.redirects) if (repoKey(target) === repoKey(from)) this.redirects.set(old, to);
    this.redirects.set(repoKey(from), to);
  }
  setPermission(repo: RepoRef, login: string, permission: RepoPermission): void {
    this.permissions.set(`${repoKey(repo)}@${login.toLowerCase()}`, permission);
  }
  /** The email the person shows on their GitHub profile; null hides it again. */
  setPublicEmail(login: string, email: string | null): void {
    this.accounts.setPublicEmail(login, email);
  }
  /** The person renames their account: the old login names no account, and their permissions follow them. */
  renameAccount(from: string, to: string): void {
    this.accounts.rename(from, to);
    for (const [k, permission] of [...this.permissions]) {
      const [repo, login] = k.split("@");
      if (login !== from.toLowerCase()) continue;
      this.permissions.delete(k);
      this.permissions.set(`${repo}@${to.toLowerCase()}`, permission);
    }
  }
  addTeamMember(org: string, team: string, login: string): void {
    const k = `${org}/${team}`.toLowerCase();
    this.teams.set(k, (this.teams.get(k) ?? new Set()).add(login.toLowerCase()));
  }
  addContent(snapshot: ContentSnapshot): void {
    this.contents.set(contentKeyOf(snapshot.ref), snapshot);
  }
  issuesIn(repo: RepoRef): StoredIssue[] {
    return this.issues.get(repoKey(repo)) ?? [];
  }
  /** An issue someone other than the app opened, e.g. to try to pass for a case file. */
  addForeignIssue(repo: RepoRef, author: string, issue: NewIssue): number {
    const list = this.issues.get(repoKey(repo)) ?? [];
    const number = list.length + 1;
    list.push({ ...issue, number, author, comments: [] });
    this.issues.set(repoKey(repo), list);
    return number;
  }

  // --- the port ----------------------------------------------------------
  async readOwnerConfig(owner: string): Promise<unknown> {
    this.called("readOwnerConfig");
    return this.configs.get(`${owner}/.github`.toLowerCase()) ?? null;
  }
  async readRepoConfig(repo: RepoRef): Promise<unknown> {
    this.called("readRepoConfig");
    return this.configs.get(repoKey(repo)) ?? null;
  }
  async getRepository(repo: RepoRef): Promise<RepositoryInfo | null> {
    this.called("getRepository");
    const moved = this.redirects.get(repoKey(repo));
    return this.repositories.get(repoKey(repo)) ?? (moved ? this.repositories.get(repoKey(moved)) : undefined) ?? null;
  }
  async getPermission(repo: RepoRef, login: string): Promise<RepoPermission> {
    this.called("getPermission");
    return this.permissions.get(`${repoKey(repo)}@${login.toLowerCase()}`) ?? "none";
  }
  async getAccountPermission(repo: RepoRef, login: string): Promise<AccountPermission | null> {
    this.called("getAccountPermission");
    const accountId = this.accounts.idOf(login);
    if (accountId === null) return null;
    return { permission: this.permissions.get(`${repoKey(repo)}@${login.toLowerCase()}`) ?? "none", accountId };
  }
  async loginOfAccount(accountId: number): Promise<string | null> {
    this.called("loginOfAccount");
    return this.accounts.loginOf(accountId);
  }
  async getPublicEmail(login: string): Promise<string | null> {
    this.called("getPublicEmail");
    return this.accounts.publicEmailOf(login);
  }
  async listTeamMembers(org: string, teamSlug: string): Promise<string[]> {
    this.called("listTeamMembers");
    return [...(this.teams.get(`${org}/${teamSlug}`.toLowerCase()) ?? [])];
  }
  async ensureUnhidden(nodeId: string): Promise<void> {
    this.called("ensureUnhidden");
    this.hidden.delete(nodeId);
    this.writes.push({ verb: "unhide", nodeId });
  }
  async ensureThreadLocked(repo: RepoRef, issueNumber: number, reason: LockReason | null): Promise<void> {
    this.called("ensureThreadLocked");
    this.locks.set(threadKey(repo, issueNumber), reason ?? "no reason");
    this.writes.push({ verb: "lock", repo: repoKey(repo), issueNumber, reason });
  }
  async ensureThreadUnlocked(repo: RepoRef, issueNumber: number): Promise<void> {
    this.called("ensureThreadUnlocked");
    this.locks.delete(threadKey(repo, issueNumber));
    this.writes.push({ verb: "unlock", repo: repoKey(repo), issueNumber });
  }
  async replaceContentBody(ref: ContentRef, body: string): Promise<void> {
    this.called("replaceContentBody");
    if (ref.kind === "review") throw new Error("only a review's author can edit its text");
    const stored = this.contents.get(contentKeyOf(ref));
    if (stored) this.contents.set(contentKeyOf(ref), { ...stored, body });
    this.writes.push({ verb: "replace-body", ref, body });
    this.maybeLoseAnswer("replaceContentBody");
  }
  async ensureIssueClosed(repo: RepoRef, issueNumber: number, reason: "completed" | "not_planned"): Promise<void> {
    this.called("ensureIssueClosed");
    // Issues of moderated repositories are content here, not stored issues.
    const issue = this.issuesIn(repo).find((i) => i.number === issueNumber);
    if (issue) issue.closed = reason;
    else this.closedThreads.add(threadKey(repo, issueNumber));
    this.writes.push({ verb: "close-issue", repo: repoKey(repo), issueNumber, reason });
  }
  async ensureIssueReopened(repo: RepoRef, issueNumber: number): Promise<void> {
    this.called("ensureIssueReopened");
    const issue = this.issuesIn(repo).find((i) => i.number === issueNumber);
    if (issue) delete issue.closed;
    this.closedThreads.delete(threadKey(repo, issueNumber));
    this.writes.push({ verb: "reopen-issue", repo: repoKey(repo), issueNumber });
  }
  async rewriteIssueBody(repo: RepoRef, issueNumber: number, rewrite: (body: string) => string | null): Promise<void> {
    this.called("rewriteIssueBody");
    const issue = this.issuesIn(repo).find((i) => i.number === issueNumber);
    if (!issue) throw Object.assign(new Error("Not Found"), { status: 404 });
    const after = rewrite(issue.body);
    if (after === null || after === issue.body) return;
    issue.body = after;
    this.writes.push({ verb: "edit-issue", repo: repoKey(repo), issueNumber, body: after });
  }
  async isTeamMember(org: string, teamSlug: string, login: string): Promise<boolean> {
    this.called("isTeamMember");
    return this.teams.get(`${org}/${teamSlug}`.toLowerCase())?.has(login.toLowerCase()) ?? false;
  }
  async fetchContent(ref: ContentRef): Promise<ContentSnapshot | null> {
    this.called("fetchContent");
    const found = this.contents.get(contentKeyOf(ref));
    if (!found) return null;
    // Like GitHub's REST answer: the edit history is read separately.
    return { ...found, editedAt: null, editHistory: null, isMinimized: this.hidden.has(found.nodeId) };
  }
  async fetchMinimized(nodeId: string): Promise<boolean | null> {
    this.called("fetchMinimized");
    const found = [...this.contents.values()].find((c) => c.nodeId === nodeId);
    return found ? found.hideable && this.hidden.has(nodeId) : null;
  }
  async fetchThread(repo: RepoRef, issueNumber: number): Promise<ThreadState | null> {
    this.called("fetchThread");
    const locked = this.locks.has(threadKey(repo, issueNumber));
    const issue = this.issuesIn(repo).find((i) => i.number === issueNumber);
    if (issue) return { locked, closed: issue.closed !== undefined };
    // A moderated thread exists here when some content of it does.
    const known = [...this.contents.values()].some((c) => repoKey(c.ref) === repoKey(repo) && c.ref.number === issueNumber);
    return known ? { locked, closed: this.closedThreads.has(threadKey(repo, issueNumber)) } : null;
  }
  async fetchEditHistory(nodeId: string): Promise<EditHistory | null> {
    this.called("fetchEditHistory");
    const found = [...this.contents.values()].find((c) => c.nodeId === nodeId);
    return found ? { editedAt: found.editedAt, edits: found.editHistory ?? [] } : null;
  }
  async ensureHidden(nodeId: string, classifier: HideClassifier): Promise<void> {
    this.called("ensureHidden");
    this.hidden.set(nodeId, classifier);
    this.writes.push({ verb: "hide", nodeId, classifier });
  }
  async ensureCommandRemoved(location: CommandLocation, remainingBody: string | null): Promise<void> {
    this.called("ensureCommandRemoved");
    this.writes.push({ verb: "remove-command", location, remainingBody });
  }
  async ensureLabel(repo: RepoRef, label: LabelSpec): Promise<void> {
    this.called("ensureLabel");
    const labels = this.labels.get(repoKey(repo)) ?? new Map<string, LabelSpec>();
    if (!labels.has(label.name)) this.writes.push({ verb: "label", repo: repoKey(repo), name: label.name });
    labels.set(label.name, label);
    this.labels.set(repoKey(repo), labels);
  }
  async findOwnIssue(repo: RepoRef, marker: string, label: string): Promise<number | null> {
    this.called("findOwnIssue");
    return (
      this.issuesIn(repo).find((i) => i.author === FAKE_BOT_LOGIN && i.labels.includes(label) && i.body.startsWith(marker))?.number ?? null
    );
  }
  async createIssue(repo: RepoRef, issue: NewIssue, options: SendOptions = {}): Promise<number> {
    options.signal?.throwIfAborted();
    this.called("createIssue");
    if (issue.body.length > GITHUB_BODY_LIMIT) throw unprocessable("body is too long (maximum is 65536 characters)");
    const list = this.issues.get(repoKey(repo)) ?? [];
    const number = list.length + 1;
    list.push({ ...issue, number, author: FAKE_BOT_LOGIN, comments: [] });
    this.issues.set(repoKey(repo), list);
    this.writes.push({ verb: "create-issue", repo: repoKey(repo), number, issue });
    this.maybeLoseAnswer("createIssue");
    return number;
  }
  async swapIssueLabel(repo: RepoRef, issueNumber: number, label: string, replaced: string[]): Promise<void> {
    this.called("swapIssueLabel");
    const issue = this.issuesIn(repo).find((i) => i.number === issueNumber);
    if (!issue) throw Object.assign(new Error("Not Found"), { status: 404 });
    issue.labels = [...issue.labels.filter((name) => name === label || !replaced.includes(name)), ...(issue.labels.includes(label) ? [] : [label])];
    this.writes.push({ verb: "swap-label", repo: repoKey(repo), issueNumber, label });
  }
  async hasOwnComment(repo: RepoRef, issueNumber: number, marker: string): Promise<boolean> {
    this.called("hasOwnComment");
    const issue = this.issuesIn(repo).find((i) => i.number === issueNumber);
    return issue?.comments.some((c) => c.author === FAKE_BOT_LOGIN && c.body.startsWith(marker)) ?? false;
  }
  async createComment(repo: RepoRef, issueNumber: number, body: string, options: SendOptions = {}): Promise<void> {
    options.signal?.throwIfAborted();
    this.called("createComment");
    if (body.length > GITHUB_BODY_LIMIT) throw unprocessable("body is too long (maximum is 65536 characters)");
    this.issuesIn(repo).find((i) => i.number === issueNumber)?.comments.push({ author: FAKE_BOT_LOGIN, body });
    this.writes.push({ verb: "comment", repo: repoKey(repo), issueNumber, body });
    this.maybeLoseAnswer("createComment");
  }

  private called(verb: string): void {
    this.faults.called(verb);
  }

  private maybeLoseAnswer(verb: string): void {
    this.faults.wrote(verb);
  }
}
