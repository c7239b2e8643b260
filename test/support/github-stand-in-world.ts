/**
 * What the local GitHub stand-in knows: accounts and the app's installations
 * on them, repositories (public or private) with their files, collaborators
 * and labels, issues, comments, reviews, and which content is minimized. The
 * REST and GraphQL answers read and change this state, so a test can seed a
 * world, let the app run against it, and assert on the result:
 *
 *   const acme = world.addAccount("acme", { installationId: 4242 });
 *   const widgets = world.addRepository("acme", "widgets", { private: false });
 *   const comment = world.addIssueComment(widgets, 7, { author: "troll-tom", body: "…" });
 *   …
 *   expect(world.isMinimized(comment.nodeId)).toBe(true);
 */
export type Permission = "admin" | "maintain" | "write" | "triage" | "read" | "none";

export interface Account {
  login: string;
  id: number;
  nodeId: string;
  type: "Organization" | "User" | "Bot";
}

export interface Installation {
  id: number;
  account: Account;
  createdAt: string;
}

export interface Repository {
  id: number;
  nodeId: string;
  owner: Account;
  name: string;
  private: boolean;
  visibility: "public" | "private" | "internal";
  createdAt: string;
  /** File path (no leading slash) → text. */
  files: Map<string, string>;
  /** Lower-case login → permission; anyone else may read a public repository and nothing else. */
  permissions: Map<string, Permission>;
  /** Lower-case name → label. */
  labels: Map<string, Label>;
  issues: Map<number, Issue>;
  nextNumber: number;
}

export interface Label {
  id: number;
  nodeId: string;
  name: string;
  color: string;
  description: string | null;
}

export interface Edit {
  editedAt: string;
  editor: string | null;
  diff: string | null;
}

/** What issues, comments and reviews share: GitHub's `Comment` interface. */
export interface Content {
  id: number;
  nodeId: string;
  repo: Repository;
  author: Account;
  body: string;
  createdAt: string;
  updatedAt: string;
  lastEditedAt: string | null;
  edits: Edit[];
}

export interface Issue extends Content {
  kind: "issue";
  number: number;
  title: string;
  labels: string[];
  state: "open" | "closed";
  locked: boolean;
  isPullRequest: boolean;
  closedAt: string | null;
  /** Comment ids in the order they were written. */
  commentIds: number[];
  /** Sequence number of the request that created it; null when seeded. */
  createdBySeq: number | null;
}

export interface IssueComment extends Content {
  kind: "issue_comment";
  issueNumber: number;
}

export interface ReviewComment extends Content {
  kind: "review_comment";
  pullNumber: number;
  reviewId: number;
}

export interface Review extends Content {
  kind: "review";
  pullNumber: number;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED";
}

export type AnyContent = Issue | IssueComment | ReviewComment | Review;

export interface Minimized {
  classifier: string;
  /** Sequence number of the request that minimized it. */
  bySeq: number;
}

export interface Deleted {
  content: IssueComment | ReviewComment;
  bySeq: number;
}

const NODE_PREFIX: Record<AnyContent["kind"], string> = { issue: "I_", issue_comment: "IC_", review_comment: "PRRC_", review: "PRR_" };

/** GitHub writes timestamps without milliseconds. */
export function timestamp(date = new Date()): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

export class StandInWorld {
  private nextId = 1_000;
  private readonly accounts = new Map<string, Account>();
  private readonly installationsByAccount = new Map<string, Installation>();
  readonly installations = new Map<number, Installation>();
  private readonly repositories = new Map<string, Repository>();
  /** Every comment and review by node id, and issues too. */
  private readonly nodes = new Map<string, AnyContent>();
  private readonly issueComments = new Map<number, IssueComment>();
  private readonly reviewComments = new Map<number, ReviewComment>();
  private readonly reviews = new Map<number, Review>();
  private readonly teams = new Map<string, Set<string>>();
  readonly minimized = new Map<string, Minimized>();
  readonly deleted: Deleted[] = [];

  /** @param app the GitHub App as GitHub knows it; `owner` is the account that registered it. */
  constructor(readonly app: { id: number; slug: string; name: string; owner: string }) {}

  /** The app's own user, who authors everything written with an installation token. */
  get bot(): Account {
    return this.user(`${this.app.slug}[bot]`, "Bot");
  }

  /** A user or organization; created on first mention, since GitHub knows every login the app sees. */
  user(login: string, type: Account["type"] = "User"): Account {
    const key = login.toLowerCase();
    let account = this.accounts.get(key);
    if (!account) {
      const id = this.id();
      account = { login, id, nodeId: `${type === "Organization" ? "O" : type === "Bot" ? "BOT" : "U"}_${id}`, type };
      this.accounts.set(key, account);
    }
    return account;
  }

  /** An organization, optionally with the app installed on it (all repositories). */
  addAccount(login: string, options: { installationId?: number; type?: "Organization" | "User" } = {}): Account {
    const account = this.user(login, options.type ?? "Organization");
    if (options.installationId !== undefined) this.install(login, options.installationId);
    return account;
  }

