/**
 * Short-lived answers from GitHub, kept in the database so that every replica
 * shares them: a webhook that says an answer changed (a push to a
 * configuration file, a collaborator removed, a repository made public)
 * removes it for all replicas at once. A read costs a database round trip,
 * a fraction of a GitHub request, and spends none of the installation's
 * rate limit.
 *
 * An answer is asked of GitHub between a cache miss and its write-back, which
 * can take seconds; a webhook may invalidate the key in between. So every
 * invalidation is noted (`github_cache_invalidations`) with the database's
 * time, every answer carries the time its miss was read, and an answer asked
 * before a matching invalidation is neither written nor, should a write race
 * past the check, ever read back. Expired answers and old invalidations are
 * deleted now and then by the process's own writes, in bounded batches.
 */
import { Prisma } from "../generated/prisma/client.js";
import type { Database } from "./database.js";

/** What `get` found, and when it looked. */
export interface CacheLookup {
  /** The cached value, or undefined when there is none, it expired or an invalidation came after it was asked. */
  value: unknown;
  /**
   * When the cache was read, in milliseconds by the database's clock (the same for every replica):
   * an answer asked of GitHub after this miss is stored with it (`set`).
   */
  askedAt: number;
}

export interface CacheStore {
  get(key: string): Promise<CacheLookup>;
  /**
   * Stores an answer asked of GitHub after the lookup that returned `askedAt`, unless an
   * invalidation of its key came since: then the answer may predate the change and is dropped.
   */
  set(key: string, value: unknown, ttlMs: number, askedAt: number): Promise<void>;
  /** Removes every entry whose key starts with one of the prefixes, and refuses answers asked before now. */
  forget(prefixes: string[]): Promise<void>;
  /** Adds one to a counter that lives for `windowMs` from its first count; returns the new count. */
  count(key: string, windowMs: number): Promise<number>;
}

/**
 * An invalidation this close before a question still counts as after it. Every time compared is
 * the database's, so this covers rounding to milliseconds and a database clock stepped back,
 * not replicas' clocks; an extra miss is all it costs.
 */
export const INVALIDATION_MARGIN_MS = 1_000;

/**
 * How long an invalidation is kept. Longer than any job runs (they time out after 120 s), so a
 * question still pending cannot outlive it, and longer than any answer a webhook invalidates is
 * kept (5 minutes at most), so an answer a racing write let in has expired before it goes.
 */
export const INVALIDATIONS_KEPT_MS = 15 * 60_000;

/** Each process cleans up at most this often, from its own writes: no separate process is needed. */
export const PRUNE_EVERY_MS = 5 * 60_000;

/** Rows deleted per clean-up and table at most, so one clean-up stays a short statement. */
export const PRUNE_BATCH = 5_000;

const margin = Prisma.sql`make_interval(secs => ${INVALIDATION_MARGIN_MS / 1000}::float8)`;
/** Times cross the driver as epoch milliseconds: its Date handling drops time zones. */
const instant = (ms: number) => Prisma.sql`to_timestamp(${ms}::float8 / 1000)`;
/** `expires_at` holds UTC without a time zone, as Prisma writes it. */
const utc = (ms: number) => Prisma.sql`(${instant(ms)} AT TIME ZONE 'UTC')`;
const dbNowMs = Prisma.sql`floor(extract(epoch FROM now()) * 1000)::float8`;

export class DatabaseCache implements CacheStore {
  private lastPruned = Number.NEGATIVE_INFINITY;

  /** `clock` decides expiry only; the order of questions and invalidations is the database's. */
  constructor(
    private readonly db: Database,
    private readonly clock: () => number = Date.now,
  ) {}

  async get(key: string): Promise<CacheLookup> {
    const [row] = await this.db.$queryRaw<Array<{ asked_at: number; value: { v: unknown } | null }>>`
      SELECT ${dbNowMs} AS asked_at, (
        SELECT c.value FROM github_cache c
         WHERE c.key = ${key} AND c.expires_at > ${utc(this.clock())}
           AND NOT EXISTS (SELECT 1 FROM github_cache_invalidations i
                            WHERE i.at >= c.asked_at - ${margin} AND starts_with(c.key, i.prefix))
      ) AS value`;
    return { value: row?.value ? row.value.v : undefined, askedAt: row!.asked_at };
  }

