/**
 * Runs the real app behind Probot's own HTTP server, as `npm start` does:
 * webhooks arrive as signed HTTP POSTs and `GET /ping` is answered by Probot.
 * Tests use it to see what a client of the server sees while the app works.
 */
import { sign } from "@octokit/webhooks-methods";
import { randomUUID } from "node:crypto";
import { createServer, type AddressInfo } from "node:net";
import { Probot, ProbotOctokit, Server } from "probot";
import type { GitHubGateway } from "../../src/github/port.js";
import { createApp } from "../../src/index.js";
import type { WorkerDeps } from "../../src/actions/worker.js";
import type { Database } from "../../src/store/database.js";
import type { PagesOptions } from "../../src/web/serve-pages.js";
import { quietLog, TEST_PRIVATE_KEY, WEBHOOK_SECRET } from "./probot-harness.js";

export interface RunningServer {
  url: string;
  /** The dependencies the app's jobs run with, to run them in the test. */
  deps: WorkerDeps;
  /** Posts a signed webhook; resolves with the HTTP status once the server has answered. */
  deliver(name: string, payload: object): Promise<number>;
  /** `GET /ping`: resolves with the answer's text. */
  ping(): Promise<string>;
  stop(): Promise<void>;
}

export async function startProbotServer(options: {
  db: Database;
  gateway: GitHubGateway;
  now?: () => Date;
  /** The appeal and report pages, given the server's own address (APP_URL); none without it. */
  pages?: (url: string) => PagesOptions;
}): Promise<RunningServer> {
  // Probot's Server treats port 0 as "unset" and would take 3000: ask the system for a free one.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = new Server({
    port,
    host: "127.0.0.1",
    log: quietLog as never,
    Probot: Probot.defaults({
      appId: 1,
      privateKey: TEST_PRIVATE_KEY,
      secret: WEBHOOK_SECRET,
      Octokit: ProbotOctokit.defaults((o: Record<string, any>) => ({ ...o, retry: { enabled: false }, throttle: { ...o.throttle, enabled: false } })),
    }),
  });
  let deps: WorkerDeps | undefined;
  await server.load(
    createApp({ db: options.db, webHost: "github.com", gateway: options.gateway, now: options.now, onDeps: (d) => (deps = d), pages: options.pages?.(url) }),
  );
  await server.start();
  return {
    url,
    deps: deps!,
    async deliver(name, payload) {
      const body = JSON.stringify(payload);
      const response = await fetch(`${url}/api/github/webhooks`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": name,
          "x-github-delivery": randomUUID(),
          "x-hub-signature-256": await sign(WEBHOOK_SECRET, body),
        },
        body,
      });
      await response.arrayBuffer();
      return response.status;
    },
    async ping() {
      return (await fetch(`${url}/ping`)).text();
    },
    stop: () => server.stop(),
  };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
