/**
 * Runs the built app (`node dist/src/main.js`, what `npm start` and the Docker
 * image run) as a child process on loopback, so tests can send it signed
 * webhooks, stop it with SIGTERM or kill it with SIGKILL, and start it again
 * on the same database. `dist/` is built once per test run (build-app.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { TEST_PRIVATE_KEY, WEBHOOK_SECRET } from "./probot-harness.js";

const MAIN = fileURLToPath(new URL("../../dist/src/main.js", import.meta.url));

export interface AppProcess {
  webhookUrl: string;
  /** Resolves with how the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  kill(signal: NodeJS.Signals): void;
  /** Everything it printed, for a failing test's message. */
  output(): string;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * @param settings the app's own settings for this run: DATABASE_URL or DATA_DIR, SHUTDOWN_TIMEOUT_SECONDS, …
 * @param gheHost the GitHub stand-in, as host:port
 */
export async function startAppProcess(settings: Record<string, string>, gheHost: string): Promise<AppProcess> {
  const port = await freePort();
  // A working directory of its own: no .env of the developer's is read.
  const cwd = await mkdtemp(join(tmpdir(), "coc-app-cwd-"));
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    cwd,
    // Only what the app is given here: nothing of the test runner's environment (DATABASE_URL…) leaks in.
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? cwd,
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      APP_ID: "1",
      PRIVATE_KEY: TEST_PRIVATE_KEY,
      WEBHOOK_SECRET,
      GHE_HOST: gheHost,
      GHE_PROTOCOL: "http",
      HOST: "127.0.0.1",
      PORT: String(port),
      ...settings,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let printed = "";
  child.stdout?.on("data", (chunk: Buffer) => (printed += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (printed += chunk.toString("utf8")));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once("exit", (code, signal) => {
      const at = Date.now();
      void rm(cwd, { recursive: true, force: true }).finally(() => resolve({ code, signal, at }));
    }),
  );
  const base = `http://127.0.0.1:${port}`;
  // Ready once Probot answers /ping; the worker started before the server did.
  const deadline = Date.now() + 60_000;
  let ended = false;
  void exited.then(() => (ended = true));
  for (;;) {
    if (ended) throw new Error(`the app exited while starting:\n${printed}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the app did not start within 60 s:\n${printed}`);
    }
    const pong = await fetch(`${base}/ping`).then((r) => r.text(), () => "");
    if (pong === "PONG") break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    webhookUrl: `${base}/api/github/webhooks`,
    exited,
    kill: (signal) => void child.kill(signal),
    output: () => printed,
  };
}
