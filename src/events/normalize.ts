/**
 * Turns the three webhooks that can carry a `/coc` command (issue comments,
 * pull request review comments, reviews) into one shape. Bots, including this
 * app, are ignored; on an edited comment only commands that are new run.
 */
import type { EmitterWebhookEvent } from "@octokit/webhooks";
import { extractCommands, newCommands, type ParsedCommand } from "../commands/grammar.js";
import type { CommandLocation } from "../github/port.js";
import type { CommandEvent } from "./command-event.js";

export type CommandWebhook =
  | EmitterWebhookEvent<"issue_comment.created" | "issue_comment.edited">
  | EmitterWebhookEvent<"pull_request_review_comment.created" | "pull_request_review_comment.edited">
  | EmitterWebhookEvent<"pull_request_review.submitted" | "pull_request_review.edited">;

interface Written {
  body: string;
  previousBody: string | null;
  authorType: string;
  location: CommandLocation;
  url: string;
  issueNumber: number;
  isPullRequest: boolean;
}

export function commandEventsFrom(webhook: CommandWebhook): CommandEvent[] {
  const { payload } = webhook;
  const installationId = payload.installation?.id;
  if (installationId === undefined || payload.sender.type === "Bot") return [];
  const written = describe(webhook);
  if (!written || written.authorType === "Bot") return [];
  const commands = written.previousBody === null ? extractCommands(written.body) : newCommands(written.previousBody, written.body);
  if (commands.length === 0) return [];
  const remainingBody = bodyWithoutCommands(written.body, extractCommands(written.body));
  return commands.map((command, commandIndex) => ({
    deliveryId: webhook.id,
    commandIndex,
    installationId,
    repo: { owner: payload.repository.owner.login, repo: payload.repository.name },
    issueNumber: written.issueNumber,
    isPullRequest: written.isPullRequest,
    sender: payload.sender.login,
    location: written.location,
    locationUrl: written.url,
    remainingBody,
    command,
  }));
}

function describe(webhook: CommandWebhook): Written | null {
  const owner = webhook.payload.repository.owner.login;
  const repo = webhook.payload.repository.name;
  const edited = webhook.payload.action === "edited";
  const from = edited ? ((webhook.payload as { changes?: { body?: { from?: string } } }).changes?.body?.from ?? null) : null;
  // An edit that did not touch the body cannot add a command.
  if (edited && from === null) return null;
  switch (webhook.name) {
    case "issue_comment": {
      const { comment, issue } = webhook.payload;
      return {
        body: comment.body ?? "",
        previousBody: from,
        authorType: comment.user?.type ?? "User",
        location: { kind: "issue_comment", owner, repo, commentId: comment.id },
        url: comment.html_url,
        issueNumber: issue.number,
        isPullRequest: Boolean(issue.pull_request),
      };
    }
    case "pull_request_review_comment": {
      const { comment, pull_request } = webhook.payload;
      return {
        body: comment.body ?? "",
        previousBody: from,
        authorType: comment.user?.type ?? "User",
        location: { kind: "review_comment", owner, repo, commentId: comment.id },
        url: comment.html_url,
        issueNumber: pull_request.number,
        isPullRequest: true,
      };
    }
    case "pull_request_review": {
      const { review, pull_request } = webhook.payload;
      return {
        body: review.body ?? "",
        previousBody: from,
        authorType: review.user?.type ?? "User",
        location: { kind: "review", owner, repo, nodeId: review.node_id },
        url: review.html_url,
        issueNumber: pull_request.number,
        isPullRequest: true,
      };
    }
  }
}

/** What is left of a comment once every `/coc` line is taken out; null when nothing is. */
export function bodyWithoutCommands(body: string, commands: ParsedCommand[]): string | null {
  const lines = new Set(commands.map((c) => c.line));
  const kept = body.split(/\r?\n/).filter((line) => !lines.has(line.trim()));
  const text = kept.join("\n");
  return text.trim() === "" ? null : text;
}
