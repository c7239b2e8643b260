/**
 * The SQL call that puts one job on the queue (graphile-worker's own
 * `add_job` function), written once for every statement that queues work:
 * inside a transaction with the state change, or inside the single statement
 * that takes in a webhook.
 */
import type { JobSpec } from "../actions/job-queue.js";
import { Prisma } from "../generated/prisma/client.js";

export function addJobCall(job: JobSpec): Prisma.Sql {
  return Prisma.sql`graphile_worker.add_job(
    identifier := ${job.task}::text,
    payload := ${JSON.stringify(job.payload)}::json,
    queue_name := ${job.queueName ?? null}::text,
    run_at := ${job.runAt ?? null}::timestamptz,
    max_attempts := ${job.maxAttempts ?? null}::int,
    job_key := ${job.jobKey ?? null}::text,
    priority := ${job.priority ?? null}::int
  )`;
}