  install(login: string, installationId: number): Installation {
    const installation = { id: installationId, account: this.user(login), createdAt: timestamp() };
    this.installations.set(installationId, installation);
    this.installationsByAccount.set(login.toLowerCase(), installation);
    return installation;
  }

  installationFor(owner: string): Installation | undefined {
    return this.installationsByAccount.get(owner.toLowerCase());
  }

  addRepository(owner: string, name: string, options: { private: boolean; visibility?: Repository["visibility"] }): Repository {
    const id = this.id();
    const repo: Repository = {
      id,
      nodeId: `R_${id}`,
      owner: this.accounts.get(owner.toLowerCase()) ?? this.addAccount(owner),
      name,
      private: options.private,
      visibility: options.visibility ?? (options.private ? "private" : "public"),
      createdAt: timestamp(),
      files: new Map(),
      permissions: new Map(),
      labels: new Map(),
      issues: new Map(),
      nextNumber: 1,
    };
    this.repositories.set(`${owner}/${name}`.toLowerCase(), repo);
    return repo;
  }

  repository(owner: string, name: string): Repository | undefined {
    return this.repositories.get(`${owner}/${name}`.toLowerCase());
  }

  setFile(repo: Repository, path: string, text: string): void {
    repo.files.set(path.replace(/^\//, ""), text);
  }

  setPermission(repo: Repository, login: string, permission: Permission): void {
    this.user(login);
    repo.permissions.set(login.toLowerCase(), permission);
  }

  permissionOf(repo: Repository, login: string): Permission {
    return repo.permissions.get(login.toLowerCase()) ?? (repo.private ? "none" : "read");
  }

  addTeamMember(org: string, teamSlug: string, login: string): void {
    const key = `${org}/${teamSlug}`.toLowerCase();
    this.teams.set(key, (this.teams.get(key) ?? new Set()).add(login.toLowerCase()));
  }

  teamMembers(org: string, teamSlug: string): string[] | undefined {
    const members = this.teams.get(`${org}/${teamSlug}`.toLowerCase());
    return members ? [...members] : undefined;
  }

  accountWithId(id: number): Account | undefined {
    return [...this.accounts.values()].find((account) => account.id === id);
  }

  isTeamMember(org: string, teamSlug: string, login: string): boolean | undefined {
    return this.teams.get(`${org}/${teamSlug}`.toLowerCase())?.has(login.toLowerCase());
  }

  addLabel(repo: Repository, name: string, color = "ededed", description: string | null = null): Label {
    const id = this.id();
    const label = { id, nodeId: `LA_${id}`, name, color, description };
    repo.labels.set(name.toLowerCase(), label);
    return label;
  }

  addIssue(
    repo: Repository,
    options: { title: string; body?: string; author: string; labels?: string[]; isPullRequest?: boolean; number?: number; bySeq?: number; createdAt?: string },
  ): Issue {
    const number = options.number ?? repo.nextNumber;
    repo.nextNumber = Math.max(repo.nextNumber, number + 1);
    for (const name of options.labels ?? []) if (!repo.labels.has(name.toLowerCase())) this.addLabel(repo, name);
    const issue: Issue = {
      ...this.content("issue", repo, options.author, options.body ?? "", options),
      kind: "issue",
      number,
      title: options.title,
      labels: (options.labels ?? []).map((name) => repo.labels.get(name.toLowerCase())!.name),
      state: "open",
      locked: false,
      isPullRequest: options.isPullRequest ?? false,
      closedAt: null,
      commentIds: [],
      createdBySeq: options.bySeq ?? null,
    };
    repo.issues.set(number, issue);
    this.nodes.set(issue.nodeId, issue);
    return issue;
  }

  /** Adds a comment to an issue or pull request thread, creating the thread when it does not exist. */
  addIssueComment(
    repo: Repository,
    issueNumber: number,
    options: { author: string; body: string; id?: number; nodeId?: string; edits?: Edit[]; createdAt?: string },
  ): IssueComment {
    const issue =
      repo.issues.get(issueNumber) ?? this.addIssue(repo, { number: issueNumber, title: `Thread ${issueNumber}`, author: options.author, createdAt: options.createdAt });
    const comment: IssueComment = { ...this.content("issue_comment", repo, options.author, options.body, options), kind: "issue_comment", issueNumber };
    issue.commentIds.push(comment.id);
    this.issueComments.set(comment.id, comment);
    this.nodes.set(comment.nodeId, comment);
    return comment;
  }

  addReview(repo: Repository, pullNumber: number, options: { author: string; body: string; id?: number; nodeId?: string; createdAt?: string }): Review {
    if (!repo.issues.has(pullNumber)) {
      this.addIssue(repo, { number: pullNumber, title: `Pull request ${pullNumber}`, author: options.author, isPullRequest: true, createdAt: options.createdAt });
    }
    const review: Review = { ...this.content("review", repo, options.author, options.body, options), kind: "review", pullNumber, state: "COMMENTED" };
    this.reviews.set(review.id, review);
    this.nodes.set(review.nodeId, review);
    return review;
  }

  /** A review comment, in a review of its own (GitHub's "Add single comment") unless `review` names one of the author's. */
  addReviewComment(
    repo: Repository,
    pullNumber: number,
    options: { author: string; body: string; id?: number; nodeId?: string; edits?: Edit[]; createdAt?: string; review?: Review },
  ): ReviewComment {
    const review = options.review ?? this.addReview(repo, pullNumber, { author: options.author, body: "", createdAt: options.createdAt });
    const comment: ReviewComment = {
      ...this.content("review_comment", repo, options.author, options.body, options),
      kind: "review_comment",
      pullNumber,
      reviewId: review.id,
    };
    this.reviewComments.set(comment.id, comment);
    this.nodes.set(comment.nodeId, comment);
    return comment;
  }

  issueComment(repo: Repository, id: number): IssueComment | undefined {
    const comment = this.issueComments.get(id);
    return comment?.repo === repo ? comment : undefined;
  }

  reviewComment(repo: Repository, id: number): ReviewComment | undefined {
    const comment = this.reviewComments.get(id);
    return comment?.repo === repo ? comment : undefined;
  }

  review(repo: Repository, pullNumber: number, id: number): Review | undefined {
    const review = this.reviews.get(id);
    return review?.repo === repo && review.pullNumber === pullNumber ? review : undefined;
  }

  /** The account's repositories, in the order they were added. */
  repositoriesOf(owner: string): Repository[] {
    return [...this.repositories.values()].filter((repo) => repo.owner.login.toLowerCase() === owner.toLowerCase());
  }

  /** The reviews of a pull request, oldest first. */
  reviewsOn(repo: Repository, pullNumber: number): Review[] {
    return [...this.reviews.values()].filter((review) => review.repo === repo && review.pullNumber === pullNumber).sort((a, b) => a.id - b.id);
  }

  /** The comments of one review, oldest first (deleted ones are gone). */
  reviewCommentsOf(review: Review): ReviewComment[] {
    return [...this.reviewComments.values()].filter((comment) => comment.reviewId === review.id).sort((a, b) => a.id - b.id);
  }

  node(nodeId: string): AnyContent | undefined {
    return this.nodes.get(nodeId);
  }

  /** Issues and pull requests of a repository, oldest first. */
  issuesIn(repo: Repository): Issue[] {
    return [...repo.issues.values()].sort((a, b) => a.number - b.number);
  }

  commentsOn(repo: Repository, issueNumber: number): IssueComment[] {
    return (repo.issues.get(issueNumber)?.commentIds ?? []).map((id) => this.issueComments.get(id)!).filter(Boolean);
  }

  editBody(content: IssueComment | ReviewComment | Issue, body: string, editor: string): void {
    const at = timestamp();
    content.edits.unshift({ editedAt: at, editor, diff: content.body });
    content.body = body;
    content.lastEditedAt = at;
    content.updatedAt = at;
  }

  deleteComment(comment: IssueComment | ReviewComment, bySeq: number): void {
    if (comment.kind === "issue_comment") {
      this.issueComments.delete(comment.id);
      const issue = comment.repo.issues.get(comment.issueNumber);
      if (issue) issue.commentIds = issue.commentIds.filter((id) => id !== comment.id);
    } else {
      this.reviewComments.delete(comment.id);
    }
    this.nodes.delete(comment.nodeId);
    this.minimized.delete(comment.nodeId);
    this.deleted.push({ content: comment, bySeq });
  }

  wasDeleted(commentId: number): boolean {
    return this.deleted.some((d) => d.content.id === commentId);
  }

  minimize(nodeId: string, classifier: string, bySeq: number): void {
    // Minimizing twice keeps the first classifier, as GitHub does.
    if (!this.minimized.has(nodeId)) this.minimized.set(nodeId, { classifier, bySeq });
  }

  isMinimized(nodeId: string): boolean {
    return this.minimized.has(nodeId);
  }

  /** A fresh database id, shared by all kinds as GitHub's are. */
  id(): number {
    return this.nextId++;
  }

  private content<K extends AnyContent["kind"]>(
    kind: K,
    repo: Repository,
    author: string,
    body: string,
    options: { id?: number; nodeId?: string; edits?: Edit[]; createdAt?: string } = {},
  ): Content {
    const id = options.id ?? this.id();
    this.nextId = Math.max(this.nextId, id + 1);
    // Seeded content may be written in the past (a sweep's window), and is then as old as that.
    const now = options.createdAt ?? timestamp();
    const edits = options.edits ?? [];
    return {
      id,
      nodeId: options.nodeId ?? `${NODE_PREFIX[kind]}${id}`,
      repo,
      author: this.user(author, author.endsWith("[bot]") ? "Bot" : "User"),
      body,
      createdAt: now,
      updatedAt: edits[0]?.editedAt ?? now,
      lastEditedAt: edits[0]?.editedAt ?? null,
      edits,
    };
  }
}
