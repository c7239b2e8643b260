/**
 * Process settings, validated at start-up so a bad value stops the app with a
 * clear message instead of failing later. Probot reads its own settings
 * (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, GHE_HOST, …); they are checked here too.
 */
import { z } from "zod";

const envSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection string")
      .optional(),
    DATA_DIR: z.string().min(1).default(".data"),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    // How long a stopping process lets running jobs finish before it gives them back to the queue.
    // Fits Kubernetes' default 30 s grace period; Docker's default 10 s needs `--stop-timeout 30` (docs/operations.md).
    SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(25),
    APP_ID: z.string().regex(/^\d+$/, "must be the numeric App ID").optional(),
    PRIVATE_KEY: z.string().optional(),
    PRIVATE_KEY_PATH: z.string().optional(),
    WEBHOOK_SECRET: z.string().optional(),
    GHE_HOST: z
      .string()
      .regex(/^[A-Za-z0-9.-]+(:\d+)?$/, "must be a host name, optionally with a port, without protocol or path")
      .optional(),
    GHE_PROTOCOL: z.enum(["http", "https"]).optional(),
  })
  .superRefine((env, ctx) => {
    const hasKey = Boolean(env.PRIVATE_KEY || env.PRIVATE_KEY_PATH);
    if (env.APP_ID && !hasKey) {
      ctx.addIssue({ code: "custom", path: ["PRIVATE_KEY"], message: "is required when APP_ID is set (or set PRIVATE_KEY_PATH)" });
    }
    if (env.APP_ID && hasKey && !env.WEBHOOK_SECRET) {
      ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "is required when APP_ID is set" });
    }
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

/** Host that flag links must point to: github.com, or the GitHub Enterprise Server host. */
export function webHost(env: Pick<AppEnv, "GHE_HOST">): string {
  return env.GHE_HOST ?? "github.com";
}
