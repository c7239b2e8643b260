/**
 * Runs the real app the way `npm start` does: Probot's HTTP server on
 * 127.0.0.1 with the app loaded and the job worker running on the database,
 * talking to the GitHub at `baseUrl` (the local stand-in). Webhooks arrive
 * signed, over HTTP, as GitHub sends them:
 *
 *   const app = await startAppServer({ database, baseUrl: stand.baseUrl, pacing: "production" });
 *   const delivery = await app.deliver("issue_comment", payload);   // { status: 200, sentAt, … }
 */
import { sign } from "@octokit/webhooks-methods";
import type { Runner } from "graphile-worker";
import { request } from "node:http";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { Probot, ProbotOctokit, Server, type Logger } from "probot";
import { createApp } from "../../src/index.js";
import type { Database } from "../../src/store/database.js";
import { quietLog, TEST_PRIVATE_KEY, WEBHOOK_SECRET } from "./probot-harness.js";

export const APP_ID = 1;
const WEBHOOK_PATH = "/api/github/webhooks";

export interface AppServerOptions {
  database: { db: Database; url: string };
  /** GitHub's REST base URL. */
  baseUrl: string;
  /**
   * "production": Octokit as Probot ships it, throttling (writes and GraphQL 1 s apart per
   * installation) and retries on. "off": both disabled, so a test does not wait on pacing.
   */
  pacing: "production" | "off";
  webHost?: string;
  log?: Logger;
  workerConcurrency?: number;
  settings?: { allowCrossAccountCases: boolean };
}

export interface Delivery {
  id: string;
  status: number;
  /** performance.now() just before the request was sent, and when its answer arrived. */
  sentAt: number;
  answeredAt: number;
}

export interface AppServer {
  deliver(name: string, payload: object, id?: string): Promise<Delivery>;
  /**
   * Resolves once all work is done: no action pending, and no job due or running (what is left are
   * the fallbacks of actions already done, which will find them done); rejects after `timeoutMs`.
   */
  idle(timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
}

/** How often `idle` looks at the queue: often enough to end a wait promptly, rarely enough not to load the database. */
const IDLE_POLL_MS = 50;

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const log = options.log ?? (quietLog as unknown as Logger);
  const port = await freePort();
  const unpaced =
    options.pacing === "off"
      ? {
          // A function, not an object: Probot passes its own `throttle` options, which would replace ours whole.
          Octokit: ProbotOctokit.defaults((octokitOptions: Record<string, any>) => ({
            ...octokitOptions,
            retry: { enabled: false },
            throttle: { ...octokitOptions.throttle, enabled: false },
          })),
        }
      : {};
  const server = new Server({
    Probot: Probot.defaults({ appId: APP_ID, privateKey: TEST_PRIVATE_KEY, secret: WEBHOOK_SECRET, baseUrl: options.baseUrl, log: log as never, ...unpaced }),
    host: "127.0.0.1",
    port,
    webhookPath: WEBHOOK_PATH,
    log: log as never,
  });
  let runner: Runner | undefined;
  await server.load(
    createApp({
      db: options.database.db,
      workerConnectionString: options.database.url,
      workerConcurrency: options.workerConcurrency ?? 4,
      webHost: options.webHost ?? "github.com",
      settings: options.settings ?? { allowCrossAccountCases: false },
      onWorkerStarted: (w) => (runner = w.runner),
    }),
  );
  await server.start();

  return {
    async deliver(name, payload, id = randomUUID()) {
      const body = JSON.stringify(payload);
      const signature = await sign(WEBHOOK_SECRET, body);
      const headers = {
        "content-type": "application/json",
        "user-agent": "GitHub-Hookshot/stand-in",
        "x-github-event": name,
        "x-github-delivery": id,
        "x-hub-signature-256": signature,
        "x-github-hook-installation-target-type": "integration",
        "x-github-hook-installation-target-id": String(APP_ID),
      };
      const sentAt = performance.now();
      const status = await new Promise<number>((resolve, reject) => {
        const req = request({ host: "127.0.0.1", port, path: WEBHOOK_PATH, method: "POST", headers }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        });
        req.on("error", reject);
        req.end(body);
      });
      return { id, status, sentAt, answeredAt: performance.now() };
    },
    async idle(timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const [row] = await options.database.db.$queryRawUnsafe<Array<{ n: number }>>(
          `SELECT (SELECT count(*) FROM graphile_worker._private_jobs WHERE run_at <= now() OR locked_at IS NOT NULL)::int
                + (SELECT count(*) FROM actions WHERE status = 'pending')::int AS n`,
        );
        if (row?.n === 0) return;
        if (performance.now() > deadline) throw new Error(`the job queue still held ${row?.n} job(s) after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS));
      }
    },
    async stop() {
      await server.stop();
      await runner?.stop();
    },
  };
}

/** Probot's server takes a port number (0 means its default, 3000), so ask the system for a free one first. */
async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve, reject) => probe.once("error", reject).listen(0, "127.0.0.1", () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
