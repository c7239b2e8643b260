/**
 * The Probot app: wires the database, the GitHub gateway and the job worker,
 * and registers the webhooks the app listens to. No logic lives here.
 */
import type { Probot } from "probot";
import type { QueueOwnership } from "./actions/lock-recovery.js";
import { startWorker, type QueueWorker } from "./actions/worker.js";
import { receiveCommentWebhook } from "./events/receive-comment.js";
import { ProbotGitHubGateway } from "./github/probot-gateway.js";
import type { GitHubGateway } from "./github/port.js";
import { pendingCaseIssueActions, requeueActions } from "./store/actions.js";
import type { Database } from "./store/database.js";

export interface AppOptions {
  db: Database;
  /** Connection string for the job queue; the worker starts only when given. */
  workerConnectionString?: string;
  workerConcurrency?: number;
  /** "exclusive" for the embedded database, which no other process can use; "shared" for a PostgreSQL server. */
  queueOwnership?: QueueOwnership;
  webHost: string;
  /** Tests substitute the in-memory fake; production resolves installations through Probot. */
  gateway?: GitHubGateway;
  now?: () => Date;
  onWorkerStarted?: (worker: QueueWorker) => void;
}

export function createApp(options: AppOptions) {
  return async (app: Probot): Promise<void> => {
    const probotGateway = new ProbotGitHubGateway(app);
    const gateway = options.gateway ?? probotGateway;
    const deps = { db: options.db, gateway, webHost: options.webHost, log: app.log, now: options.now ?? (() => new Date()) };

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
        const installationId = context.payload.installation?.id;
        if (installationId !== undefined) probotGateway.remember(context.payload.repository.owner.login, installationId);
        const queued = await receiveCommentWebhook(options.db, { id: context.id, name: context.name, payload: context.payload } as never);
        if (queued) context.log.info("queued a comment that may hold /coc commands");
      },
    );

    // A cases repository that becomes usable (made private, created, or the app installed on it)
    // takes the case files that were waiting for it, at once.
    const retryCaseFiles = async (owner: string, repo: string) =>
      requeueActions(options.db, await pendingCaseIssueActions(options.db, owner, repo));
    app.on(["repository.privatized", "repository.created"], async (context) => {
      const { owner, name, private: isPrivate } = context.payload.repository;
      if (isPrivate) await retryCaseFiles(owner.login, name);
    });
    app.on("installation_repositories.added", async (context) => {
      const account = context.payload.installation.account;
      const owner = account && "login" in account ? account.login : account?.slug;
      for (const repo of context.payload.repositories_added) {
        if (owner && repo.private) await retryCaseFiles(owner, repo.name);
      }
    });

    if (options.workerConnectionString) {
      const worker = await startWorker(options.workerConnectionString, deps, {
        concurrency: options.workerConcurrency ?? 4,
        ownership: options.queueOwnership ?? "shared",
      });
      options.onWorkerStarted?.(worker);
    }
  };
}
