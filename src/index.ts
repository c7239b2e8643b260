/**
 * The Probot app: wires the database, the GitHub gateway and the job worker,
 * and registers the webhooks the app listens to. No logic lives here.
 */
import type { ApplicationFunctionOptions, Context, Probot } from "probot";
import type { QueueOwnership } from "./actions/lock-recovery.js";
import { startWorker, type QueueWorker, type WorkerDeps } from "./actions/worker.js";
import { WorkerWakeup } from "./actions/worker-wakeup.js";
import { invalidateCache, INVALIDATING_EVENTS } from "./events/cache-invalidation.js";
import { commentPayloadProblem, installationRepositoriesShape, payloadProblem, repositoryEventShape } from "./events/payload-shapes.js";
import { buildAppDeps } from "./app-deps.js";
import { BANS_REFRESH_MS, BannedPeople } from "./bans/banned-people.js";
import { enforceBanOnDelivery } from "./bans/enforce-on-delivery.js";
import { receiveCommentWebhook } from "./events/receive-comment.js";
import { orgBlockShape, receiveOrgBlock } from "./events/org-block.js";
import { ProbotGitHubGateway } from "./github/probot-gateway.js";
import type { GitHubGateway, RepoRef } from "./github/port.js";
import { loadTrustedConfig } from "./config/trusted-config.js";
import { defaultCocConfig } from "./config/schema.js";
import type { Mailer } from "./mail/mailer.js";
import { pendingCaseIssueActions, requeueActions } from "./store/actions.js";
import { loadAppEnforcedBans } from "./store/bans.js";
import type { Database } from "./store/database.js";
import type { TrustedConfigOptions } from "./config/trusted-config.js";
import { servePages, type PagesOptions } from "./web/serve-pages.js";

export interface AppOptions {
  db: Database;
  /** Connection string for the job queue; the worker starts only when given. */
  workerConnectionString?: string;
  workerConcurrency?: number;
  /** "exclusive" for the embedded database, which no other process can use; "shared" for a PostgreSQL server. */
  queueOwnership?: QueueOwnership;
  webHost: string;
  /** Process settings that bound what `.github/coc.yml` may say. */
  settings?: TrustedConfigOptions;
  /** Tests substitute the in-memory fake; production resolves installations through Probot. */
  gateway?: GitHubGateway;
  /** Emails notices to people who cannot read the cases repository; none when `SMTP_URL` is unset. */
  mailer?: Mailer | null;
  now?: () => Date;
  onWorkerStarted?: (worker: QueueWorker) => void;
  /** Hands out the dependencies the app's jobs run with, e.g. for tests that run jobs themselves. */
  onDeps?: (deps: WorkerDeps) => void;
  /** How often the set of people the app bans itself is reloaded; 0 for never (tests reload it themselves). */
  bansRefreshMs?: number;
  /** Hands out that set: to stop its reloads on shutdown, and for tests to reload it at once. */
  onBannedPeople?: (banned: BannedPeople) => void;
  /** The appeal and report pages on the app's HTTP server; none when not given (tests of the webhooks alone). */
  pages?: PagesOptions;
}

