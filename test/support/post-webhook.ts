/**
 * Sends a webhook the way GitHub does: an HTTP POST with the event name, the
 * delivery id and an HMAC signature of the body, e.g.
 *   await postWebhook(`${url}/api/github/webhooks`, SECRET, "issue_comment", payload)
 *   // → { status: 200, id: "…" }
 * Tests that must see the answer GitHub would see (a 500 instead of a 2xx)
 * use this rather than handing the payload to Probot directly.
 */
import { sign } from "@octokit/webhooks-methods";
import { randomUUID } from "node:crypto";

export interface DeliveryAnswer {
  id: string;
  status: number;
}

export async function postWebhook(url: string, secret: string, name: string, payload: object, id: string = randomUUID()): Promise<DeliveryAnswer> {
  const body = JSON.stringify(payload);
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": name,
      "x-github-delivery": id,
      "x-hub-signature-256": await sign(secret, body),
    },
    body,
  });
  await response.arrayBuffer();
  return { id, status: response.status };
}
