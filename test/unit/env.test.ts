import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { logFormat, readEnv, SETTING_NAMES, webHost } from "../../src/env.js";

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
    [{ WEBHOOK_PROXY_URL: "http://smee.io/abc" }, /WEBHOOK_PROXY_URL: must be an https:\/\/ URL, such as a channel from https:\/\/smee.io\/new/],
    [{ WEBHOOK_PROXY_URL: "smee.io/abc" }, /WEBHOOK_PROXY_URL: must be an https:\/\/ URL/],
    [{ GH_ORG: "https://github.com/acme" }, /GH_ORG: must be an organization login/],
    [{ PORT: "http" }, /PORT/],
    [{ PORT: "70000" }, /PORT/],
    [{ WEBHOOK_PATH: "api/github/webhooks" }, /WEBHOOK_PATH: must be a path starting with \//],
    [{ LOG_LEVEL: "verbose" }, /LOG_LEVEL/],
    [{ LOG_FORMAT: "text" }, /LOG_FORMAT/],
    [{ SHUTDOWN_TIMEOUT_SECONDS: "0" }, /SHUTDOWN_TIMEOUT_SECONDS/],
    [{ SHUTDOWN_TIMEOUT_SECONDS: "soon" }, /SHUTDOWN_TIMEOUT_SECONDS/],
    [{ SMTP_URL: "https://mail.example.org", MAIL_FROM: "coc@example.org" }, /SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/],
    [{ SMTP_URL: "smtp.example.org:587", MAIL_FROM: "coc@example.org" }, /SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/],
    [{ SMTP_URL: "smtps://mail.example.org", MAIL_FROM: "the committee" }, /MAIL_FROM: must be an email address, optionally with a display name/],
    [{ SMTP_URL: "smtps://mail.example.org", MAIL_FROM: "coc@example.org\nBcc: all@example.org" }, /MAIL_FROM: must be an email address/],
    [{ SMTP_URL: "smtps://mail.example.org" }, /MAIL_FROM: is required when SMTP_URL is set/],
    [{ MAIL_FROM: "coc@example.org" }, /SMTP_URL: is required when MAIL_FROM is set/],
    [{ APP_URL: "http://coc.example.org" }, /APP_URL: must be the app's public address, such as https:\/\/coc.example.org \(http:\/\/ only for localhost\)/],
    [{ APP_URL: "https://coc.example.org/app" }, /APP_URL: must be the app's public address/],
    [{ APP_URL: "https://coc.example.org/?next=evil" }, /APP_URL: must be the app's public address/],
    [{ APP_URL: "coc.example.org" }, /APP_URL: must be the app's public address/],
    [{ GITHUB_CLIENT_ID: "Iv23li", APP_URL: "https://coc.example.org" }, /GITHUB_CLIENT_SECRET: is required for the appeal and report pages/],
    [{ GITHUB_CLIENT_SECRET: "s" }, /GITHUB_CLIENT_ID: is required[^]*APP_URL: is required/],
  ])("fails fast on %o", (env, message) => {
    // Probot types some settings (LOG_LEVEL) narrowly; the point here is values outside those types.
    expect(() => readEnv(env as Record<string, string>)).toThrow(message);
  });

  it("reads sign-in for the pages as all three settings, with the public address as an origin", () => {
    expect(readEnv({ GITHUB_CLIENT_ID: "Iv23liAbCd1234", GITHUB_CLIENT_SECRET: "s3cret", APP_URL: "https://coc.example.org/" })).toMatchObject({
      GITHUB_CLIENT_ID: "Iv23liAbCd1234",
      APP_URL: "https://coc.example.org",
    });
    expect(readEnv({ GITHUB_CLIENT_ID: "Iv1.abc", GITHUB_CLIENT_SECRET: "s", APP_URL: "http://localhost:3000" }).APP_URL).toBe("http://localhost:3000");
  });

  it("accepts a relay channel and an organization for the setup flow", () => {
    expect(readEnv({ WEBHOOK_PROXY_URL: "https://smee.io/AbCd1234", GH_ORG: "acme-org" })).toMatchObject({ WEBHOOK_PROXY_URL: "https://smee.io/AbCd1234", GH_ORG: "acme-org" });
  });

  it("reads the mail server and the sender of emails to people, with or without a display name", () => {
    expect(readEnv({ SMTP_URL: "smtps://coc:secret@smtp.example.org:465", MAIL_FROM: "Conduct committee <coc@example.org>" })).toMatchObject({
      SMTP_URL: "smtps://coc:secret@smtp.example.org:465",
      MAIL_FROM: { name: "Conduct committee", address: "coc@example.org" },
    });
    expect(readEnv({ SMTP_URL: "smtp://localhost:25", MAIL_FROM: '"ACME CoC" <coc@acme.example>' }).MAIL_FROM).toEqual({ name: "ACME CoC", address: "coc@acme.example" });
    expect(readEnv({ SMTP_URL: "smtp://localhost:25", MAIL_FROM: "coc@example.org" }).MAIL_FROM).toEqual({ name: null, address: "coc@example.org" });
    expect(readEnv({})).not.toHaveProperty("SMTP_URL");
  });

  it("never repeats the mail server's URL, which holds its password, in a start-up error", () => {
    const error = (() => {
      try {
        readEnv({ SMTP_URL: "imap://coc:hunter2@mail.example.org", MAIL_FROM: "coc@example.org" });
      } catch (thrown) {
        return (thrown as Error).message;
      }
      return "no error";
    })();
    expect(error).toContain("SMTP_URL: must be an smtp:// or smtps:// URL");
    expect(error).not.toContain("hunter2");
  });

  it("picks Probot's log format: JSON in production, pretty elsewhere, unless LOG_FORMAT says", () => {
    expect(logFormat(readEnv({ NODE_ENV: "production" }))).toBe("json");
    expect(logFormat(readEnv({}))).toBe("pretty");
    expect(logFormat(readEnv({ NODE_ENV: "production", LOG_FORMAT: "pretty" }))).toBe("pretty");
    expect(readEnv({})).toMatchObject({ LOG_LEVEL: "info", PORT: 3000, WEBHOOK_PATH: "/api/github/webhooks" });
  });

  it("are all explained in .env.example and in the settings table of the guide", () => {
    const example = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
    const guide = readFileSync(new URL("../../docs/getting-started.md", import.meta.url), "utf8");
    for (const name of SETTING_NAMES) {
      expect(example, name).toMatch(new RegExp(`^# .+\n# ${name}=`, "m"));
      expect(guide, name).toContain(`| \`${name}\` |`);
    }
  });

  it("accepts a full production configuration", () => {
    const env = readEnv({ APP_ID: "12", PRIVATE_KEY_PATH: "key.pem", WEBHOOK_SECRET: "s", DATABASE_URL: "postgresql://u@h/db", GHE_HOST: "ghe.example.com:8443", GHE_PROTOCOL: "https", SHUTDOWN_TIMEOUT_SECONDS: "50" });
    expect(env.SHUTDOWN_TIMEOUT_SECONDS).toBe(50);
    expect(webHost(env)).toBe("ghe.example.com:8443");
    expect(webHost(readEnv({}))).toBe("github.com");
  });
});
