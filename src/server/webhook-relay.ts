/**
 * Receives webhooks through a relay channel (WEBHOOK_PROXY_URL, e.g. from
 * https://smee.io/new) and forwards each one to the app's own webhook path,
 * so the app can be registered and tried from a laptop GitHub cannot reach.
 * Probot starts such a relay only under `probot run` (it imports smee-client
 * through npx); this does the same under `npm start`.
 *
 *   WEBHOOK_PROXY_URL=https://smee.io/AbCd1234 npm start
 */
import { SmeeClient } from "smee-client";
import type { Logger } from "pino";

export interface RelayOptions {
  source: string;
  target: string;
  logger: { info(message: string): void; error(message: string): void };
}

export interface Relay {
  start(): Promise<unknown>;
  stop(): Promise<void>;
}

export type RelayConstructor = new (options: RelayOptions) => Relay;

export async function startWebhookRelay(options: { source: string; target: string; log: Logger; Relay?: RelayConstructor }): Promise<Relay> {
  const log = options.log.child({ name: "relay" });
  const Relay = options.Relay ?? SmeeClient;
  const relay = new Relay({
    source: options.source,
    target: options.target,
    // smee-client logs each forwarded delivery as "POST <target> - <status>": the URL and status only.
    logger: { info: (message) => log.info(String(message)), error: (message) => log.error(String(message)) },
  });
  try {
    await relay.start();
  } catch (error) {
    await relay.stop();
    throw new Error(`The webhook relay did not connect to WEBHOOK_PROXY_URL: ${describe(error)}`);
  }
  return relay;
}

// The relay rejects with an EventSource error event, not an Error.
function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === "string" && message !== "" ? message : "connection failed";
}
