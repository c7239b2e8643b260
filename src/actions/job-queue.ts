/**
 * Puts work on the PostgreSQL job queue (graphile-worker) inside the caller's
 * transaction, so a state change and the work it requires commit together or
 * not at all. A crash after commit loses nothing: the worker picks the jobs up.
 */
import { addJobCall } from "../store/add-job-sql.js";
import type { Transaction } from "../store/database.js";

export type TaskName = "handle-comment" | "run-action" | "deadline" | "org-block" | "ban-drift-check" | "file-private-report";

export interface JobSpec {
  task: TaskName;
  payload: Record<string, unknown>;
  /** De-duplicates: a second job with the same key replaces the first instead of running twice. */
  jobKey?: string;
  /** Lower runs first. Protective actions use the lowest numbers. */
  priority?: number;
  runAt?: Date;
  maxAttempts?: number;
  /** Jobs with the same queue name run one at a time, in order. */
  queueName?: string | null;
}

export async function enqueueJobs(tx: Transaction, jobs: JobSpec[]): Promise<void> {
  for (const job of jobs) {
    await tx.$executeRaw`SELECT ${addJobCall(job)}`;
  }
}

/** Where a job is in its retries, as graphile-worker reports it. */
export interface JobAttempt {
  attempts: number;
  maxAttempts: number;
}
