/**
 * A stateful in-memory GitHub behind the same port as the Octokit adapter:
 * repositories, permissions, teams, content, labels, issues and comments. It
 * backs most integration tests, and records every write so tests can assert on
 * what the app did and in which order.
 */
import type { ContentRef } from "../commands/content-link.js";
import type {
  CommandLocation,
  ContentSnapshot,
  GitHubGateway,
  GitHubPort,
  HideClassifier,
  LabelSpec,
  NewIssue,
  RepoPermission,
  RepoRef,
  RepositoryInfo,
} from "./port.js";

export type RecordedWrite =
  | { verb: "hide"; nodeId: string; classifier: HideClassifier }
  | { verb: "remove-command"; location: CommandLocation; remainingBody: string | null }
  | { verb: "label"; repo: string; name: string }
  | { verb: "create-issue"; repo: string; number: number; issue: NewIssue }
  | { verb: "comment"; repo: string; issueNumber: number; body: string };

export interface StoredIssue extends NewIssue {
  number: number;
  comments: string[];
}

const key = (r: RepoRef) => `${r.owner}/${r.repo}`.toLowerCase();

function contentKeyOf(ref: ContentRef): string {
  const base = key(ref);
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

export class InMemoryGitHub implements GitHubPort, GitHubGateway {
  readonly repositories = new Map<string, RepositoryInfo>();
  readonly permissions = new Map<string, RepoPermission>();
  readonly teams = new Map<string, Set<string>>();
  readonly configs = new Map<string, unknown>();
  readonly contents = new Map<string, ContentSnapshot>();
  readonly hidden = new Map<string, HideClassifier>();
  readonly labels = new Map<string, Map<string, LabelSpec>>();
  readonly issues = new Map<string, StoredIssue[]>();
  readonly writes: RecordedWrite[] = [];
  /** Makes the next calls of a verb throw, to test retries: e.g. failNext.set("createIssue", 2). */
  readonly failNext = new Map<string, number>();

  async forRepository(): Promise<GitHubPort> {
    return this;
  }

  // --- test set-up -------------------------------------------------------
  addRepository(repo: RepoRef, options: { private: boolean }): void {
    this.repositories.set(key(repo), { ...repo, private: options.private });
  }
  setPermission(repo: RepoRef, login: string, permission: RepoPermission): void {
    this.permissions.set(`${key(repo)}@${login.toLowerCase()}`, permission);
  }
  addTeamMember(org: string, team: string, login: string): void {
    const k = `${org}/${team}`.toLowerCase();
    this.teams.set(k, (this.teams.get(k) ?? new Set()).add(login.toLowerCase()));
  }
  addContent(snapshot: ContentSnapshot): void {
    this.contents.set(contentKeyOf(snapshot.ref), snapshot);
  }
  issuesIn(repo: RepoRef): StoredIssue[] {
    return this.issues.get(key(repo)) ?? [];
  }

  // --- the port ----------------------------------------------------------
  async readConfig(repo: RepoRef): Promise<unknown> {
    this.maybeFail("readConfig");
    return this.configs.get(key(repo)) ?? this.configs.get(`${repo.owner}/.github`.toLowerCase()) ?? null;
  }
  async getRepository(repo: RepoRef): Promise<RepositoryInfo | null> {
    this.maybeFail("getRepository");
    return this.repositories.get(key(repo)) ?? null;
  }
  async getPermission(repo: RepoRef, login: string): Promise<RepoPermission> {
    return this.permissions.get(`${key(repo)}@${login.toLowerCase()}`) ?? "none";
  }
  async isTeamMember(org: string, teamSlug: string, login: string): Promise<boolean> {
    return this.teams.get(`${org}/${teamSlug}`.toLowerCase())?.has(login.toLowerCase()) ?? false;
  }
  async fetchContent(ref: ContentRef): Promise<ContentSnapshot | null> {
    this.maybeFail("fetchContent");
    const found = this.contents.get(contentKeyOf(ref));
    return found ? { ...found, isMinimized: this.hidden.has(found.nodeId) } : null;
  }
  async ensureHidden(nodeId: string, classifier: HideClassifier): Promise<void> {
    this.maybeFail("ensureHidden");
    this.hidden.set(nodeId, classifier);
    this.writes.push({ verb: "hide", nodeId, classifier });
  }
  async ensureCommandRemoved(location: CommandLocation, remainingBody: string | null): Promise<void> {
    this.maybeFail("ensureCommandRemoved");
    this.writes.push({ verb: "remove-command", location, remainingBody });
  }
  async ensureLabel(repo: RepoRef, label: LabelSpec): Promise<void> {
    const labels = this.labels.get(key(repo)) ?? new Map<string, LabelSpec>();
    if (!labels.has(label.name)) this.writes.push({ verb: "label", repo: key(repo), name: label.name });
    labels.set(label.name, label);
    this.labels.set(key(repo), labels);
  }
  async findIssueByMarker(repo: RepoRef, marker: string): Promise<number | null> {
    return this.issuesIn(repo).find((i) => i.body.includes(marker))?.number ?? null;
  }
  async createIssue(repo: RepoRef, issue: NewIssue): Promise<number> {
    this.maybeFail("createIssue");
    const list = this.issues.get(key(repo)) ?? [];
    const number = list.length + 1;
    list.push({ ...issue, number, comments: [] });
    this.issues.set(key(repo), list);
    this.writes.push({ verb: "create-issue", repo: key(repo), number, issue });
    return number;
  }
  async hasCommentWithMarker(repo: RepoRef, issueNumber: number, marker: string): Promise<boolean> {
    return this.issuesIn(repo).find((i) => i.number === issueNumber)?.comments.some((c) => c.includes(marker)) ?? false;
  }
  async createComment(repo: RepoRef, issueNumber: number, body: string): Promise<void> {
    this.maybeFail("createComment");
    this.issuesIn(repo).find((i) => i.number === issueNumber)?.comments.push(body);
    this.writes.push({ verb: "comment", repo: key(repo), issueNumber, body });
  }

  private maybeFail(verb: string): void {
    const remaining = this.failNext.get(verb) ?? 0;
    if (remaining > 0) {
      this.failNext.set(verb, remaining - 1);
      throw Object.assign(new Error(`simulated GitHub failure in ${verb}`), { status: 502 });
    }
  }
}
