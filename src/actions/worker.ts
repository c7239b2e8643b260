/**
 * Runs the app's background work on graphile-worker: `/coc` commands, private
 * reports from the report form, and the GitHub actions they record. Retries with exponential backoff, job keys and
 * multi-replica safety come from the queue itself; giving back the jobs of a
 * process that died (lock-recovery.ts) and of a stop that ran out of time
 * (graceful-stop.ts) are the app's, done with the queue's own unlock.
 */
import { EventEmitter } from "node:events";
import { Logger as WorkerLogger, makeWorkerUtils, run, runOnce, type Runner, type TaskList, type WorkerEvents } from "graphile-worker";
import type { WorkerWakeup } from "./worker-wakeup.js";
import type { Logger } from "probot";
import { makeHandleCommentTask, type CommentJobDeps } from "../commands/handle-comment-task.js";
import { stopGracefully, type StopOutcome } from "./graceful-stop.js";
import { releaseLocksOfDeadWorkers, startHeartbeat, type QueueOwnership } from "./lock-recovery.js";
import { makeDeadlineTask } from "./run-deadline-task.js";
import { makeRunActionTask } from "./run-action-task.js";
import { checkBanDrift, DRIFT_CHECK_SCHEDULE } from "../bans/drift-check.js";
import { followOwnerBlock } from "../bans/owner-blocks.js";
import type { OrgBlockEvent } from "../events/org-block.js";
import type { ActionDeps } from "./perform-action.js";
import { makeFilePrivateReportTask } from "../reports/file-private-report.js";

export type WorkerDeps = CommentJobDeps & Pick<ActionDeps, "bansChanged">;

/**
 * A job that has not finished after this long fails and is retried later. When
 * GitHub cannot be reached, Octokit's retries can keep a request pending for a
 * long time; without a bound, one such job would hold a worker slot for hours.
 */
export const JOB_TIMEOUT_MS = 120_000;

export function buildTaskList(deps: WorkerDeps, timeoutMs = JOB_TIMEOUT_MS): TaskList {
  const handleComment = makeHandleCommentTask(deps);
  const runAction = makeRunActionTask(deps);
  const fireDeadline = makeDeadlineTask(deps);
  const filePrivateReport = makeFilePrivateReportTask(deps);
  const attemptOf = (job: { attempts: number; max_attempts: number }) => ({ attempts: job.attempts, maxAttempts: job.max_attempts });
  return {
    "handle-comment": (payload, helpers) => withTimeout(() => handleComment(payload, attemptOf(helpers.job)), timeoutMs),
    "run-action": (payload, helpers) => withTimeout((signal) => runAction(payload, attemptOf(helpers.job), signal), timeoutMs),
    deadline: (payload) => withTimeout(() => fireDeadline(payload), timeoutMs),
    "file-private-report": (payload, helpers) => withTimeout(() => filePrivateReport(payload, attemptOf(helpers.job)), timeoutMs),
    "org-block": (payload) => withTimeout(() => followOwnerBlock(deps, payload as OrgBlockEvent), timeoutMs),
    "ban-drift-check": async () => {
      const { checked, drifted } = await withTimeout(() => checkBanDrift(deps), timeoutMs);
      deps.log.info(`ban drift check: ${checked} bans enforced by blocks, ${drifted} no longer blocked`);
    },
  };
}

/**
 * Runs `work` for at most `ms`. The request that hangs cannot be cancelled,
 * but the work is handed a signal that is aborted at the timeout, so it can
 * refuse to start further GitHub writes while its retry runs.
 */
export async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`job timed out after ${Math.round(ms / 1000)} s; it will be retried`);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * graphile-worker's own log lines, routed to the app's logger. Its metadata can
 * hold a job's payload (a command's text and reason) and raw errors, so only
 * identifiers are passed on: logs must never carry case content.
 */
export function workerLogger(log: Logger): WorkerLogger {
  return new WorkerLogger(() => (level, message, meta) => {
    const method = level === "error" ? "error" : level === "warning" ? "warn" : level === "info" ? "info" : "debug";
    const job = (meta as { job?: { id?: unknown; task_identifier?: unknown; attempts?: unknown } } | undefined)?.job;
    const safe = job ? { jobId: job.id, task: job.task_identifier, attempts: job.attempts } : {};
    log[method](safe, redactWorkerMessage(message));
  });
}

/** Failure messages embed the error text, which for GitHub errors may quote what was sent. */
function redactWorkerMessage(message: string): string {
  return message.split("\n")[0]!.slice(0, 300);
}

export interface QueueWorker {
  runner: Runner;
  /** Takes no new job, lets running ones finish for up to `timeoutMs`, then gives the rest back to the queue. */
  stop(timeoutMs: number): Promise<StopOutcome>;
}

export interface WorkerOptions {
  concurrency: number;
  /** Who else may use this queue: decides how locks left by a dead process are found (see lock-recovery.ts). */
  ownership: QueueOwnership;
  /** Lets webhooks of this process start a job at once (see worker-wakeup.ts). */
  wakeup?: WorkerWakeup;
}

export async function startWorker(connectionString: string, deps: WorkerDeps, options: WorkerOptions): Promise<QueueWorker> {
  const logger = workerLogger(deps.log);
  // One connection is enough for releasing locks now and then.
  const utils = await makeWorkerUtils({ connectionString, noPreparedStatements: true, maxPoolSize: 1, logger });
  // Before any worker of ours runs, so the jobs a crash left locked are taken at once.
  const released = await releaseLocksOfDeadWorkers(deps.db, utils, options.ownership);
  if (released.length > 0) deps.log.info({ workers: released }, `released the jobs left locked by ${released.length} job-queue worker(s) of a process that is gone`);

  // Workers are created while run() starts, so the ids are collected through the events it is given.
  const events: WorkerEvents = new EventEmitter();
  const workerIds: string[] = [];
  events.on("worker:create", ({ worker }) => workerIds.push(worker.workerId));
  options.wakeup?.attach(events);
  const runner = await run({
    connectionString,
    concurrency: options.concurrency,
    noHandleSignals: true,
    noPreparedStatements: true,
    // Schedules come from the app's own code, never from a crontab file in the working directory.
    crontab: DRIFT_CHECK_SCHEDULE,
    pollInterval: 1000,
    events,
    logger,
    taskList: buildTaskList(deps),
  });
  const heartbeat = options.ownership === "shared" ? startHeartbeat(deps.db, utils, () => workerIds, deps.log) : undefined;
  return {
    runner,
    async stop(timeoutMs) {
      const outcome = await stopGracefully({ runner, workerIds: () => [...workerIds], utils }, timeoutMs);
      if (!outcome.finished) deps.log.warn(`jobs still running after ${Math.round(timeoutMs / 1000)} s were given back to the queue`);
      await heartbeat?.stop();
      await utils.release();
      return outcome;
    },
  };
}

/** Runs every job that is due (optionally only some tasks), then returns: for tests and one-shot maintenance. */
export async function drainDueJobs(connectionString: string, deps: WorkerDeps, only?: string[]): Promise<void> {
  const all = buildTaskList(deps);
  const taskList = only ? Object.fromEntries(Object.entries(all).filter(([name]) => only.includes(name))) : all;
  await runOnce({ connectionString, concurrency: 1, noHandleSignals: true, noPreparedStatements: true, logger: workerLogger(deps.log), taskList });
}
