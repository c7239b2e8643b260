/**
 * Two guards on how @octokit/webhooks 14 takes in a delivery, so that every
 * delivery it cannot take is answered 4xx and logged once with its delivery ID:
 *
 * - a correctly signed body that is JSON but not an object (`null`, `5`,
 *   `"text"`, `[]`) is answered 400. @octokit/webhooks would answer 500: it
 *   tests `"action" in payload` on whatever JSON.parse returned, and its
 *   middleware then reads `error.errors` of the TypeError that throws. GitHub
 *   never sends such a body; anyone holding the secret could, and a 500
 *   invites redelivering something that can never work;
 * - an error that does not say which delivery it belongs to (a body that is
 *   not JSON at all) is given the delivery ID and event name, so its log line
 *   names them (see logging/redact-log.ts).
 */

interface WebhookEvent {
  id: string;
  name: string;
  payload: string;
  signature: string;
}

interface VerifyingWebhooks {
  verify(payload: string, signature: string): Promise<boolean>;
  verifyAndReceive(event: WebhookEvent): Promise<void>;
}

/** Wraps `webhooks.verifyAndReceive`, the method Probot's webhook middleware calls for each delivery. */
export function guardWebhookIntake(webhooks: VerifyingWebhooks): void {
  const verifyAndReceive = webhooks.verifyAndReceive.bind(webhooks);
  webhooks.verifyAndReceive = async (event) => {
    const delivery = { id: event.id, name: event.name };
    // Text that opens with "{" parses to an object or not at all (a 400 from @octokit/webhooks):
    // only other bodies are looked at, so a normal delivery is neither verified nor parsed twice.
    if (typeof event.payload === "string" && !/^\s*\{/.test(event.payload) && (await isSigned(webhooks, event)) && isJsonNonObject(event.payload)) {
      const error = Object.assign(new Error("webhook payload is not a JSON object"), { status: 400, event: delivery });
      // The middleware answers with the status of the first of `errors`, as for its own errors.
      throw Object.assign(new AggregateError([error], error.message), { event: delivery });
    }
    return verifyAndReceive(event).catch((error: unknown) => {
      if (error instanceof Error && !("event" in error)) Object.assign(error, { event: delivery });
      throw error;
    });
  };
}

async function isSigned(webhooks: VerifyingWebhooks, event: WebhookEvent): Promise<boolean> {
  return webhooks.verify(event.payload, event.signature).catch(() => false);
}

function isJsonNonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value !== "object" || value === null || Array.isArray(value);
  } catch {
    return false;
  }
}
