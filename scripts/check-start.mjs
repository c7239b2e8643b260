/**
 * Starts the built app (`dist/src/main.js`, what `npm start` runs) on the Node
 * that runs this script, in an empty directory with test credentials in a
 * `.env` others can read, and checks what a newcomer would see:
 *
 *   npm run build && node scripts/check-start.mjs
 *
 * - it answers GET /ping with PONG (the Docker health check);
 * - `.env` is readable by its owner only after start-up, with one line saying so;
 * - a webhook with a wrong signature gets 400, a signed one it cannot read 200,
 *   and neither body appears in the logs;
 * - SIGTERM stops it with exit code 0.
 */
import { spawn } from "node:child_process";
import { createHmac, generateKeyPairSync } from "node:crypto";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const main = resolve(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "../dist/src/main.js");
const SECRET = "content-that-stays-out-of-logs-5d1e";
const WEBHOOK_SECRET = "check-start-secret";

const dir = await mkdtemp(join(tmpdir(), "coc-check-start-"));
const port = await freePort();
const key = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
// As Probot's setup flow writes it, and with the default mode a newcomer's editor would give it.
await writeFile(join(dir, ".env"), `APP_ID=1\nPRIVATE_KEY="${key.replace(/\n/g, "\\n")}"\nWEBHOOK_SECRET=${WEBHOOK_SECRET}\n`, { mode: 0o644 });

let output = "";
// Only what a fresh shell has: no settings of this machine's own app leak in.
const app = spawn(process.execPath, [main], {
  cwd: dir,
  env: { PATH: process.env.PATH, HOME: dir, PORT: String(port), HOST: "127.0.0.1", LOG_FORMAT: "json" },
  stdio: ["ignore", "pipe", "pipe"],
});
app.stdout.on("data", (chunk) => (output += chunk));
app.stderr.on("data", (chunk) => (output += chunk));
const exited = new Promise((resolve) => app.on("exit", (code, signal) => resolve(code ?? signal)));

try {
  const base = `http://127.0.0.1:${port}`;
  const pong = await waitForPing(base);
  check(pong === "PONG", `GET /ping answered ${JSON.stringify(pong)}`);

  const mode = (await stat(join(dir, ".env"))).mode & 0o777;
  check(mode === 0o600, `.env has mode ${mode.toString(8)} after start-up, not 600`);
  check(output.includes(".env could be read by other users (mode 0644)"), "no log line says .env was tightened");

  const flag = JSON.stringify({ action: "created", comment: { body: `/coc flag ${SECRET}` }, repository: null, sender: { login: "mod", type: "User" } });
  const forged = await post(base, flag, `sha256=${"0".repeat(64)}`);
  check(forged === 400, `a wrongly signed webhook got ${forged}, not 400`);
  const unreadable = await post(base, flag, `sha256=${createHmac("sha256", WEBHOOK_SECRET).update(flag).digest("hex")}`);
  check(unreadable === 200, `a signed webhook without a repository got ${unreadable}, not 200`);

  app.kill("SIGTERM");
  const code = await Promise.race([exited, delay(30_000).then(() => "still running 30 s after SIGTERM")]);
  check(code === 0, `the app ended with ${code} on SIGTERM, not exit code 0`);
  check(!output.includes(SECRET), "a webhook body appears in the logs");
  console.log(`check-start: Node ${process.version}: /ping answered PONG, .env is 0600, webhooks answered 400 and 200 without logging their bodies, SIGTERM exited 0`);
} catch (error) {
  console.error(`check-start failed on Node ${process.version}: ${error.message}\n--- app output ---\n${output}`);
  process.exitCode = 1;
} finally {
  app.kill("SIGKILL");
  await rm(dir, { recursive: true, force: true });
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function waitForPing(base) {
  for (let waited = 0; waited < 60_000; waited += 250) {
    if (app.exitCode !== null) throw new Error(`the app exited with ${app.exitCode} before answering`);
    try {
      const response = await fetch(`${base}/ping`);
      return await response.text();
    } catch {
      await delay(250);
    }
  }
  throw new Error("the app did not answer GET /ping within 60 s");
}

async function post(base, body, signature) {
  const response = await fetch(`${base}/api/github/webhooks`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", "x-github-event": "issue_comment", "x-github-delivery": crypto.randomUUID(), "x-hub-signature-256": signature },
  });
  return response.status;
}

// Unref'd: a wait that lost a race must not keep this script alive.
function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

// Probot reads PORT=0 as "use 3000": take a free port from the system instead.
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
