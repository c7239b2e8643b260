/**
 * Runs the app's real HTTP server (startServer, as `npm start` does) on a free
 * loopback port, with the app's own logger writing JSON lines into memory, so
 * a test can post deliveries over HTTP and read exactly what would have been
 * logged.
 */
import { sign } from "@octokit/webhooks-methods";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { Writable } from "node:stream";
import type { ApplicationFunction } from "probot";
import { createLog, type LogLevel } from "../../src/logging/create-log.js";
import { startServer, type ServerOptions } from "../../src/server/start-server.js";
import { TEST_PRIVATE_KEY, WEBHOOK_SECRET } from "./probot-harness.js";

export type LogLine = Record<string, any> & { level: number; msg?: string };

export interface ServerHarness {
  url: string;
  port: number;
  /** Every line logged so far, parsed, and the raw text of each. */
  lines: LogLine[];
  text: string[];
  /** Posts a webhook; signed with the test secret unless `signature` is given. */
  post(event: string, body: string, options?: { id?: string; signature?: string }): Promise<{ id: string; status: number; body: string }>;
  /** Waits until a line matches (Probot logs the HTTP request line last, when the response is finished). */
  waitForLine(match: (line: LogLine) => boolean): Promise<LogLine>;
  stop(): Promise<void>;
}

export const credentials = (port: number): NodeJS.ProcessEnv => ({
  APP_ID: "1",
  PRIVATE_KEY: TEST_PRIVATE_KEY,
  WEBHOOK_SECRET,
  HOST: "127.0.0.1",
  PORT: String(port),
});

export async function startTestServer(options: {
  appFn: ApplicationFunction;
  /** Settings beyond the port; the test app's credentials unless given. */
  env?: (port: number) => NodeJS.ProcessEnv;
  level?: LogLevel;
  extra?: Partial<Pick<ServerOptions, "Relay" | "createChannel" | "dotenvPath">>;
}): Promise<ServerHarness> {
  const port = await freePort();
  const lines: LogLine[] = [];
  const text: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const raw of chunk.toString().split("\n").filter(Boolean)) {
        text.push(raw);
        lines.push(JSON.parse(raw));
      }
      done();
    },
  });
  const log = await createLog({ level: options.level ?? "info", format: "json", destination });
  const server = await startServer({ appFn: options.appFn, log, env: (options.env ?? credentials)(port), ...options.extra });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    lines,
    text,
    async post(event, body, { id = randomUUID(), signature } = {}) {
      const response = await fetch(`${url}/api/github/webhooks`, {
        method: "POST",
        body,
        headers: {
          "content-type": "application/json",
          "x-github-event": event,
          "x-github-delivery": id,
          "x-hub-signature-256": signature ?? (await sign(WEBHOOK_SECRET, body)),
        },
      });
      return { id, status: response.status, body: await response.text() };
    },
    async waitForLine(match) {
      for (let waited = 0; waited < 5_000; waited += 10) {
        const found = lines.find(match);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`no matching log line; logged:\n${text.join("\n")}`);
    },
    stop: () => server.stop(),
  };
}

/** The HTTP line pino-http writes for a request once its response is finished; its request ID is the delivery ID. */
export const httpLineFor = (id: string) => (line: LogLine) => line.req?.id === id && line.res !== undefined;

// Probot's server cannot listen on port 0 (it reads 0 as "use 3000"): ask the system for a free port first.
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
