/**
 * Turns the three webhooks that can carry a `/coc` command (issue comments,
 * pull request review comments, reviews) into one shape. Bots, including this
 * app, are ignored, and so is any body that cannot hold a command, cheaply,
 * before anything is stored.
 */
import type { EmitterWebhookEvent } from "@octokit/webhooks";
import { mayHoldCommand } from "../commands/grammar.js";
import type { CommentEvent } from "./comment-event.js";

export type CommentWebhook =
  | EmitterWebhookEvent<"issue_comment.created" | "issue_comment.edited">
  | EmitterWebhookEvent<"pull_request_review_comment.created" | "pull_request_review_comment.edited">
  | EmitterWebhookEvent<"pull_request_review.submitted" | "pull_request_review.edited">;

type Written = Pick<CommentEvent, "body" | "location" | "locationUrl" | "issueNumber" | "isPullRequest"> & { authorType: string };

export function commentEventFrom(webhook: CommentWebhook): CommentEvent | null {
  const { payload } = webhook;
  const installationId = payload.installation?.id;
  if (installationId === undefined || payload.sender.type === "Bot") return null;
  const edited = payload.action === "edited";
  const previousBody = edited ? ((payload as { changes?: { body?: { from?: string } } }).changes?.body?.from ?? null) : null;
  // An edit that did not touch the body cannot add a command.
  if (edited && previousBody === null) return null;
  const written = describe(webhook);
  if (written.authorType === "Bot" || !mayHoldCommand(written.body)) return null;
  const { authorType: _ignored, ...rest } = written;
  return {
    deliveryId: webhook.id,
    installationId,
    repo: { owner: payload.repository.owner.login, repo: payload.repository.name },
    // `internal` repositories say private: true but are readable by a whole enterprise.
    repoIsPrivate: (payload.repository.visibility ?? (payload.repository.private ? "private" : "public")) === "private",
    sender: payload.sender.login,
    previousBody,
    ...rest,
  };
}

function describe(webhook: CommentWebhook): Written {
  const owner = webhook.payload.repository.owner.login;
  const repo = webhook.payload.repository.name;
  switch (webhook.name) {
    case "issue_comment": {
      const { comment, issue } = webhook.payload;
      return {
        body: comment.body ?? "",
        authorType: comment.user?.type ?? "User",
        location: { kind: "issue_comment", owner, repo, commentId: comment.id },
        locationUrl: comment.html_url,
        issueNumber: issue.number,
        isPullRequest: Boolean(issue.pull_request),
      };
    }
    case "pull_request_review_comment": {
      const { comment, pull_request } = webhook.payload;
      return {
        body: comment.body ?? "",
        authorType: comment.user?.type ?? "User",
        location: { kind: "review_comment", owner, repo, commentId: comment.id },
        locationUrl: comment.html_url,
        issueNumber: pull_request.number,
        isPullRequest: true,
      };
    }
    case "pull_request_review": {
      const { review, pull_request } = webhook.payload;
      return {
        body: review.body ?? "",
        authorType: review.user?.type ?? "User",
        location: { kind: "review", owner, repo, nodeId: review.node_id },
        locationUrl: review.html_url,
        issueNumber: pull_request.number,
        isPullRequest: true,
      };
    }
  }
}
