import { describe, expect, it } from "vitest";
import { readEnv, webHost } from "../../src/env.js";

describe("process settings", () => {
  it("has defaults that run on a fresh machine with no settings", () => {
    expect(readEnv({})).toMatchObject({ DATA_DIR: ".data", WORKER_CONCURRENCY: 4, SHUTDOWN_TIMEOUT_SECONDS: 25 });
    expect(readEnv({}).DATABASE_URL).toBeUndefined();
  });

  it("treats empty values as unset", () => {
    expect(readEnv({ DATABASE_URL: "", APP_ID: "" }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL: must be a postgres/],
    [{ APP_ID: "abc" }, /APP_ID: must be the numeric App ID/],
    [{ APP_ID: "12" }, /PRIVATE_KEY: is required when APP_ID is set/],
    [{ APP_ID: "12", PRIVATE_KEY: "k" }, /WEBHOOK_SECRET: is required/],
    [{ GHE_HOST: "https://ghe.example.com" }, /GHE_HOST: must be a host name/],
    [{ GHE_PROTOCOL: "ftp" }, /GHE_PROTOCOL/],
    [{ WORKER_CONCURRENCY: "0" }, /WORKER_CONCURRENCY/],
    [{ SHUTDOWN_TIMEOUT_SECONDS: "0" }, /SHUTDOWN_TIMEOUT_SECONDS/],
    [{ SHUTDOWN_TIMEOUT_SECONDS: "soon" }, /SHUTDOWN_TIMEOUT_SECONDS/],
  ])("fails fast on %o", (env, message) => {
    expect(() => readEnv(env)).toThrow(message);
  });

  it("accepts a full production configuration", () => {
    const env = readEnv({ APP_ID: "12", PRIVATE_KEY_PATH: "key.pem", WEBHOOK_SECRET: "s", DATABASE_URL: "postgresql://u@h/db", GHE_HOST: "ghe.example.com:8443", GHE_PROTOCOL: "https", SHUTDOWN_TIMEOUT_SECONDS: "50" });
    expect(env.SHUTDOWN_TIMEOUT_SECONDS).toBe(50);
    expect(webHost(env)).toBe("ghe.example.com:8443");
    expect(webHost(readEnv({}))).toBe("github.com");
  });
});
