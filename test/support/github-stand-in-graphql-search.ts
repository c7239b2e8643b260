/**
 * GitHub's GraphQL `search` (type ISSUE) in the stand-in, and the thread
 * connections a search result is read through: `comments` on Issue and
 * PullRequest, `reviews(author:)` on PullRequest and `comments` on
 * PullRequestReview, all over the stand-in's world, e.g.
 *
 *   search(query: "org:acme involves:troll-tom updated:>=2026-03-04T09:00:00Z", type: ISSUE, first: 25, after: $after) {
 *     pageInfo { hasNextPage endCursor }
 *     nodes { ... on Issue { comments(last: 100) { nodes { id author { login } } } } }
 *   }
 *
 * Qualifiers modelled: `org:`/`user:` (the owner), `repo:owner/name`,
 * `is:issue|pr|open|closed`, `author:`, `commenter:` (an issue comment in the
 * thread), `involves:` (author, commenter or `@mentioned` in the thread; the
 * world has no assignees), `reviewed-by:` (a review on the pull request), and
 * `updated:`/`created:` with `>=`, `>`, `<=`, `<`, `a..b` or a day. A thread
 * counts as updated when anything in it was last written, as GitHub bumps
 * it on every comment and review. Only the installation's own account is
 * searched, as the other resolvers see only it. Results come newest-updated
 * first; at most 1,000 are reachable, as on GitHub. Free text, other
 * qualifiers and other search types answer nothing and are reported as
 * unmodelled (`Query.search(…)`), so a test learns the stand-in could not
 * answer truthfully.
 *
 * Connections follow GitHub's rules: `first` or `last` is required, at most
 * 100, and `after`/`before` take the cursors the connection handed out.
 */
import type { Installation, Issue, IssueComment, Repository, Review, ReviewComment, StandInWorld } from "./github-stand-in-world.js";

type Node = Record<string, unknown>;
type ToNode = (content: Issue | IssueComment | Review | ReviewComment) => Node;

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/** GitHub's search never hands out more than this many results, whatever issueCount says. */
const SEARCH_REACH = 1_000;
const PAGE_LIMIT = 100;

const cursor = (position: number) => Buffer.from(`cursor:${position}`).toString("base64");

function position(value: string, name: string, argument: string): number {
  const match = /^cursor:(\d+)$/.exec(Buffer.from(value, "base64").toString("utf8"));
  if (!match) throw new Error(`\`${argument}\` is not a valid cursor for the \`${name}\` connection.`);
  return Number(match[1]);
}

/**
 * One page of a connection, as GitHub cuts it: `after`/`before` first, then `first` or `last`.
 * Cursors are 1-based positions in `all` (GitHub's are opaque too).
 */
