/**
 * Gives the jobs of an app process that died (`kill -9`, out of memory, a lost
 * machine) back to the queue within seconds, so an abusive comment is hidden
 * and a `/coc flag` command removed right after a restart, instead of after
 * graphile-worker's own 4-hour lock timeout.
 *
 * - **Embedded database**: the app owns its data directory, one process at a
 *   time, so at start-up every job lock belongs to a process that is gone. All
 *   are released before the worker runs.
 * - **PostgreSQL server**: replicas share the queue, so a lock may belong to a
 *   live process. Each process records a heartbeat for its workers every 5 s;
 *   at start-up and with every heartbeat, each process releases the locks of
 *   workers that have been silent for 30 s (whose lock is also older than
 *   that). A crashed process's jobs therefore run again about 30 s after the
 *   crash. Releasing a live but stalled process's job only makes it run twice,
 *   which every action tolerates.
 */
import type { WorkerUtils } from "graphile-worker";
import type { Logger } from "probot";
import { hostname } from "node:os";
import type { Database } from "../store/database.js";
import { forgetHeartbeats, forgetSilentHeartbeats, lockHolders, recordHeartbeats, silentLockHolders } from "../store/worker-heartbeats.js";

export const HEARTBEAT_INTERVAL_MS = 5_000;
/** Six missed heartbeats: long enough for a slow database or a long pause, short enough to matter. */
export const SILENT_AFTER_SECONDS = 30;

/** "exclusive": the embedded database, one process; "shared": a PostgreSQL server other processes may use too. */
export type QueueOwnership = "exclusive" | "shared";

/** @returns the workers whose locks were released */
export async function releaseLocksOfDeadWorkers(db: Database, utils: Pick<WorkerUtils, "forceUnlockWorkers">, ownership: QueueOwnership): Promise<string[]> {
  const dead = ownership === "exclusive" ? await lockHolders(db) : await silentLockHolders(db, SILENT_AFTER_SECONDS);
  if (dead.length > 0) await utils.forceUnlockWorkers(dead);
  if (ownership === "shared") await forgetSilentHeartbeats(db, SILENT_AFTER_SECONDS);
  return dead;
}

export interface Heartbeat {
  /** Stops beating and takes this process's workers off the list; call once their jobs are finished or released. */
  stop(): Promise<void>;
}

/** Beats for this process's workers and releases the locks of silent ones, every HEARTBEAT_INTERVAL_MS. */
export function startHeartbeat(db: Database, utils: Pick<WorkerUtils, "forceUnlockWorkers">, workerIds: () => string[], log: Logger): Heartbeat {
  const processLabel = `${hostname()}:${process.pid}`;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const beat = async () => {
    try {
      await recordHeartbeats(db, workerIds(), processLabel);
      const released = await releaseLocksOfDeadWorkers(db, utils, "shared");
      if (released.length > 0) log.warn({ workers: released }, `released the jobs of ${released.length} job-queue worker(s) silent for ${SILENT_AFTER_SECONDS} s`);
    } catch (error) {
      // A missed beat is survivable: the bound allows five more before anyone acts on it.
      log.warn({ message: (error as Error).message?.split("\n")[0] }, "job-queue heartbeat failed");
    }
  };
  let current = beat();
  const schedule = () => {
    timer = setTimeout(() => {
      current = beat().finally(() => {
        if (!stopped) schedule();
      });
    }, HEARTBEAT_INTERVAL_MS);
    // The heartbeat alone must not keep the process alive.
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
      await forgetHeartbeats(db, workerIds());
    },
  };
}
