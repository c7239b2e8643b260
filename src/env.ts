/**
 * Process settings, validated at start-up so a bad value stops the app with a
 * clear message instead of failing later. Probot reads its own settings
 * (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, GHE_HOST, PORT, …); they are checked
 * here too, and the app reads the logging and relay ones itself. `.env.example`
 * lists them all.
 */
import { z } from "zod";
import { parseMailbox } from "./mail/mailbox.js";

const settings = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection string")
    .optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  // How long a stopping process lets running jobs finish before it gives them back to the queue.
  // Fits Kubernetes' default 30 s grace period; Docker's default 10 s needs `--stop-timeout 30` (docs/operations.md).
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(25),
  // Whoever owns a cases repository reads every case in it: another account's repository must be allowed on purpose.
  ALLOW_CROSS_ACCOUNT_CASES: z
    .enum(["true", "false"], { error: "must be true or false" })
    .default("false")
    .transform((value) => value === "true"),
  // Together, they let notices reach people who cannot read the cases repository by email, at their public GitHub address.
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, hostname: /^.+$/, error: "must be an smtp:// or smtps:// URL, such as smtps://user:password@smtp.example.org" })
    .optional(),
  MAIL_FROM: z
    .string()
    .transform((value, ctx) => {
      const mailbox = parseMailbox(value);
      if (mailbox) return mailbox;
      ctx.addIssue({ code: "custom", message: "must be an email address, optionally with a display name, such as Conduct committee <coc@example.org>" });
      return z.NEVER;
    })
    .optional(),
  APP_ID: z.string().regex(/^\d+$/, "must be the numeric App ID").optional(),
  PRIVATE_KEY: z.string().optional(),
  PRIVATE_KEY_PATH: z.string().optional(),
  WEBHOOK_SECRET: z.string().optional(),
  GHE_HOST: z
    .string()
    .regex(/^[A-Za-z0-9.-]+(:\d+)?$/, "must be a host name, optionally with a port, without protocol or path")
    .optional(),
  GHE_PROTOCOL: z.enum(["http", "https"]).optional(),
  // Only for registering and trying the app from a machine GitHub cannot reach: every webhook passes through the relay.
  WEBHOOK_PROXY_URL: z.url({ protocol: /^https$/, error: "must be an https:// URL, such as a channel from https://smee.io/new" }).optional(),
  WEBHOOK_PATH: z.string().startsWith("/", "must be a path starting with /").default("/api/github/webhooks"),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  HOST: z.string().optional(),
  // Sign-in for the appeal and report pages: the GitHub App's own client (Probot's setup flow writes both to .env).
  GITHUB_CLIENT_ID: z.string().regex(/^[A-Za-z0-9._-]+$/, "must be the GitHub App's client ID, such as Iv23liAbCd1234").optional(),
  GITHUB_CLIENT_SECRET: z.string().optional(),
  // The app's public address: links in notices, and the base of the sign-in callback registered on GitHub.
  APP_URL: z
    .string()
    .transform((value, ctx) => {
      const origin = publicOrigin(value);
      if (origin) return origin;
      ctx.addIssue({ code: "custom", message: "must be the app's public address, such as https://coc.example.org (http:// only for localhost), without a path" });
      return z.NEVER;
    })
    .optional(),
  GH_ORG: z
    .string()
    .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/, "must be an organization login, without https:// or a path")
    .optional(),
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal"]).default("info"),
  LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
  LOG_LEVEL_IN_STRING: z.enum(["true", "false"]).optional(),
  LOG_MESSAGE_KEY: z.string().optional(),
  SENTRY_DSN: z.string().optional(),
  NODE_ENV: z.string().optional(),
});

/** The names of the settings checked here; `.env.example` explains each. */
export const SETTING_NAMES = Object.keys(settings.shape);

const envSchema = settings.superRefine((env, ctx) => {
  const hasKey = Boolean(env.PRIVATE_KEY || env.PRIVATE_KEY_PATH);
  if (env.APP_ID && !hasKey) {
    ctx.addIssue({ code: "custom", path: ["PRIVATE_KEY"], message: "is required when APP_ID is set (or set PRIVATE_KEY_PATH)" });
  }
  if (env.APP_ID && hasKey && !env.WEBHOOK_SECRET) {
    ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "is required when APP_ID is set" });
  }
  // One without the other would leave email half set up: notices would silently keep going by hand.
  if (env.SMTP_URL && !env.MAIL_FROM) ctx.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "is required when SMTP_URL is set" });
  // The pages need all three to sign anyone in; two of three is a half-finished set-up worth stopping for.
  const signIn = [env.GITHUB_CLIENT_ID, env.GITHUB_CLIENT_SECRET, env.APP_URL];
  if (signIn.some(Boolean) && !signIn.every(Boolean)) {
    for (const [name, value] of [["GITHUB_CLIENT_ID", env.GITHUB_CLIENT_ID], ["GITHUB_CLIENT_SECRET", env.GITHUB_CLIENT_SECRET], ["APP_URL", env.APP_URL]] as const) {
      if (!value) ctx.addIssue({ code: "custom", path: [name], message: "is required for the appeal and report pages when GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET or APP_URL is set" });
    }
  }
  if (env.MAIL_FROM && !env.SMTP_URL) ctx.addIssue({ code: "custom", path: ["SMTP_URL"], message: "is required when MAIL_FROM is set" });
});

export type AppEnv = z.output<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): AppEnv {
  // Treat empty strings (common in .env files) as unset.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid settings:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** Probot's rule: JSON lines in production, readable text elsewhere, unless LOG_FORMAT says otherwise. */
export function logFormat(env: Pick<AppEnv, "LOG_FORMAT" | "NODE_ENV">): "json" | "pretty" {
  return env.LOG_FORMAT ?? (env.NODE_ENV === "production" ? "json" : "pretty");
}

/**
 * The origin of a public address: https, or http for a loopback host (trying the app locally), no path, query or
 * credentials. Links are built from it, so anything else would be copied into every notice.
 */
export function publicOrigin(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const loopback = url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) return undefined;
  if (url.username || url.password || url.search || url.hash || (url.pathname !== "/" && url.pathname !== "")) return undefined;
  return url.origin;
}

/** Host that flag links must point to: github.com, or the GitHub Enterprise Server host. */
export function webHost(env: Pick<AppEnv, "GHE_HOST">): string {
  return env.GHE_HOST ?? "github.com";
}
