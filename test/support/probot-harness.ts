/**
 * Runs the real app inside a real Probot instance for integration tests:
 * webhooks go through Probot's signature verification, and the job queue is
 * drained on demand so a test can look at the state between steps.
 */
import type { TrustedConfigOptions } from "../../src/config/trusted-config.js";
import { sign } from "@octokit/webhooks-methods";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Probot, ProbotOctokit } from "probot";
import { pino } from "pino";
import { drainDueJobs, type WorkerDeps } from "../../src/actions/worker.js";
import type { GitHubGateway } from "../../src/github/port.js";
import type { Mailer } from "../../src/mail/mailer.js";
import { createApp } from "../../src/index.js";
import type { BannedPeople } from "../../src/bans/banned-people.js";
import type { TestDatabase } from "./test-database.js";

export const WEBHOOK_SECRET = "test-webhook-secret";
const WEBHOOK_PATH = "/api/github/webhooks";

export const TEST_PRIVATE_KEY = generateKeyPairSync("rsa", { modulusLength: 2048 })
  .privateKey.export({ type: "pkcs1", format: "pem" })
  .toString();

export const quietLog = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });

export interface Harness {
  probot: Probot;
  deliver(name: string, payload: object, id?: string): Promise<string>;
  /** Runs due jobs; with `only`, just those tasks (e.g. to stop "the process" before any GitHub action runs). */
  drain(only?: string[]): Promise<void>;
  /** Serves Probot's webhook endpoint over HTTP on loopback, so a test sees the status GitHub would get. */
  listen(): Promise<{ webhookUrl: string; close(): Promise<void> }>;
  /** The app's set of people it bans itself. Not reloaded on a timer here: a test calls `refresh()`, as the timer would. */
  bannedPeople: BannedPeople;
}

export async function startHarness(options: {
  database: Pick<TestDatabase, "db" | "url">;
  gateway?: GitHubGateway;
  webHost?: string;
  baseUrl?: string;
  now?: () => Date;
  settings?: TrustedConfigOptions;
  /** Emails notices to people, as with SMTP_URL set; none by default. */
  mailer?: Mailer;
}): Promise<Harness> {
  const probot = new Probot({
    appId: 1,
    privateKey: TEST_PRIVATE_KEY,
    secret: WEBHOOK_SECRET,
    log: quietLog as never,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    // Retries and pacing are production behaviour; in tests they only add waiting (a second per write).
    // A function, not an object: Probot passes its own `throttle` options, which would replace ours whole.
    Octokit: ProbotOctokit.defaults((options: Record<string, any>) => ({
      ...options,
      retry: { enabled: false },
      throttle: { ...options.throttle, enabled: false },
    })),
  });
  const webHost = options.webHost ?? "github.com";
  const settings = options.settings ?? { allowCrossAccountCases: false };
  // The jobs run with exactly the app's own dependencies (its cache included), only with a quiet log.
  let appDeps: WorkerDeps | undefined;
  let bannedPeople: BannedPeople | undefined;
  await probot.load(
    createApp({
      db: options.database.db,
      webHost,
      gateway: options.gateway,
      now: options.now,
      settings,
      mailer: options.mailer,
      onDeps: (d) => (appDeps = d),
      // Harnesses are never stopped: a timer each would keep querying databases of finished tests.
      bansRefreshMs: 0,
      onBannedPeople: (b) => (bannedPeople = b),
    }),
  );
  await probot.ready();
  const deps: WorkerDeps = { ...appDeps!, log: quietLog as never };
  return {
    probot,
    bannedPeople: bannedPeople!,
    async deliver(name, payload, id = randomUUID()) {
      const body = JSON.stringify(payload);
      await probot.webhooks.verifyAndReceive({ id, name: name as never, payload: body, signature: await sign(WEBHOOK_SECRET, body) });
      return id;
    },
    drain: (only) => drainDueJobs(options.database.url, deps, only),
    async listen() {
      const middleware = await probot.getNodeMiddleware({ path: WEBHOOK_PATH });
      const server = createServer((request, response) => {
        void middleware(request, response, () => response.writeHead(404).end());
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const { port } = server.address() as AddressInfo;
      return {
        webhookUrl: `http://127.0.0.1:${port}${WEBHOOK_PATH}`,
        close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
      };
    },
  };
}
