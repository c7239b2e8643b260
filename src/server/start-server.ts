/**
 * Starts the app's HTTP server with Probot's `run()`: webhooks on
 * `/api/github/webhooks` (or WEBHOOK_PATH), `GET /ping`, GitHub Enterprise
 * Server through GHE_HOST, and Probot's setup flow when the app has no
 * credentials yet. On top of what `run()` does:
 *
 * - logs go through the app's redacting logger, so no line carries a payload;
 * - a signed body that is JSON but not an object is a 400, not a 500, and every
 *   delivery that fails is logged with its delivery ID;
 * - the setup flow writes `.env` readable by its owner only.
 */
import { run, type ApplicationFunction } from "probot";
import type { Logger } from "pino";
import { writeDotenv } from "../private-dotenv.js";
import { guardWebhookIntake } from "./guard-webhook-intake.js";

export interface ServerOptions {
  appFn: ApplicationFunction;
  log: Logger;
  /** Settings as Probot reads them: APP_ID, PRIVATE_KEY(_PATH), WEBHOOK_SECRET, GHE_HOST, PORT, HOST, WEBHOOK_PATH… */
  env: NodeJS.ProcessEnv;
  /** Where the setup flow writes the credentials; `.env` in the working directory by default. */
  dotenvPath?: string;
}

export interface RunningServer {
  host: string;
  port: number;
  stop(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const sigintBefore = new Set(process.listeners("SIGINT"));
  const server = await run(
    async (app, appOptions) => {
      guardWebhookIntake(app.webhooks);
      await options.appFn(app, appOptions);
    },
    {
      env: options.env,
      log: options.log,
      updateEnv: (values) => writeDotenv(values, options.dotenvPath),
    },
  );
  // run() adds a SIGINT handler that exits at once; whoever started the server decides how to stop.
  for (const listener of process.listeners("SIGINT")) if (!sigintBefore.has(listener)) process.off("SIGINT", listener);

  return {
    host: server.host,
    port: server.port,
    stop: () => server.stop(),
  };
}
