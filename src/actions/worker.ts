/**
 * Runs the app's background work on graphile-worker: `/coc` commands and the
 * GitHub actions they record. Retries with exponential backoff, job keys and
 * multi-replica safety come from the queue itself.
 */
import { Logger as WorkerLogger, run, runOnce, type Runner, type TaskList } from "graphile-worker";
import type { Logger } from "probot";
import { makeHandleCommandTask, type HandleCommandDeps } from "../commands/handle-command-task.js";
import { makeRunActionTask } from "./run-action-task.js";

export type WorkerDeps = HandleCommandDeps;

export function buildTaskList(deps: WorkerDeps): TaskList {
  const handleCommand = makeHandleCommandTask(deps);
  const runAction = makeRunActionTask(deps);
  return {
    "handle-command": (payload, helpers) =>
      handleCommand(payload, { attempts: helpers.job.attempts, maxAttempts: helpers.job.max_attempts }),
    "run-action": (payload) => runAction(payload),
  };
}

/** graphile-worker's own log lines, routed to the app's logger. */
export function workerLogger(log: Logger): WorkerLogger {
  return new WorkerLogger(() => (level, message, meta) => {
    const method = level === "error" ? "error" : level === "warning" ? "warn" : level === "info" ? "info" : "debug";
    log[method]({ worker: meta }, message);
  });
}

export async function startWorker(connectionString: string, deps: WorkerDeps, concurrency: number): Promise<Runner> {
  return run({
    connectionString,
    concurrency,
    noHandleSignals: true,
    pollInterval: 1000,
    logger: workerLogger(deps.log),
    taskList: buildTaskList(deps),
  });
}

/** Runs every job that is due, then returns: for tests and one-shot maintenance. */
export async function drainDueJobs(connectionString: string, deps: WorkerDeps): Promise<void> {
  await runOnce({ connectionString, concurrency: 1, noHandleSignals: true, logger: workerLogger(deps.log), taskList: buildTaskList(deps) });
}
