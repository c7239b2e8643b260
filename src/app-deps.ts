/**
 * What the app's jobs run with, put together in one place: the GitHub gateway
 * behind the shared cache, the sender limit, the mailer, the settings and the clock. The
 * Probot app and the tests that run jobs themselves use the same wiring.
 */
import type { Logger } from "probot";
import type { WorkerDeps } from "./actions/worker.js";
import { SenderLimit } from "./commands/sender-limit.js";
import type { TrustedConfigOptions } from "./config/trusted-config.js";
import { CachingGateway } from "./github/cached-github.js";
import type { GitHubGateway } from "./github/port.js";
import type { Mailer } from "./mail/mailer.js";
import type { Database } from "./store/database.js";
import { DatabaseCache } from "./store/github-cache.js";

export interface AppDepsOptions {
  db: Database;
  gateway: GitHubGateway;
  webHost: string;
  settings?: TrustedConfigOptions;
  /** Created once from `SMTP_URL` at start-up; none without it. */
  mailer?: Mailer | null;
  log: Logger;
  now?: () => Date;
  /** See `ActionDeps.bansChanged`. */
  bansChanged?: () => void;
}

export function buildAppDeps(options: AppDepsOptions): { deps: WorkerDeps; cache: DatabaseCache } {
  const cache = new DatabaseCache(options.db);
  const deps: WorkerDeps = {
    db: options.db,
    gateway: new CachingGateway(options.gateway, cache),
    webHost: options.webHost,
    settings: options.settings ?? { allowCrossAccountCases: false },
    senders: new SenderLimit(cache),
    mailer: options.mailer ?? null,
    log: options.log,
    now: options.now ?? (() => new Date()),
    bansChanged: options.bansChanged,
  };
  return { deps, cache };
}
