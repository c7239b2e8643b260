/**
 * What a raid sweep needs from GitHub's GraphQL API: every comment, review
 * and review comment one person wrote in an account's repositories since a
 * time, found through search (the threads they took part in, then their own
 * writing in each), and many of them hidden at once, with one aliased
 * `minimizeComment` per item and up to `HIDE_BATCH` in one request. GitHub's
 * secondary rate limits count a request, not the mutations in it, so a
 * hundred comments are hidden in a couple of requests instead of a hundred
 * paced ones.
 */
import type { ProbotOctokit } from "probot";
import type { AuthoredContent, HideClassifier } from "./port.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

/** Items per `minimizeComment` request: well inside GitHub's limits on one document's size and cost. */
export const HIDE_BATCH = 50;
/** Threads read per search page, and the pages read at most: a sweep covers a raid, not a person's whole history. */
const THREADS_PER_PAGE = 25;
const MAX_PAGES = 8;

const WRITTEN = "id url createdAt isMinimized author { login }";

// The search text is `$search`, not `$query`: Octokit reserves `query` for the document itself.
const FIND = `query SweepFind($search: String!, $login: String!, $after: String) {
  search(query: $search, type: ISSUE, first: ${THREADS_PER_PAGE}, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes {
      ... on Issue { comments(last: 100) { nodes { ${WRITTEN} } } }
      ... on PullRequest {
        comments(last: 100) { nodes { ${WRITTEN} } }
        reviews(last: 30, author: $login) { nodes { ${WRITTEN} comments(first: 100) { nodes { ${WRITTEN} } } } }
      }
    }
  }
}`;

interface Written {
  id: string;
  url: string;
  createdAt: string;
  isMinimized: boolean;
  author: { login: string } | null;
}

interface Thread {
  comments?: { nodes: Array<Written | null> | null };
  reviews?: { nodes: Array<(Written & { comments?: { nodes: Array<Written | null> | null } }) | null> | null };
}

interface FindPage {
  search: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<Thread | null> | null };
}

/** The person's writing in the account since `since`, not hidden yet, oldest first; each item once. */
export async function findAuthoredContent(reader: Pick<Octokit, "graphql">, account: string, login: string, since: Date): Promise<AuthoredContent[]> {
  const found = new Map<string, AuthoredContent>();
  const mine = (item: Written | null | undefined, kind: AuthoredContent["kind"]) => {
    if (!item || item.isMinimized || item.author?.login.toLowerCase() !== login.toLowerCase()) return;
    if (Date.parse(item.createdAt) < since.getTime()) return;
    found.set(item.id, { nodeId: item.id, url: item.url, kind, createdAt: new Date(item.createdAt) });
  };
  // `org:` names an organization's repositories; a personal account's are `user:`, and GitHub refuses the other.
  let owner: "org" | "user" = "org";
  const ask = async (qualifier: string, after: string | null): Promise<FindPage> => {
    const search = () => `${owner}:${account} ${qualifier} updated:>=${since.toISOString().slice(0, 19)}Z`;
    try {
      return await reader.graphql<FindPage>(FIND, { search: search(), login, after });
    } catch (error) {
      if (owner === "user" || after !== null || !isSearchRefusal(error)) throw error;
      owner = "user";
      return reader.graphql<FindPage>(FIND, { search: search(), login, after });
    }
  };
  // Threads they commented in, and pull requests they reviewed: `involves` does not cover reviews.
  for (const qualifier of [`involves:${login}`, `reviewed-by:${login}`]) {
    let after: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const results: FindPage["search"] = (await ask(qualifier, after)).search;
      for (const thread of results.nodes ?? []) {
        for (const comment of thread?.comments?.nodes ?? []) mine(comment, "issue_comment");
        for (const review of thread?.reviews?.nodes ?? []) {
          mine(review, "review");
          for (const comment of review?.comments?.nodes ?? []) mine(comment, "review_comment");
        }
      }
      if (!results.pageInfo.hasNextPage || !results.pageInfo.endCursor) break;
      after = results.pageInfo.endCursor;
    }
  }
  return [...found.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/**
 * GitHub refused the search's owner (`org:` naming a personal account): "The listed users and repositories cannot
 * be searched either because the resources do not exist or you do not have permission to view them."
 */
function isSearchRefusal(error: unknown): boolean {
  const errors = (error as { errors?: Array<{ type?: string; message?: string }> }).errors;
  return Array.isArray(errors) && errors.some((e) => e.type === "INVALID" || /cannot be searched/i.test(e.message ?? ""));
}

/**
 * Hides the items, `HIDE_BATCH` per request. Answers the ids hidden and those gone meanwhile (deleted, or out of the
 * app's reach: NOT_FOUND, FORBIDDEN); any other refusal rejects, so the sweep is tried again (hiding twice is harmless).
 */
export async function hideBatch(octokit: Pick<Octokit, "graphql">, nodeIds: string[], classifier: HideClassifier): Promise<{ hidden: string[]; gone: string[] }> {
  const hidden: string[] = [];
  const gone: string[] = [];
  for (let start = 0; start < nodeIds.length; start += HIDE_BATCH) {
    const batch = nodeIds.slice(start, start + HIDE_BATCH);
    const variables: Record<string, string> = { classifier };
    const fields = batch.map((id, i) => {
      variables[`id${i}`] = id;
      return `m${i}: minimizeComment(input: { subjectId: $id${i}, classifier: $classifier }) { minimizedComment { isMinimized } }`;
    });
    const declared = batch.map((_, i) => `$id${i}: ID!`).join(", ");
    const document = `mutation SweepHide(${declared}, $classifier: ReportedContentClassifiers!) {\n  ${fields.join("\n  ")}\n}`;
    const failed = await sendBatch(octokit, document, variables);
    batch.forEach((id, i) => {
      const why = failed.get(`m${i}`);
      if (why === undefined) hidden.push(id);
      // Deleted meanwhile, or out of the app's reach (a repository of the account it is not installed on, an archived one).
      else if (why === "NOT_FOUND" || why === "FORBIDDEN") gone.push(id);
      else throw new Error(`GitHub refused to hide ${id}: ${why}`);
    });
  }
  return { hidden, gone };
}

/** The aliases GitHub answered with an error, and the error's type; a request that failed whole rejects. */
async function sendBatch(octokit: Pick<Octokit, "graphql">, document: string, variables: Record<string, string>): Promise<Map<string, string>> {
  try {
    await octokit.graphql(document, variables);
    return new Map();
  } catch (error) {
    const errors = (error as { errors?: Array<{ type?: string; path?: Array<string | number>; message?: string }> }).errors;
    if (!Array.isArray(errors) || errors.length === 0 || errors.some((e) => typeof e.path?.[0] !== "string")) throw error;
    return new Map(errors.map((e) => [String(e.path![0]), e.type ?? e.message ?? "refused"]));
  }
}
