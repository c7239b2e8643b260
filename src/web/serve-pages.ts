/**
 * Serves the appeal and report pages on the app's HTTP server: sign-in
 * through the configured GitHub instance, submissions limited per person.
 */
import type { ApplicationFunctionOptions } from "probot";
import type { Logger } from "pino";
import type { Database } from "../store/database.js";
import { databaseSubmissionLimiter } from "../store/web-rate-limits.js";
import { gitHubIdentity, type GitHubIdentity } from "./github-identity.js";
import { pagesHandler } from "./mount.js";
import { appPageSets, type PageSetDeps } from "./page-sets.js";
import { createWebApp, type WebPages } from "./web-app.js";
import type { SignInSettings } from "./web-settings.js";

export interface PagesOptions {
  /** Null when sign-in is not set up: the pages then say so. */
  settings: SignInSettings | null;
  /** Tests sign in against a stand-in; otherwise GitHub's web flow at the configured instance. */
  identity?: GitHubIdentity;
  /** The pages to serve: the app's own (appeals, reports) unless a test gives its own. */
  pageSets?: WebPages[];
  /** Submissions (appeals, reports) one person may make per hour. */
  submissionsPerHour?: number;
}

export function servePages(addHandler: ApplicationFunctionOptions["addHandler"], deps: { db: Database; log: Logger; now?: () => Date } & PageSetDeps, options: PagesOptions): void {
  const { settings } = options;
  const identity =
    options.identity ?? (settings ? gitHubIdentity(settings, (problem) => deps.log.warn({ err: problem }, "GitHub did not take back a sign-in token; it expires by itself")) : null);
  const web = createWebApp({
    db: deps.db,
    log: deps.log,
    now: deps.now,
    settings,
    identity,
    limiter: databaseSubmissionLimiter(deps.db, { points: options.submissionsPerHour ?? 10, perSeconds: 3600 }),
    pages: options.pageSets ?? appPageSets(deps),
  });
  addHandler(pagesHandler(web));
}
