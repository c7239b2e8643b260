/**
 * Process entry for `npm start`: validates settings, opens the database
 * (embedded PGlite under DATA_DIR when DATABASE_URL is unset), applies
 * migrations, and starts Probot's server with the job worker. Without GitHub
 * App credentials Probot serves its setup flow to register the app.
 */
import { join } from "node:path";
import type { QueueWorker } from "./actions/worker.js";
import type { BannedPeople } from "./bans/banned-people.js";
import { createApp } from "./index.js";
import { loadDotenv } from "./load-dotenv.js";
import { logFormat, readEnv, webHost } from "./env.js";
import { createLog } from "./logging/create-log.js";
import { createSmtpMailer } from "./mail/smtp-mailer.js";
import { tightenDotenv } from "./private-dotenv.js";
import { startServer } from "./server/start-server.js";
import { signInSettings } from "./web/web-settings.js";
import { openDatabase } from "./store/database.js";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./store/embedded-postgres.js";
import { prepareDatabase } from "./store/prepare-database.js";

async function main(): Promise<void> {
  // Probot reads .env too, but only inside run(); the app's own settings are needed before that.
  loadDotenv();
  const env = readEnv();
  const log = await createLog({
    level: env.LOG_LEVEL,
    format: logFormat(env),
    levelInString: env.LOG_LEVEL_IN_STRING === "true",
    messageKey: env.LOG_MESSAGE_KEY,
    sentryDsn: env.SENTRY_DSN,
  });
  tightenDotenv(log);
  let embedded: EmbeddedPostgres | undefined;
  let url = env.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: join(env.DATA_DIR, "pglite") });
    url = embedded.url;
    console.info(`Using embedded PostgreSQL in ${join(env.DATA_DIR, "pglite")} (set DATABASE_URL to use a PostgreSQL server)`);
  }
  const applied = await prepareDatabase(url);
  if (applied.length > 0) console.info(`Applied migrations: ${applied.join(", ")}`);

  const db = openDatabase(url);
  // readEnv guarantees both or neither.
  const mailer = env.SMTP_URL && env.MAIL_FROM ? createSmtpMailer(env.SMTP_URL, env.MAIL_FROM) : null;
  if (mailer) console.info(`Notices to people who cannot read the cases repository are emailed from ${mailer.from.address} when their GitHub profile shows an email`);
  const pages = signInSettings(env);
  console.info(
    pages
      ? `Appeal and report pages at ${pages.appUrl}/appeal/<case code> and ${pages.appUrl}/report, signing people in at ${webHost(env)}`
      : "Appeal and report pages are not set up (set GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET and APP_URL); they say so to visitors",
  );
  let worker: QueueWorker | undefined;
  let banned: BannedPeople | undefined;
  const server = await startServer({
    appFn: createApp({
      db,
      workerConnectionString: url,
      workerConcurrency: env.WORKER_CONCURRENCY,
      // No other process can open the embedded database, so any job lock found at start-up is a dead process's.
      queueOwnership: embedded ? "exclusive" : "shared",
      webHost: webHost(env),
      settings: { allowCrossAccountCases: env.ALLOW_CROSS_ACCOUNT_CASES, appealPagesUrl: pages?.appUrl ?? null },
      mailer,
      onWorkerStarted: (w) => (worker = w),
      onBannedPeople: (b) => (banned = b),
      pages: { settings: pages },
    }),
    log,
    env: process.env,
  });

  // Signals stop the app in order below: the worker and the embedded database must close before the process exits.
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
  const shutdown = async () => {
    // Whatever still hangs once the jobs were finished or given back must not hold the process past its grace period.
    setTimeout(() => process.exit(1), (env.SHUTDOWN_TIMEOUT_SECONDS + 5) * 1000).unref();
    await server.stop();
    await worker?.stop(env.SHUTDOWN_TIMEOUT_SECONDS * 1000);
    // No reload may start on a database being closed.
    banned?.stop();
    await db.$disconnect();
    await embedded?.stop();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown());
  process.once("SIGINT", () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
