/**
 * Which job-queue workers are alive, as the app's processes report it, and
 * which locked jobs belong to workers that have gone silent: the data behind
 * giving a crashed process's jobs back to the queue within seconds instead of
 * graphile-worker's 4 hours. Every time is the database's own clock.
 */
import type { Database } from "./database.js";

/** Says that these workers, all of one process, are alive now. */
export async function recordHeartbeats(db: Database, workerIds: string[], processLabel: string): Promise<void> {
  if (workerIds.length === 0) return;
  await db.$executeRaw`
    INSERT INTO worker_heartbeats (worker_id, process, beat_at)
    SELECT id, ${processLabel}, now() FROM unnest(${workerIds}::text[]) AS id
    ON CONFLICT (worker_id) DO UPDATE SET beat_at = now()`;
}

/** A process that stops cleanly takes its workers off the list. */
export async function forgetHeartbeats(db: Database, workerIds: string[]): Promise<void> {
  if (workerIds.length === 0) return;
  await db.$executeRaw`DELETE FROM worker_heartbeats WHERE worker_id = ANY(${workerIds}::text[])`;
}

/** Every worker that holds a job lock (on the embedded database, all of them are dead at start-up). */
export async function lockHolders(db: Database): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ worker_id: string }>>`
    SELECT DISTINCT locked_by AS worker_id FROM graphile_worker.jobs WHERE locked_by IS NOT NULL`;
  return rows.map((r) => r.worker_id);
}

/**
 * Workers that hold a job lock taken more than `silentSeconds` ago and have
 * not beaten within `silentSeconds` (or never did: a process from before
 * heartbeats, or one that died before its first beat). A fresh lock is never
 * counted, so a process that has just started, and not yet beaten, keeps its jobs.
 */
export async function silentLockHolders(db: Database, silentSeconds: number): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ worker_id: string }>>`
    SELECT DISTINCT j.locked_by AS worker_id
      FROM graphile_worker.jobs j
      LEFT JOIN worker_heartbeats h ON h.worker_id = j.locked_by
     WHERE j.locked_by IS NOT NULL
       AND j.locked_at < now() - make_interval(secs => ${silentSeconds}::float8)
       AND (h.beat_at IS NULL OR h.beat_at < now() - make_interval(secs => ${silentSeconds}::float8))`;
  return rows.map((r) => r.worker_id);
}

/** Heartbeats of processes gone for longer than `silentSeconds`; their locks are released first. */
export async function forgetSilentHeartbeats(db: Database, silentSeconds: number): Promise<void> {
  await db.$executeRaw`DELETE FROM worker_heartbeats WHERE beat_at < now() - make_interval(secs => ${silentSeconds}::float8)`;
}
