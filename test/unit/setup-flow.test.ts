/**
 * Probot's setup flow, served by the app's server when it has no credentials:
 * it creates a relay channel so GitHub is not handed a localhost webhook URL,
 * and the credentials GitHub gives back land in a `.env` only its owner can
 * read.
 */
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestServer, type ServerHarness } from "../support/server-harness.js";

const CHANNEL = "https://smee.io/SetupFlowTest";

describe.skipIf(process.platform === "win32")("the setup flow", () => {
  const environment = { ...process.env };
  let dir: string;
  let server: ServerHarness | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "coc-setup-"));
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    await rm(dir, { recursive: true, force: true });
    // The setup flow writes what it learns into process.env too.
    for (const key of Object.keys(process.env)) if (!(key in environment)) delete process.env[key];
    Object.assign(process.env, environment);
  });

  it("registers the app with a relay channel and saves the credentials owner-only", async () => {
    const dotenvPath = join(dir, ".env");
    let handlerLoaded = false;
    server = await startTestServer({
      appFn: () => void (handlerLoaded = true),
      env: (port) => ({ HOST: "127.0.0.1", PORT: String(port) }),
      extra: { dotenvPath, createChannel: async () => CHANNEL },
    });

    // The channel is created as the setup flow starts, and saved.
    expect(parseEnv(await readFile(dotenvPath, "utf8"))).toEqual({ WEBHOOK_PROXY_URL: CHANNEL });
    expect((await stat(dotenvPath)).mode & 0o777).toBe(0o600);
    const page = await (await fetch(`${server.url}/probot`)).text();
    // The manifest GitHub will be sent, as JSON in the page's form.
    expect(/"hook_attributes":\{"url":"([^"]*)"\}/.exec(page)?.[1]).toBe(CHANNEL);

    // What the setup page posts once an app is imported.
    const response = await fetch(`${server.url}/probot/import`, {
      method: "POST",
      body: JSON.stringify({ appId: "123", pem: "-----BEGIN RSA PRIVATE KEY-----\nkey\n-----END RSA PRIVATE KEY-----", webhook_secret: "from-github" }),
    });
    expect(response.status).toBe(200);
    expect((await stat(dotenvPath)).mode & 0o777).toBe(0o600);
    expect(parseEnv(await readFile(dotenvPath, "utf8"))).toEqual({
      WEBHOOK_PROXY_URL: CHANNEL,
      APP_ID: "123",
      PRIVATE_KEY: "-----BEGIN RSA PRIVATE KEY-----\nkey\n-----END RSA PRIVATE KEY-----",
      WEBHOOK_SECRET: "from-github",
    });
    expect(handlerLoaded).toBe(false); // nothing of the app runs before it has credentials
  });
});

