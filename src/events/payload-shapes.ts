/**
 * What the app requires of a webhook payload before it reads one: only the
 * fields its handlers and normalize.ts use, with their types. A signed
 * delivery that does not fit (no `comment`, `repository: null`, a number for a
 * body) is answered 200 and ignored with one log line naming the field,
 * instead of a handler throwing and GitHub being answered 500:
 *
 *   ignored issue_comment.created: comment.body: Invalid input: expected string, received number
 *
 * Everything else in a payload is left as it is and passed on unchanged.
 */
import { z } from "zod";

const login = z.object({ login: z.string() });

const repository = z.object({
  name: z.string(),
  owner: login,
  private: z.boolean(),
  visibility: z.string().nullish(),
});

// GitHub omits the author of content whose account was deleted; normalize.ts then assumes a user.
const author = z.object({ type: z.string() }).nullish();

const commentFields = {
  id: z.number().int(),
  body: z.string().nullish(),
  user: author,
  html_url: z.string(),
};

const commentWebhook = z.object({
  action: z.string(),
  installation: z.object({ id: z.number().int() }).nullish(),
  sender: z.object({ login: z.string(), type: z.string() }),
  repository,
  changes: z.object({ body: z.object({ from: z.string() }).nullish() }).nullish(),
});

/** The payloads of the events that may carry a `/coc` command, by event name. */
const commentShapes: Record<string, z.ZodType> = {
  issue_comment: commentWebhook.extend({
    comment: z.object(commentFields),
    issue: z.object({ number: z.number().int() }),
  }),
  pull_request_review_comment: commentWebhook.extend({
    comment: z.object(commentFields),
    pull_request: z.object({ number: z.number().int() }),
  }),
  pull_request_review: commentWebhook.extend({
    review: z.object({ body: z.string().nullish(), user: author, node_id: z.string(), html_url: z.string() }),
    pull_request: z.object({ number: z.number().int() }),
  }),
};

export const repositoryEventShape = z.object({ repository });

// What the app reads to enforce a ban on new content (see `bans/authored-content.ts`): who wrote it, and where it is.
const person = z.object({ login: z.string(), id: z.number().int().nullish(), type: z.string() }).nullish();
const hideable = z.object({ user: person, node_id: z.string(), html_url: z.string() });
const thread = z.object({ user: person, number: z.number().int(), html_url: z.string() });

/** The payloads of the events whose new content a ban the app enforces acts on, by event name. */
export const authoredShapes = {
  issue_comment: z.object({ repository, comment: hideable }),
  pull_request_review_comment: z.object({ repository, comment: hideable }),
  pull_request_review: z.object({ repository, review: hideable }),
  issues: z.object({ repository, issue: thread }),
  pull_request: z.object({ repository, pull_request: thread }),
};

export type AuthoredEvent = keyof typeof authoredShapes;
export type AuthoredPayload<E extends AuthoredEvent = AuthoredEvent> = z.infer<(typeof authoredShapes)[E]>;

/** @returns why a payload cannot be read for ban enforcement, or undefined when it can */
export function authoredPayloadProblem(eventName: string, payload: unknown): string | undefined {
  const shape = (authoredShapes as Record<string, z.ZodType>)[eventName];
  return shape ? payloadProblem(shape, payload) : `no payload shape for ${eventName}`;
}

export const installationRepositoriesShape = z.object({
  installation: z.object({ account: z.object({ login: z.string().optional(), slug: z.string().optional() }).nullish() }),
  repositories_added: z.array(z.object({ name: z.string(), private: z.boolean() })),
});

/** @returns why a comment webhook cannot be read, or undefined when it can */
export function commentPayloadProblem(eventName: string, payload: unknown): string | undefined {
  const shape = commentShapes[eventName];
  return shape ? payloadProblem(shape, payload) : `no payload shape for ${eventName}`;
}

/**
 * @returns the first field that does not fit and why, or undefined when the payload fits.
 * Zod's messages name the expected and received types, never the value.
 */
export function payloadProblem(shape: z.ZodType, payload: unknown): string | undefined {
  const result = shape.safeParse(payload);
  if (result.success) return undefined;
  const [issue] = result.error.issues;
  const path = issue && issue.path.length > 0 ? issue.path.join(".") : "payload";
  return `${path}: ${issue?.message ?? "does not fit"}`;
}
