/**
 * Starts a job the moment this process queues it. graphile-worker hears of new
 * jobs through PostgreSQL notifications and otherwise polls every second; the
 * embedded database delivers no notifications between connections, so a
 * `/coc flag` would wait up to a second before anything happened. A webhook
 * that queues a job wakes an idle worker of this process directly.
 */
import type { WorkerEvents, WorkerPool } from "graphile-worker";

export class WorkerWakeup {
  private pool: WorkerPool | undefined;

  /** Listens for the runner's worker pool; call with the events given to `run()` before it starts. */
  attach(events: WorkerEvents): void {
    events.on("pool:create", ({ workerPool }) => (this.pool = workerPool));
    events.on("pool:release", () => (this.pool = undefined));
  }

  /** Wakes up to `count` idle workers; without a pool (tests, another process) the poll still finds the job. */
  wake(count = 1): void {
    // `_workers` and `nudge` are graphile-worker 0.16's own way to start a job on notification (pinned version).
    const workers = (this.pool as unknown as { _workers?: Array<{ nudge(): boolean }>; _shuttingDown?: boolean } | undefined);
    if (!workers?._workers || workers._shuttingDown) return;
    let left = count;
    workers._workers.some((worker) => worker.nudge() && --left <= 0);
  }
}
