/**
 * Starts the app's HTTP server with Probot's `run()`: webhooks on
 * `/api/github/webhooks` (or WEBHOOK_PATH), `GET /ping`, GitHub Enterprise
 * Server through GHE_HOST, and Probot's setup flow when the app has no
 * credentials yet. On top of what `run()` does:
 *
 * - logs go through the app's redacting logger, so no line carries a payload;
 * - a signed body that is JSON but not an object is a 400, not a 500, and every
 *   delivery that fails is logged with its delivery ID;
 * - the setup flow writes `.env` readable by its owner only;
 * - with WEBHOOK_PROXY_URL set, webhooks arrive through that relay channel.
 */
import { run, type ApplicationFunction } from "probot";
import type { Logger } from "pino";
import { SmeeClient } from "smee-client";
import { writeDotenv } from "../private-dotenv.js";
import { guardWebhookIntake } from "./guard-webhook-intake.js";
import { startWebhookRelay, type Relay, type RelayConstructor } from "./webhook-relay.js";

export interface ServerOptions {
  appFn: ApplicationFunction;
  log: Logger;
  /** Settings as Probot reads them: APP_ID, PRIVATE_KEY(_PATH), WEBHOOK_SECRET, GHE_HOST, PORT, HOST, WEBHOOK_PATH, WEBHOOK_PROXY_URL… */
  env: NodeJS.ProcessEnv;
  /** Where the setup flow writes the credentials; `.env` in the working directory by default. */
  dotenvPath?: string;
  /** Tests substitute these; the defaults are smee-client's. */
  Relay?: RelayConstructor;
  createChannel?: () => Promise<string | undefined>;
}

export interface RunningServer {
  host: string;
  port: number;
  /** Stops the relay, then the HTTP server. */
  stop(): Promise<void>;
}

const DEFAULT_WEBHOOK_PATH = "/api/github/webhooks";

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { WEBHOOK_PROXY_URL: relaySource, ...probotEnv } = options.env;
  let serving = false;
  const sigintBefore = new Set(process.listeners("SIGINT"));
  const server = await run(
    async (app, appOptions) => {
      serving = true;
      guardWebhookIntake(app.webhooks);
      await options.appFn(app, appOptions);
    },
    {
      // Without WEBHOOK_PROXY_URL, so that Probot's server does not start a relay of its own
      // (it would import smee-client through npx); the setup flow still reads it from process.env.
      env: probotEnv,
      log: options.log,
      updateEnv: (values) => writeDotenv(values, options.dotenvPath),
      SmeeClient: { createChannel: options.createChannel ?? (() => SmeeClient.createChannel()) },
    },
  );
  // run() adds a SIGINT handler that exits at once; whoever started the server decides how to stop.
  for (const listener of process.listeners("SIGINT")) if (!sigintBefore.has(listener)) process.off("SIGINT", listener);

  let relay: Relay | undefined;
  // In the setup flow nothing can receive webhooks yet, so there is nothing to relay to.
  if (serving && relaySource) {
    const target = `http://${server.host}:${server.port}${probotEnv.WEBHOOK_PATH || DEFAULT_WEBHOOK_PATH}`;
    try {
      relay = await startWebhookRelay({ source: relaySource, target, log: options.log, Relay: options.Relay });
    } catch (error) {
      await server.stop();
      throw error;
    }
  }
  return {
    host: server.host,
    port: server.port,
    async stop() {
      await relay?.stop();
      await server.stop();
    },
  };
}