export function createApp(options: AppOptions) {
  return async (app: Probot, appOptions?: Pick<ApplicationFunctionOptions, "addHandler">): Promise<void> => {
    const probotGateway = new ProbotGitHubGateway(app);
    const wakeup = new WorkerWakeup();
    const now = options.now ?? (() => new Date());
    const banned = new BannedPeople({ load: () => loadAppEnforcedBans(options.db, now()), log: app.log, now });
    await banned.refresh();
    if ((options.bansRefreshMs ?? BANS_REFRESH_MS) > 0) banned.start(options.bansRefreshMs ?? BANS_REFRESH_MS);
    options.onBannedPeople?.(banned);
    const { deps, cache } = buildAppDeps({
      db: options.db,
      gateway: options.gateway ?? probotGateway,
      webHost: options.webHost,
      settings: options.settings,
      mailer: options.mailer ?? null,
      log: app.log,
      now: options.now,
      bansChanged: () => void banned.refresh(),
    });
    options.onDeps?.(deps);
    // Answered 200: a delivery that does not fit can never be read, so GitHub need not redeliver it.
    // context.log carries the delivery ID.
    const ignore = (context: Context, problem: string) =>
      context.log.warn(`ignored ${context.name}.${String((context.payload as { action?: unknown }).action)}: ${problem}`);
    // Read defensively: it runs before the payload of an `issues` or `pull_request` delivery is checked.
    const remember = (payload: unknown) => {
      const { installation, repository } = (payload ?? {}) as { installation?: { id?: unknown } | null; repository?: { owner?: { login?: unknown } } | null };
      const owner = repository?.owner?.login;
      if (typeof owner === "string" && typeof installation?.id === "number") probotGateway.remember(owner, installation.id);
    };
    // New content by someone the app bans itself is hidden, or closed and locked; for anyone else this costs no query.
    // @returns the problem, when the payload cannot be read for it
    const enforceBans = async (context: Context): Promise<string | undefined> => {
      const outcome = await enforceBanOnDelivery({ db: options.db, banned, now }, { id: context.id, name: context.name, payload: context.payload });
      if (outcome.problem !== undefined) return outcome.problem;
      if (outcome.actionIds.length > 0) {
        wakeup.wake(outcome.actionIds.length);
        context.log.info("enforced a ban the app enforces itself on new content");
      }
      return undefined;
    };

    app.on(
      [
        "issue_comment.created",
        "issue_comment.edited",
        "pull_request_review_comment.created",
        "pull_request_review_comment.edited",
        "pull_request_review.submitted",
        "pull_request_review.edited",
      ],
      async (context) => {
        const problem = commentPayloadProblem(context.name, context.payload);
        if (problem) return ignore(context, problem);
        remember(context.payload);
        // Before the command path, which goes on as ever: a banned person's `/coc` comment is hidden too.
        const unenforceable = await enforceBans(context);
        if (unenforceable) context.log.warn(`could not check ${context.name}.${context.payload.action} for a ban: ${unenforceable}`);
        const queued = await receiveCommentWebhook(options.db, { id: context.id, name: context.name, payload: context.payload } as never);
        if (queued) {
          wakeup.wake();
          context.log.info("queued a comment that may hold /coc commands");
        }
      },
    );

    app.on(["issues.opened", "pull_request.opened"], async (context) => {
      remember(context.payload);
      const problem = await enforceBans(context);
      if (problem) ignore(context, problem);
    });

    // Answers cached for every replica are dropped when GitHub says they changed.
    app.on([...INVALIDATING_EVENTS], async (context) => invalidateCache(cache, context));

    // Blocks an owner makes or lifts by hand: followed in the ban register and the cases, never fought.
    app.on("org_block", async (context) => {
      const problem = payloadProblem(orgBlockShape, context.payload);
      if (problem) return ignore(context, problem);
      if (await receiveOrgBlock(options.db, context.id, orgBlockShape.parse(context.payload))) wakeup.wake();
    });

    // A cases repository that becomes usable (made private, created, renamed or transferred to the
    // name the case files wait for, or the app installed on it) takes them at once.
    const retryCaseFiles = async (owner: string, repo: string) =>
      requeueActions(options.db, await pendingCaseIssueActions(options.db, owner, repo));
    app.on(["repository.privatized", "repository.created", "repository.renamed", "repository.transferred"], async (context) => {
      const problem = payloadProblem(repositoryEventShape, context.payload);
      if (problem) return ignore(context, problem);
      const { owner, name, private: isPrivate } = context.payload.repository;
      if (isPrivate) await retryCaseFiles(owner.login, name);
    });
    app.on("installation_repositories.added", async (context) => {
      const problem = payloadProblem(installationRepositoriesShape, context.payload);
      if (problem) return ignore(context, problem);
      const account = context.payload.installation.account;
      const owner = account && "login" in account ? account.login : account?.slug;
      for (const repo of context.payload.repositories_added) {
        if (owner && repo.private) await retryCaseFiles(owner, repo.name);
      }
    });

    if (options.pages && appOptions?.addHandler) {
      const configOf = async (repo: RepoRef) => {
        const read = await loadTrustedConfig(await deps.gateway.forRepository(repo), repo, deps.settings);
        return read.ok ? read.config : defaultCocConfig();
      };
      servePages(appOptions.addHandler, { db: options.db, log: app.log, now: options.now, configOf }, options.pages);
    }

    if (options.workerConnectionString) {
      const worker = await startWorker(options.workerConnectionString, deps, {
        concurrency: options.workerConcurrency ?? 4,
        ownership: options.queueOwnership ?? "shared",
        wakeup,
      });
      options.onWorkerStarted?.(worker);
    }
  };
}
