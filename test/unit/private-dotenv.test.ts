/**
 * `.env` holds the private key and the webhook secret: whatever writes it, and
 * whatever mode it was left in, after start-up only its owner can read it.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tightenDotenv, writeDotenv } from "../../src/private-dotenv.js";

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe.skipIf(process.platform === "win32")(".env permissions", () => {
  let dir: string;
  let path: string;
  const environment = { ...process.env };
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "coc-dotenv-"));
    path = join(dir, ".env");
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
    // writeDotenv updates process.env, as Probot's setup flow expects.
    for (const key of Object.keys(process.env)) if (!(key in environment)) delete process.env[key];
    Object.assign(process.env, environment);
  });

  it("tightens a .env that others can read at start-up, and says so in one line", async () => {
    await writeFile(path, "WEBHOOK_SECRET=s3cret\n", { mode: 0o644 });
    const lines: string[] = [];
    expect(tightenDotenv({ warn: (line) => lines.push(line) }, path)).toBe(true);
    expect(await modeOf(path)).toBe(0o600);
    expect(lines).toEqual([".env could be read by other users (mode 0644); it is now readable by its owner only (0600)"]);
    expect(await readFile(path, "utf8")).toBe("WEBHOOK_SECRET=s3cret\n");
  });

  it("leaves a private .env, or none, alone and quiet", async () => {
    const lines: string[] = [];
    expect(tightenDotenv({ warn: (line) => lines.push(line) }, path)).toBe(false);
    await writeFile(path, "APP_ID=1\n", { mode: 0o600 });
    expect(tightenDotenv({ warn: (line) => lines.push(line) }, path)).toBe(false);
    expect(await modeOf(path)).toBe(0o600);
    expect(lines).toEqual([]);
  });

  it("writes the setup flow's credentials owner-only, whatever the umask, in Probot's format", async () => {
    const umask = process.umask(0);
    try {
      writeDotenv({ APP_ID: "12", PRIVATE_KEY: '"-----BEGIN KEY-----\nabc\n-----END KEY-----\n"' }, path);
    } finally {
      process.umask(umask);
    }
    expect(await modeOf(path)).toBe(0o600);
    expect(await readFile(path, "utf8")).toBe('APP_ID=12\nPRIVATE_KEY="-----BEGIN KEY-----\\nabc\\n-----END KEY-----\\n"');
    expect(process.env.APP_ID).toBe("12");
  });

  it("merges into an existing .env and closes it up before writing secrets into it", async () => {
    await writeFile(path, "WEBHOOK_PROXY_URL=https://smee.io/abc\n", { mode: 0o644 });
    const merged = writeDotenv({ WEBHOOK_SECRET: "new" }, path);
    expect(merged).toEqual({ WEBHOOK_PROXY_URL: "https://smee.io/abc", WEBHOOK_SECRET: "new" });
    expect(await modeOf(path)).toBe(0o600);
    expect(await readFile(path, "utf8")).toBe("WEBHOOK_PROXY_URL=https://smee.io/abc\nWEBHOOK_SECRET=new");
  });
});
