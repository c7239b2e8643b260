/**
 * Reads a webhook for new content (a comment, a review, a review comment,
 * an issue or a pull request) as the app's ban enforcement sees it: whose
 * repositories it is in, who wrote it, where it is, and what enforcing a ban
 * on its author does to it. A comment, review or review comment can be
 * hidden; an issue or pull request body cannot (GitHub minimizes no bodies),
 * so its thread is closed and locked instead. Pure: no database, no GitHub.
 */
import type { RepoRef } from "../domain/repository.js";
import type { AuthoredEvent, AuthoredPayload } from "../events/payload-shapes.js";

export type EnforcedTarget =
  | { kind: "hide"; what: "comment" | "review" | "review comment"; nodeId: string }
  | { kind: "close"; what: "issue" | "pull request"; issueNumber: number };

export interface AuthoredContent {
  /** Lower-cased login of the repository's owner: the account whose bans apply. */
  account: string;
  repo: RepoRef;
  author: { login: string; id: number | null };
  url: string;
  target: EnforcedTarget;
}

/** A delivery whose payload fits `authoredShapes` for its event. */
export type AuthoredDelivery = { [E in AuthoredEvent]: { event: E; payload: AuthoredPayload<E> } }[AuthoredEvent];

/**
 * The deliveries a ban is enforced on: new content only. An edit is left alone, since what the
 * person wrote before the ban was not written in breach of it, and hiding it is the committee's call.
 */
const ENFORCED: Record<AuthoredEvent, string> = {
  issue_comment: "created",
  pull_request_review_comment: "created",
  pull_request_review: "submitted",
  issues: "opened",
  pull_request: "opened",
};

export function isEnforcedDelivery(event: string, action: unknown): event is AuthoredEvent {
  return Object.hasOwn(ENFORCED, event) && ENFORCED[event as AuthoredEvent] === action;
}

/** @returns the content and its author, or null when no person wrote it (a bot, or a deleted account) */
export function authoredContentOf(delivery: AuthoredDelivery): AuthoredContent | null {
  const { repository } = delivery.payload;
  const { user, url, target } = pick(delivery);
  // Bots (this app among them) are never banned people; a deleted account has no user.
  if (!user || user.type === "Bot") return null;
  return {
    account: repository.owner.login.toLowerCase(),
    repo: { owner: repository.owner.login, repo: repository.name },
    author: { login: user.login, id: user.id ?? null },
    url,
    target,
  };
}

type Person = AuthoredPayload<"issue_comment">["comment"]["user"];

function pick(delivery: AuthoredDelivery): { user: Person; url: string; target: EnforcedTarget } {
  switch (delivery.event) {
    case "issue_comment":
    case "pull_request_review_comment": {
      const { comment } = delivery.payload;
      const what = delivery.event === "issue_comment" ? "comment" : "review comment";
      return { user: comment.user, url: comment.html_url, target: { kind: "hide", what, nodeId: comment.node_id } };
    }
    case "pull_request_review": {
      const { review } = delivery.payload;
      return { user: review.user, url: review.html_url, target: { kind: "hide", what: "review", nodeId: review.node_id } };
    }
    case "issues": {
      const { issue } = delivery.payload;
      return { user: issue.user, url: issue.html_url, target: { kind: "close", what: "issue", issueNumber: issue.number } };
    }
    case "pull_request": {
      const { pull_request } = delivery.payload;
      return { user: pull_request.user, url: pull_request.html_url, target: { kind: "close", what: "pull request", issueNumber: pull_request.number } };
    }
  }
}
