/**
 * The webhook side of commands: records the delivery and queues the comment
 * for the command job, in one statement, then answers GitHub. Parsing and
 * every GitHub call happen later in the job, so a webhook is answered in
 * milliseconds, and a redelivery (same `x-github-delivery`) changes nothing.
 */
import type { Database } from "../store/database.js";
import { takeDelivery } from "../store/deliveries.js";
import { commentEventFrom, type CommentWebhook } from "./normalize.js";

/**
 * A failing comment job is retried this many times before its author is told of an internal error:
 * with the queue's backoff, about three and a half hours, so a GitHub incident does not leave a
 * command in public because its configuration or permission could not be read meanwhile.
 */
export const COMMENT_JOB_MAX_ATTEMPTS = 10;

/** @returns whether the comment was queued */
export async function receiveCommentWebhook(db: Database, webhook: CommentWebhook): Promise<boolean> {
  const event = commentEventFrom(webhook);
  if (!event) return false;
  return takeDelivery(
    db,
    { id: webhook.id, event: webhook.name },
    {
      task: "handle-comment",
      payload: event as unknown as Record<string, unknown>,
      jobKey: `comment:${event.deliveryId}`,
      maxAttempts: COMMENT_JOB_MAX_ATTEMPTS,
    },
  );
}