  async set(key: string, value: unknown, ttlMs: number, askedAt: number): Promise<void> {
    // Wrapped, so that null (a file that does not exist) is a value like any other.
    const stored = JSON.stringify({ v: value });
    // One statement: the check and the write see the same invalidations. An older answer never replaces a newer one.
    await this.db.$executeRaw`
      INSERT INTO github_cache (key, value, expires_at, asked_at)
      SELECT ${key}, ${stored}::jsonb, ${utc(this.clock() + ttlMs)}, ${instant(askedAt)}
       WHERE NOT EXISTS (SELECT 1 FROM github_cache_invalidations i
                          WHERE i.at >= ${instant(askedAt)} - ${margin} AND starts_with(${key}::text, i.prefix))
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at, asked_at = excluded.asked_at
       WHERE github_cache.asked_at <= excluded.asked_at`;
    await this.pruneNowAndThen();
  }

  async forget(prefixes: string[]): Promise<void> {
    if (prefixes.length === 0) return;
    // Noting the invalidation and removing the entries in one statement: no reader sees one without the other.
    await this.db.$executeRaw`
      WITH noted AS (
        INSERT INTO github_cache_invalidations (prefix, at)
        SELECT DISTINCT p, now() FROM unnest(${prefixes}::text[]) AS p
        ON CONFLICT (prefix) DO UPDATE SET at = greatest(github_cache_invalidations.at, excluded.at)
      )
      DELETE FROM github_cache c WHERE EXISTS (SELECT 1 FROM unnest(${prefixes}::text[]) AS p WHERE starts_with(c.key, p))`;
    await this.pruneNowAndThen();
  }

  async count(key: string, windowMs: number): Promise<number> {
    const now = utc(this.clock());
    const expiresAt = utc(this.clock() + windowMs);
    const [row] = await this.db.$queryRaw<Array<{ n: number }>>`
      INSERT INTO github_cache (key, value, expires_at, asked_at) VALUES (${key}, '{"v":1}'::jsonb, ${expiresAt}, now())
      ON CONFLICT (key) DO UPDATE SET
        value = CASE WHEN github_cache.expires_at <= ${now} THEN '{"v":1}'::jsonb
                     ELSE jsonb_build_object('v', (github_cache.value->>'v')::int + 1) END,
        expires_at = CASE WHEN github_cache.expires_at <= ${now} THEN ${expiresAt} ELSE github_cache.expires_at END
      RETURNING (value->>'v')::int AS n`;
    await this.pruneNowAndThen();
    return row?.n ?? 1;
  }

  /**
   * Deletes expired answers and counters, and invalidations no question can still predate, at
   * most `PRUNE_BATCH` of each: what is left goes at the next clean-up. Returns how many went.
   */
  async prune(): Promise<{ entries: number; invalidations: number }> {
    const now = utc(this.clock());
    const [row] = await this.db.$queryRaw<Array<{ entries: number; invalidations: number }>>`
      WITH entries AS (
        DELETE FROM github_cache WHERE expires_at <= ${now}
           AND key IN (SELECT key FROM github_cache WHERE expires_at <= ${now} ORDER BY expires_at LIMIT ${PRUNE_BATCH})
        RETURNING 1
      ), invalidations AS (
        DELETE FROM github_cache_invalidations WHERE at < now() - make_interval(secs => ${INVALIDATIONS_KEPT_MS / 1000}::float8)
           AND prefix IN (SELECT prefix FROM github_cache_invalidations ORDER BY at LIMIT ${PRUNE_BATCH})
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM entries)::int AS entries, (SELECT count(*) FROM invalidations)::int AS invalidations`;
    return row ?? { entries: 0, invalidations: 0 };
  }

  private async pruneNowAndThen(): Promise<void> {
    if (this.clock() - this.lastPruned < PRUNE_EVERY_MS) return;
    this.lastPruned = this.clock();
    try {
      await this.prune();
    } catch {
      // Only housekeeping: the write itself succeeded, and the next clean-up tries again.
    }
  }
}