export function page<T>(all: T[], args: PageArgs, name: string, extra: Record<string, unknown> = {}) {
  const { first, last, after, before } = args;
  if ((first === undefined || first === null) && (last === undefined || last === null)) {
    throw new Error(`You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`);
  }
  for (const [argument, value] of [["first", first], ["last", last]] as const) {
    if (value === undefined || value === null) continue;
    if (value < 0) throw new Error(`\`${argument}\` on the \`${name}\` connection cannot be less than zero.`);
    if (value > PAGE_LIMIT) throw new Error(`Requesting ${value} records on the \`${name}\` connection exceeds the \`${argument}\` limit of ${PAGE_LIMIT} records.`);
  }
  let start = after ? position(after, name, "after") : 0;
  let end = before ? position(before, name, "before") - 1 : all.length;
  end = Math.min(Math.max(end, 0), all.length);
  start = Math.min(start, end);
  if (first !== undefined && first !== null) end = Math.min(end, start + first);
  if (last !== undefined && last !== null) start = Math.max(start, end - last);
  const nodes = all.slice(start, end);
  const edges = nodes.map((node, i) => ({ node, cursor: cursor(start + i + 1) }));
  return {
    totalCount: all.length,
    nodes,
    edges,
    pageInfo: {
      hasNextPage: end < all.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    ...extra,
  };
}

/** `comments` on an Issue or PullRequest, and `reviews(author:, states:)` on a PullRequest. */
export function threadConnections(issue: Issue, world: StandInWorld, toNode: ToNode) {
  const comments = (args: PageArgs) => page(world.commentsOn(issue.repo, issue.number).map(toNode), args, "comments");
  if (!issue.isPullRequest) return { comments };
  return {
    comments,
    reviews: (args: PageArgs & { author?: string | null; states?: string[] | null }) => {
      const reviews = world
        .reviewsOn(issue.repo, issue.number)
        .filter((review) => !args.author || review.author.login.toLowerCase() === args.author.toLowerCase())
        .filter((review) => !args.states || args.states.includes(review.state));
      return page(reviews.map(toNode), args, "reviews");
    },
  };
}

/** `comments` on a PullRequestReview. */
export function reviewConnections(review: Review, world: StandInWorld, toNode: ToNode) {
  return { comments: (args: PageArgs) => page(world.reviewCommentsOf(review).map(toNode), args, "comments") };
}

interface SearchArgs extends PageArgs {
  query: string;
  type: string;
}

type Test = (thread: Thread) => boolean;

interface Thread {
  issue: Issue;
  comments: IssueComment[];
  reviews: Review[];
  updatedAt: number;
}

/** `search(query:, type:, first:, after:)` over the installation's own account. */
export function search(world: StandInWorld, installation: Installation, args: SearchArgs, toNode: ToNode, unmodelled: Set<string>) {
  const counts = { codeCount: 0, discussionCount: 0, repositoryCount: 0, userCount: 0, wikiCount: 0 };
  if (args.type !== "ISSUE") {
    unmodelled.add(`Query.search(type: ${args.type})`);
    return page([], args, "search", { ...counts, issueCount: 0 });
  }
  const { tests, owners } = parseQuery(args.query, unmodelled);
  const account = installation.account.login.toLowerCase();
  // Another account's threads are invisible to this installation; naming only other accounts finds nothing.
  const visible = owners.length === 0 || owners.includes(account) ? world.repositoriesOf(account) : [];
  const matches = visible
    .flatMap((repo) => threadsOf(world, repo))
    .filter((thread) => tests.every((test) => test(thread)))
    .sort((a, b) => b.updatedAt - a.updatedAt || a.issue.repo.name.localeCompare(b.issue.repo.name) || b.issue.number - a.issue.number);
  const reachable = matches.slice(0, SEARCH_REACH).map((thread) => toNode(thread.issue));
  return page(reachable, args, "search", { ...counts, issueCount: matches.length });
}

function threadsOf(world: StandInWorld, repo: Repository): Thread[] {
  return world.issuesIn(repo).map((issue) => {
    const comments = world.commentsOn(repo, issue.number);
    const reviews = issue.isPullRequest ? world.reviewsOn(repo, issue.number) : [];
    const written = [issue, ...comments, ...reviews, ...reviews.flatMap((review) => world.reviewCommentsOf(review))];
    const updatedAt = Math.max(...written.flatMap((content) => [Date.parse(content.createdAt), Date.parse(content.updatedAt)]));
    return { issue, comments, reviews, updatedAt };
  });
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function parseQuery(query: string, unmodelled: Set<string>): { tests: Test[]; owners: string[] } {
  const tests: Test[] = [];
  const owners: string[] = [];
  for (const term of query.trim().split(/\s+/).filter(Boolean)) {
    const match = /^([a-z-]+):(.+)$/i.exec(term);
    if (!match) {
      unmodelled.add("Query.search(free text)");
      tests.push(() => false);
      continue;
    }
    const qualifier = match[1]!.toLowerCase();
    const value = match[2]!;
    switch (qualifier) {
      case "org":
      case "user":
        owners.push(value.toLowerCase());
        tests.push((t) => same(t.issue.repo.owner.login, value));
        break;
      case "repo":
        tests.push((t) => same(`${t.issue.repo.owner.login}/${t.issue.repo.name}`, value));
        break;
      case "is": {
        const is: Record<string, Test> = {
          issue: (t) => !t.issue.isPullRequest,
          pr: (t) => t.issue.isPullRequest,
          open: (t) => t.issue.state === "open",
          closed: (t) => t.issue.state === "closed",
        };
        const test = is[value.toLowerCase()];
        if (!test) unmodelled.add(`Query.search(is:${value})`);
        tests.push(test ?? (() => false));
        break;
      }
      case "author":
        tests.push((t) => same(t.issue.author.login, value));
        break;
      case "commenter":
        tests.push((t) => t.comments.some((c) => same(c.author.login, value)));
        break;
      case "involves": {
        const mention = new RegExp(`(^|[^\\w-])@${value.replace(/[^\w-]/g, "")}(?![\\w-])`, "i");
        tests.push(
          (t) =>
            same(t.issue.author.login, value) ||
            t.comments.some((c) => same(c.author.login, value)) ||
            [t.issue, ...t.comments].some((content) => mention.test(content.body)),
        );
        break;
      }
      case "reviewed-by":
        tests.push((t) => t.issue.isPullRequest && t.reviews.some((r) => same(r.author.login, value)));
        break;
      case "updated":
      case "created": {
        const within = dateRange(value);
        if (!within) {
          unmodelled.add(`Query.search(${qualifier}:${value})`);
          tests.push(() => false);
          break;
        }
        tests.push((t) => within(qualifier === "updated" ? t.updatedAt : Date.parse(t.issue.createdAt)));
        break;
      }
      default:
        unmodelled.add(`Query.search(${qualifier}:)`);
        tests.push(() => false);
    }
  }
  return { tests, owners };
}

/** A date qualifier's value as a test on a time: a day (`2026-03-04`) spans that day in UTC; a time is exact. */
function dateRange(value: string): ((time: number) => boolean) | undefined {
  const bounds = (text: string) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
      const start = Date.parse(`${text}T00:00:00Z`);
      return Number.isNaN(start) ? undefined : { start, end: start + 86_400_000 };
    }
    if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
    const at = Date.parse(text);
    return Number.isNaN(at) ? undefined : { start: at, end: at, exact: true };
  };
  const range = /^(.+)\.\.(.+)$/.exec(value);
  if (range) {
    const from = bounds(range[1]!);
    const to = bounds(range[2]!);
    if (!from || !to) return undefined;
    return (t) => t >= from.start && (to.exact ? t <= to.end : t < to.end);
  }
  const op = /^(>=|<=|>|<)?(.+)$/.exec(value)!;
  const b = bounds(op[2]!);
  if (!b) return undefined;
  switch (op[1]) {
    case ">=":
      return (t) => t >= b.start;
    case ">":
      return (t) => (b.exact ? t > b.end : t >= b.end);
    case "<=":
      return (t) => (b.exact ? t <= b.end : t < b.end);
    case "<":
      return (t) => t < b.start;
    default:
      return (t) => (b.exact ? t === b.start : t >= b.start && t < b.end);
  }
}
