/**
 * Stopping the job worker when the process is told to stop (`docker stop`,
 * Kubernetes, Ctrl-C): it takes no new job, lets the jobs already running
 * finish for up to SHUTDOWN_TIMEOUT_SECONDS, then gives the ones still running
 * back to the queue, so another process, or this one after its restart, takes
 * them at once instead of waiting for the crash bound.
 */
import type { Runner, WorkerUtils } from "graphile-worker";

export interface StoppableWorker {
  runner: Pick<Runner, "stop">;
  /** This process's graphile-worker worker ids. */
  workerIds(): string[];
  utils: Pick<WorkerUtils, "forceUnlockWorkers">;
}

export type StopOutcome = { finished: true } | { finished: false; releasedWorkers: string[] };

export async function stopGracefully(worker: StoppableWorker, timeoutMs: number): Promise<StopOutcome> {
  // graphile-worker's graceful shutdown stops fetching jobs and waits for the running ones, without a bound.
  const stopped = worker.runner.stop().then(() => true as const);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    if (await Promise.race([stopped, timedOut])) return { finished: true };
  } finally {
    clearTimeout(timer);
  }
  // Unlocking keeps each job's run time, so it is due at once; its attempt is counted, as for a crash.
  // The abandoned continuation ends with the process; should it write first, actions are safe to repeat.
  const releasedWorkers = worker.workerIds();
  await worker.utils.forceUnlockWorkers(releasedWorkers);
  return { finished: false, releasedWorkers };
}
