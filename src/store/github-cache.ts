/**
 * Short-lived answers from GitHub, kept in the database so that every replica
 * shares them: a webhook that says an answer changed (a push to a
 * configuration file, a collaborator removed, a repository made public)
 * removes it for all replicas at once. A read costs a database round trip,
 * a fraction of a GitHub request, and spends none of the installation's
 * rate limit.
 */
import type { Database } from "./database.js";

export interface CacheStore {
  /** The cached value, or undefined when there is none or it expired. */
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  /** Removes every entry whose key starts with one of the prefixes. */
  forget(prefixes: string[]): Promise<void>;
  /** Adds one to a counter that lives for `windowMs` from its first count; returns the new count. */
  count(key: string, windowMs: number): Promise<number>;
}

export class DatabaseCache implements CacheStore {
  constructor(
    private readonly db: Database,
    private readonly clock: () => number = Date.now,
  ) {}

  async get(key: string): Promise<unknown> {
    const row = await this.db.gitHubCache.findUnique({ where: { key } });
    if (!row || row.expiresAt.getTime() <= this.clock()) return undefined;
    return (row.value as { v: unknown }).v;
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    const expiresAt = new Date(this.clock() + ttlMs);
    // Wrapped, so that null (a file that does not exist) is a value like any other.
    const stored = { v: value } as object;
    await this.db.gitHubCache.upsert({ where: { key }, create: { key, value: stored, expiresAt }, update: { value: stored, expiresAt } });
  }

  async forget(prefixes: string[]): Promise<void> {
    if (prefixes.length === 0) return;
    await this.db.gitHubCache.deleteMany({ where: { OR: prefixes.map((prefix) => ({ key: { startsWith: prefix } })) } });
  }

  async count(key: string, windowMs: number): Promise<number> {
    const now = new Date(this.clock());
    const expiresAt = new Date(this.clock() + windowMs);
    const [row] = await this.db.$queryRaw<Array<{ n: number }>>`
      INSERT INTO github_cache (key, value, expires_at) VALUES (${key}, '{"v":1}'::jsonb, ${expiresAt})
      ON CONFLICT (key) DO UPDATE SET
        value = CASE WHEN github_cache.expires_at <= ${now} THEN '{"v":1}'::jsonb
                     ELSE jsonb_build_object('v', (github_cache.value->>'v')::int + 1) END,
        expires_at = CASE WHEN github_cache.expires_at <= ${now} THEN ${expiresAt} ELSE github_cache.expires_at END
      RETURNING (value->>'v')::int AS n`;
    return row?.n ?? 1;
  }
}
