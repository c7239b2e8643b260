/**
 * Webhook payloads for tests, built from GitHub's real examples
 * (@octokit/webhooks-examples) with only the fields a test cares about changed.
 */
import { createRequire } from "node:module";
import { fakeAccountId } from "../../src/github/in-memory-github.js";

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as Array<{
  name: string;
  examples: Array<Record<string, unknown> & { action?: string }>;
}>;

type Json = Record<string, any>;

/** A deep copy of the first real example for an event and action. */
export function realPayload(event: string, action: string): Json {
  // Events without actions (push) are asked for with "".
  const found = examples.find((e) => e.name === event)?.examples.find((x) => (x.action ?? "") === action);
  if (!found) throw new Error(`no webhook example for ${event}.${action}`);
  return structuredClone(found) as Json;
}

export interface Place {
  owner?: string;
  repo?: string;
  installationId?: number;
  sender?: string;
  /** The GitHub account id of the sender, who writes the content; by default the one the fake GitHub gives their login. */
  senderId?: number;
}

function placed(payload: Json, place: Place): Json {
  const owner = place.owner ?? "acme";
  const repo = place.repo ?? "widgets";
  payload.repository = { ...payload.repository, name: repo, full_name: `${owner}/${repo}`, owner: { ...payload.repository.owner, login: owner } };
  payload.installation = { id: place.installationId ?? 4242, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI0Mg==" };
  const sender = place.sender ?? "mod-maria";
  payload.sender = { ...payload.sender, login: sender, id: place.senderId ?? fakeAccountId(sender), type: "User" };
  return payload;
}

export function issueCommentCreated(options: Place & { body: string; commentId?: number; issueNumber?: number; isPullRequest?: boolean; authorType?: string }): Json {
  const payload = placed(realPayload("issue_comment", "created"), options);
  const owner = payload.repository.owner.login;
  const repo = payload.repository.name;
  const number = options.issueNumber ?? 7;
  const id = options.commentId ?? 9001;
  payload.issue = { ...payload.issue, number, html_url: `https://github.com/${owner}/${repo}/issues/${number}` };
  if (options.isPullRequest) payload.issue.pull_request = { url: `https://api.github.com/repos/${owner}/${repo}/pulls/${number}` };
  else delete payload.issue.pull_request;
  payload.comment = {
    ...payload.comment,
    id,
    node_id: `IC_command${id}`,
    body: options.body,
    html_url: `https://github.com/${owner}/${repo}/issues/${number}#issuecomment-${id}`,
    user: { ...payload.comment.user, login: payload.sender.login, id: payload.sender.id, type: options.authorType ?? "User" },
  };
  return payload;
}

export function issueCommentEdited(options: Parameters<typeof issueCommentCreated>[0] & { previousBody: string }): Json {
  const payload = issueCommentCreated(options);
  payload.action = "edited";
  payload.changes = { body: { from: options.previousBody } };
  return payload;
}

export function reviewCommentCreated(options: Place & { body: string; commentId?: number; pullNumber?: number }): Json {
  const payload = placed(realPayload("pull_request_review_comment", "created"), options);
  const owner = payload.repository.owner.login;
  const repo = payload.repository.name;
  const number = options.pullNumber ?? 12;
  const id = options.commentId ?? 7001;
  payload.pull_request = { ...payload.pull_request, number };
  payload.comment = {
    ...payload.comment,
    id,
    node_id: `PRRC_comment${id}`,
    body: options.body,
    html_url: `https://github.com/${owner}/${repo}/pull/${number}#discussion_r${id}`,
    user: { ...payload.comment.user, login: payload.sender.login, id: payload.sender.id, type: "User" },
  };
  return payload;
}

export function reviewSubmitted(options: Place & { body: string; reviewId?: number; pullNumber?: number }): Json {
  const payload = placed(realPayload("pull_request_review", "submitted"), options);
  const owner = payload.repository.owner.login;
  const repo = payload.repository.name;
  const number = options.pullNumber ?? 12;
  const id = options.reviewId ?? 5001;
  payload.pull_request = { ...payload.pull_request, number };
  payload.review = {
    ...payload.review,
    id,
    node_id: `PRR_review${id}`,
    body: options.body,
    html_url: `https://github.com/${owner}/${repo}/pull/${number}#pullrequestreview-${id}`,
    user: { ...payload.review.user, login: payload.sender.login, id: payload.sender.id, type: "User" },
  };
  return payload;
}

/** An issue the sender opened. */
export function issueOpened(options: Place & { issueNumber?: number; title?: string; body?: string }): Json {
  const payload = placed(realPayload("issues", "opened"), options);
  const number = options.issueNumber ?? 40;
  payload.issue = {
    ...payload.issue,
    number,
    node_id: `I_issue${number}`,
    title: options.title ?? "A new issue",
    body: options.body ?? "",
    html_url: `https://github.com/${payload.repository.full_name}/issues/${number}`,
    user: { ...payload.issue.user, login: payload.sender.login, id: payload.sender.id, type: "User" },
  };
  return payload;
}

/** A pull request the sender opened. */
export function pullRequestOpened(options: Place & { pullNumber?: number; title?: string }): Json {
  const payload = placed(realPayload("pull_request", "opened"), options);
  const number = options.pullNumber ?? 41;
  payload.number = number;
  payload.pull_request = {
    ...payload.pull_request,
    number,
    node_id: `PR_pull${number}`,
    title: options.title ?? "A new pull request",
    html_url: `https://github.com/${payload.repository.full_name}/pull/${number}`,
    user: { ...payload.pull_request.user, login: payload.sender.login, id: payload.sender.id, type: "User" },
  };
  return payload;
}

export function repositoryPrivatized(options: Place): Json {
  const payload = placed(realPayload("repository", "privatized"), options);
  payload.repository.private = true;
  return payload;
}

/** Any other `repository` action (publicized, edited, archived…), on the repository as it is now. */
export function repositoryChanged(options: Place & { action: string }): Json {
  return placed(realPayload("repository", options.action), options);
}

/** GitHub's examples of renames and transfers are public repositories; a cases repository is private. */
function withVisibility(payload: Json, isPrivate: boolean | undefined): Json {
  if (isPrivate !== undefined) {
    payload.repository.private = isPrivate;
    payload.repository.visibility = isPrivate ? "private" : "public";
  }
  return payload;
}

/** A repository renamed to `repo` from `from`. */
export function repositoryRenamed(options: Place & { from: string; private?: boolean }): Json {
  const payload = withVisibility(placed(realPayload("repository", "renamed"), options), options.private);
  payload.changes = { repository: { name: { from: options.from } } };
  return payload;
}

/** A repository transferred to `owner` from a user's account or, with `fromOrganization`, an organization. */
export function repositoryTransferred(options: Place & { from: string; fromOrganization?: boolean; private?: boolean }): Json {
  const payload = withVisibility(placed(realPayload("repository", "transferred"), options), options.private);
  const previous = payload.changes.owner.from.user;
  payload.changes.owner.from = options.fromOrganization
    ? { organization: { id: previous.id, node_id: previous.node_id, login: options.from, url: `https://api.github.com/orgs/${options.from}` } }
    : { user: { ...previous, login: options.from } };
  return payload;
}

/** A collaborator's access to a repository changed (`member.added` or `member.edited`; GitHub sends `removed` too). */
export function memberChanged(options: Place & { action?: "added" | "edited" | "removed"; member: string }): Json {
  const payload = placed(realPayload("member", options.action === "edited" ? "edited" : "added"), options);
  payload.action = options.action ?? "added";
  payload.member = { ...payload.member, login: options.member };
  return payload;
}

/** A push to a repository's default branch (unless `ref` says otherwise). */
export function pushed(options: Place & { ref?: string }): Json {
  const payload = placed(realPayload("push", ""), options);
  payload.repository.default_branch = "main";
  payload.ref = options.ref ?? "refs/heads/main";
  return payload;
}

/** An owner blocks or unblocks someone by hand on GitHub (or the app does, with `senderType: "Bot"`). */
export function orgBlock(options: { action: "blocked" | "unblocked"; org?: string; login: string; userId: number; sender?: string; senderType?: string }): Json {
  const payload = realPayload("org_block", "blocked");
  payload.action = options.action;
  payload.organization = { ...payload.organization, login: options.org ?? "acme" };
  payload.blocked_user = { ...payload.blocked_user, login: options.login, id: options.userId };
  payload.sender = { ...payload.sender, login: options.sender ?? "owner-olga", type: options.senderType ?? "User" };
  payload.installation = { id: 4242, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI0Mg==" };
  return payload;
}
