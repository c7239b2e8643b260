/**
 * Flagged content on GitHub: its snapshot for the evidence (one REST read,
 * then the edit history over GraphQL, after the content is hidden), whether
 * it is hidden and whether its conversation is locked or closed (what an
 * emergency act must know before it acts), and what the committee does to it:
 * hide it or show it again, replace its text, lock its conversation. Issues,
 * issue comments, review comments and reviews each have their own REST
 * endpoints.
 */
import type { ProbotOctokit } from "probot";
import type { ContentRef } from "../commands/content-link.js";
import { isNotFound } from "./octokit-errors.js";
import type { ContentEdit, ContentSnapshot, EditHistory, HideClassifier, LockReason, RepoRef, ThreadState } from "./port.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

const CONTENT_DETAILS = `query ContentDetails($id: ID!) {
  node(id: $id) {
    ... on Comment {
      lastEditedAt
      userContentEdits(first: 50) { nodes { editedAt editor { login } diff } }
    }
  }
}`;

const MINIMIZED = `query Minimized($id: ID!) {
  node(id: $id) { ... on Minimizable { isMinimized } }
}`;

const UNMINIMIZE = `mutation Unminimize($id: ID!) {
  unminimizeComment(input: { subjectId: $id }) { unminimizedComment { isMinimized } }
}`;

const MINIMIZE = `mutation Minimize($id: ID!, $classifier: ReportedContentClassifiers!) {
  minimizeComment(input: { subjectId: $id, classifier: $classifier }) { minimizedComment { isMinimized } }
}`;

interface ContentDetails {
  node: {
    lastEditedAt?: string | null;
    userContentEdits?: { nodes: Array<{ editedAt: string; editor: { login: string } | null; diff: string | null } | null> };
  } | null;
}

/** The REST fields every kind of content shares. */
interface RestContent {
  node_id: string;
  title?: string;
  html_url: string;
  body?: string | null;
  user: { login: string; id?: number } | null;
  created_at?: string;
  updated_at?: string;
  submitted_at?: string;
}

export async function readContent(octokit: Octokit, ref: ContentRef): Promise<ContentSnapshot | null> {
  let rest: RestContent;
  try {
    rest = await fetchRest(octokit, ref);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  // The edit history is read over GraphQL, after hiding (`fetchEditHistory`). REST timestamps cannot
  // tell "never edited": they have one-second resolution, and an edit within the second would be missed.
  return {
    ref,
    nodeId: rest.node_id,
    url: rest.html_url,
    authorLogin: rest.user?.login ?? "ghost",
    authorId: rest.user?.id ?? null,
    title: ref.kind === "issue" ? (rest.title ?? null) : null,
    body: rest.body ?? "",
    createdAt: rest.created_at ?? rest.submitted_at ?? new Date(0).toISOString(),
    editedAt: null,
    editHistory: null,
    hideable: ref.kind !== "issue",
    isMinimized: false,
  };
}

export async function readEditHistory(reader: Pick<Octokit, "graphql">, nodeId: string): Promise<EditHistory | null> {
  let details: ContentDetails;
  try {
    details = await reader.graphql<ContentDetails>(CONTENT_DETAILS, { id: nodeId });
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  if (!details.node) return null;
  const edits: ContentEdit[] = (details.node.userContentEdits?.nodes ?? [])
    .filter((n): n is NonNullable<typeof n> => n !== null)
    .map((n) => ({ editedAt: n.editedAt, editor: n.editor?.login ?? null, diff: n.diff }));
  return { editedAt: details.node.lastEditedAt ?? null, edits };
}

export async function readMinimized(reader: Pick<Octokit, "graphql">, nodeId: string): Promise<boolean | null> {
  let answer: { node: { isMinimized?: boolean } | null };
  try {
    answer = await reader.graphql<typeof answer>(MINIMIZED, { id: nodeId });
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  if (!answer.node) return null;
  // An issue or pull request body is no Minimizable: GitHub answers it without the field.
  return answer.node.isMinimized === true;
}

/** The issues endpoint answers for pull requests too: their conversation is an issue's. */
export async function readThread(octokit: Octokit, { owner, repo }: RepoRef, issueNumber: number): Promise<ThreadState | null> {
  try {
    const { data } = await octokit.rest.issues.get({ owner, repo, issue_number: issueNumber });
    return { locked: data.locked, closed: data.state === "closed" };
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

async function fetchRest(octokit: Octokit, ref: ContentRef): Promise<RestContent> {
  const { owner, repo } = ref;
  switch (ref.kind) {
    case "issue":
      return (await octokit.rest.issues.get({ owner, repo, issue_number: ref.number })).data as RestContent;
    case "issue_comment":
      return (await octokit.rest.issues.getComment({ owner, repo, comment_id: ref.commentId })).data as RestContent;
    case "review_comment":
      return (await octokit.rest.pulls.getReviewComment({ owner, repo, comment_id: ref.commentId })).data as RestContent;
    case "review":
      return (await octokit.rest.pulls.getReview({ owner, repo, pull_number: ref.number, review_id: ref.reviewId }))
        .data as RestContent;
  }
}

export async function writeContentBody(octokit: Octokit, ref: ContentRef, body: string): Promise<void> {
  const { owner, repo } = ref;
  switch (ref.kind) {
    case "issue":
      await octokit.rest.issues.update({ owner, repo, issue_number: ref.number, body });
      return;
    case "issue_comment":
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: ref.commentId, body });
      return;
    case "review_comment":
      await octokit.rest.pulls.updateReviewComment({ owner, repo, comment_id: ref.commentId, body });
      return;
    case "review":
      throw new Error("only a review's author can edit its text");
  }
}

/** Rewrites an issue's body, read just before; see `GitHubPort.rewriteIssueBody`. */
export async function rewriteIssueBody(octokit: Octokit, { owner, repo }: RepoRef, issueNumber: number, rewrite: (body: string) => string | null): Promise<void> {
  const { data } = await octokit.rest.issues.get({ owner, repo, issue_number: issueNumber });
  const before = data.body ?? "";
  const after = rewrite(before);
  if (after !== null && after !== before) await octokit.rest.issues.update({ owner, repo, issue_number: issueNumber, body: after });
}

export async function minimize(octokit: Octokit, nodeId: string, classifier: HideClassifier): Promise<void> {
  try {
    await octokit.graphql(MINIMIZE, { id: nodeId, classifier });
  } catch (error) {
    if (isNotFound(error)) return; // deleted since it was flagged: nothing left to hide
    throw error;
  }
}

export async function unminimize(octokit: Octokit, nodeId: string): Promise<void> {
  try {
    await octokit.graphql(UNMINIMIZE, { id: nodeId });
  } catch (error) {
    if (isNotFound(error)) return;
    throw error;
  }
}

/** Locks the conversation, with GitHub's reason when one is given. */
export async function lockConversation(octokit: Octokit, { owner, repo }: RepoRef, issueNumber: number, reason: LockReason | null): Promise<void> {
  await octokit.rest.issues.lock({ owner, repo, issue_number: issueNumber, ...(reason ? { lock_reason: reason } : {}) });
}

export async function unlockConversation(octokit: Octokit, { owner, repo }: RepoRef, issueNumber: number): Promise<void> {
  try {
    await octokit.rest.issues.unlock({ owner, repo, issue_number: issueNumber });
  } catch (error) {
    // GitHub answers 404 for a conversation that is not locked.
    if (isNotFound(error)) return;
    throw error;
  }
}
