/**
 * Opens the app's database: Prisma 7 over the `pg` driver adapter, for both a
 * real PostgreSQL and the embedded one. Only src/store imports Prisma.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.js";
import type { Prisma } from "../generated/prisma/client.js";

export type Database = InstanceType<typeof PrismaClient>;
export type Transaction = Prisma.TransactionClient;

/**
 * Limits for every interactive transaction (recording a flag or a reply,
 * marking an action done or given up, queueing case files again). Prisma's
 * defaults, 2 s to start and 5 s to finish, fail under a burst: transactions
 * queue for one of the pool's connections, for the audit log's lock (one
 * writer at a time, so the hash chain cannot fork) and, on the embedded
 * database, for its single session; on disk, each commit there also waits for
 * the write. As many transactions can wait as jobs run at once
 * (WORKER_CONCURRENCY, at most 64 per process), each taking milliseconds to
 * tens of milliseconds, so 30 s to start and 30 s to finish (waiting included)
 * leave a wide margin, while a transaction that truly hangs is still rolled
 * back, and its job retried, well before the job's own 120 s timeout.
 * Webhooks start no interactive transaction (see deliveries.ts), except to
 * enforce a ban on new content by the person banned (ban-enforcements.ts):
 * one person's own pace of writing on GitHub bounds how many of those come.
 */
export const TRANSACTION_LIMITS = { maxWait: 30_000, timeout: 30_000 } as const;

export function openDatabase(connectionString: string): Database {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 5 }), transactionOptions: TRANSACTION_LIMITS });
}
