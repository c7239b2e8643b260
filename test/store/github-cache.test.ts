/**
 * The shared cache of GitHub answers: an answer asked of GitHub before a
 * webhook invalidated its key is never trusted afterwards, on any replica,
 * however slowly it comes back; and expired answers, counters and old
 * invalidations are deleted by the app's own writes, in bounded batches.
 */
import { describe, expect, it } from "vitest";
import { invalidateCache } from "../../src/events/cache-invalidation.js";
import { CachingGateway } from "../../src/github/cached-github.js";
import { cacheKeys } from "../../src/github/cache-keys.js";
import { InMemoryGitHub } from "../../src/github/in-memory-github.js";
import type { RepoPermission, RepoRef } from "../../src/github/port.js";
import { DatabaseCache, INVALIDATIONS_KEPT_MS, PRUNE_BATCH, PRUNE_EVERY_MS } from "../../src/store/github-cache.js";
import { memberChanged, pushed } from "../factories/webhooks.js";
import { testBackend, useTestDatabase } from "../support/test-database.js";

const REPO = { owner: "acme", repo: "widgets" };
const PERMISSION = cacheKeys.permission(REPO, "ex-admin");

/** GitHub reads its state when asked, then takes as long as the test says to answer. */
class SlowGitHub extends InMemoryGitHub {
  private release: (() => void) | undefined;
  private asked: (() => void) | undefined;

  /** Resolves once the next question has been read and waits for `answer()`. */
  holdNext(): Promise<void> {
    return new Promise((resolve) => (this.asked = resolve));
  }

  answer(): void {
    this.release?.();
  }

  private async slowly<T>(read: Promise<T>): Promise<T> {
    const result = await read;
    if (!this.asked) return result;
    const gate = new Promise<void>((resolve) => (this.release = resolve));
    this.asked();
    this.asked = undefined;
    await gate;
    return result;
  }

  override getPermission(repo: RepoRef, login: string): Promise<RepoPermission> {
    return this.slowly(super.getPermission(repo, login));
  }

  override readRepoConfig(repo: RepoRef): Promise<unknown> {
    return this.slowly(super.readRepoConfig(repo));
  }
}

describe(`GitHub answers cached in the database (${testBackend})`, () => {
  const database = useTestDatabase();

  const rows = async () => (await database.db.gitHubCache.findMany({ orderBy: { key: "asc" } })).map((row) => row.key);
  /** Moves every noted invalidation back in time, as if it had happened `ms` earlier. */
  const backdateInvalidations = (ms: number) =>
    database.db.$executeRaw`UPDATE github_cache_invalidations SET at = at - make_interval(secs => ${ms / 1000}::float8)`;

  describe("an answer GitHub gave before a webhook changed it", () => {
    it("is not kept when a collaborator is removed while their permission is being asked, on any replica", async () => {
      const github = new SlowGitHub();
      github.setPermission(REPO, "ex-admin", "admin");
      const replicaA = await new CachingGateway(github, new DatabaseCache(database.db)).forRepository(REPO);
      const replicaB = await new CachingGateway(github, new DatabaseCache(database.db)).forRepository(REPO);

      const held = github.holdNext();
      const slow = replicaA.getPermission(REPO, "ex-admin");
      await held; // GitHub has answered "admin" and the answer is on its way
      github.setPermission(REPO, "ex-admin", "none");
      await invalidateCache(new DatabaseCache(database.db), { name: "member", payload: memberChanged({ ...REPO, action: "removed", member: "ex-admin" }) as never });
      github.answer();

      expect(await slow).toBe("admin");
      expect(await replicaB.getPermission(REPO, "ex-admin")).toBe("none");
      expect(await replicaA.getPermission(REPO, "ex-admin")).toBe("none");
    });

    it("is not kept when a configuration is pushed while it is being read", async () => {
      const github = new SlowGitHub();
      github.configs.set("acme/widgets", { flag: { hide: true } });
      const replica = await new CachingGateway(github, new DatabaseCache(database.db)).forRepository(REPO);

      const held = github.holdNext();
      const slow = replica.readRepoConfig(REPO, "coc.yml");
      await held;
      github.configs.set("acme/widgets", { flag: { hide: false } });
      await invalidateCache(new DatabaseCache(database.db), { name: "push", payload: pushed(REPO) as never });
      github.answer();

      expect(await slow).toEqual({ flag: { hide: true } });
      expect(await replica.readRepoConfig(REPO, "coc.yml")).toEqual({ flag: { hide: false } });
    });

    it("is never read back, should a write race past the check and land after the invalidation", async () => {
      const cache = new DatabaseCache(database.db);
      const { askedAt } = await cache.get(PERMISSION);
      await cache.forget([cacheKeys.permissionsOn(REPO)]);
      // As a write whose statement began before the invalidation was committed would leave it.
      await database.db.$executeRaw`
        INSERT INTO github_cache (key, value, expires_at, asked_at)
        VALUES (${PERMISSION}, '{"v":"admin"}'::jsonb, now() + interval '1 minute', to_timestamp(${askedAt}::float8 / 1000))`;
      expect(await rows()).toEqual([PERMISSION]);
      expect((await cache.get(PERMISSION)).value).toBeUndefined();
    });
  });

  it("keeps answers asked after an invalidation, and answers to keys it did not match", async () => {
    const cache = new DatabaseCache(database.db);
    const other = cacheKeys.permission({ owner: "acme", repo: "gadgets" }, "ex-admin");
    const before = await cache.get(other);
    await cache.forget([cacheKeys.permissionsOn(REPO)]);
    await cache.set(other, "write", 60_000, before.askedAt);
    expect((await cache.get(other)).value).toBe("write");

    // An invalidation less than a second before a question still counts as after it: clocks are not exact.
    const justAfter = await cache.get(PERMISSION);
    await cache.set(PERMISSION, "none", 60_000, justAfter.askedAt);
    expect((await cache.get(PERMISSION)).value).toBeUndefined();

    await backdateInvalidations(2_000);
    const later = await cache.get(PERMISSION);
    await cache.set(PERMISSION, "none", 60_000, later.askedAt);
    expect((await cache.get(PERMISSION)).value).toBe("none");
  });

  it("never lets an answer replace one asked after it", async () => {
    const slowReplica = new DatabaseCache(database.db);
    const fastReplica = new DatabaseCache(database.db);
    const first = await slowReplica.get(PERMISSION);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await fastReplica.get(PERMISSION);
    await fastReplica.set(PERMISSION, "read", 60_000, second.askedAt);
    await slowReplica.set(PERMISSION, "admin", 60_000, first.askedAt);
    expect((await fastReplica.get(PERMISSION)).value).toBe("read");
  });

  it("keeps null, a file that does not exist, as an answer", async () => {
    const cache = new DatabaseCache(database.db);
    const key = cacheKeys.repoConfig(REPO);
    await cache.set(key, null, 60_000, (await cache.get(key)).askedAt);
    expect((await cache.get(key)).value).toBeNull();
  });

  describe("clean-up", () => {
    it("deletes expired answers, counters and old invalidations from the process's own writes, at most every few minutes", async () => {
      let now = Date.parse("2026-03-04T10:00:00Z");
      const cache = new DatabaseCache(database.db, () => now);
      const { askedAt } = await cache.get(PERMISSION);
      await cache.set(PERMISSION, "admin", 60_000, askedAt); // the first write of a process cleans up: nothing to do yet
      await cache.set(cacheKeys.repoConfig(REPO), { flag: {} }, 5 * 60_000, askedAt);
      await cache.set(cacheKeys.label(REPO, "coc"), true, 24 * 60 * 60_000, askedAt);
      await cache.count(cacheKeys.deniedSender("acme", "spammer"), 10 * 60_000);
      await cache.forget(["perm:acme/gadgets:"]);
      await cache.forget(["team:acme/"]);
      await backdateInvalidations(INVALIDATIONS_KEPT_MS + 60_000);
      await cache.forget(["team:acme/"]); // noted again just now: kept
      const invalidations = async () => (await database.db.gitHubCacheInvalidation.findMany({ orderBy: { prefix: "asc" } })).map((row) => row.prefix);
      expect(await invalidations()).toEqual(["perm:acme/gadgets:", "team:acme/"]);

      now += PRUNE_EVERY_MS - 1; // the permission has expired, but it is too soon to clean up
      await cache.count(cacheKeys.deniedSender("acme", "other"), 10 * 60_000);
      expect(await rows()).toHaveLength(5);

      now += 10 * 60_000; // the counters have expired as well
      await cache.count(cacheKeys.deniedSender("acme", "other"), 10 * 60_000);
      expect(await rows()).toEqual([cacheKeys.deniedSender("acme", "other"), cacheKeys.label(REPO, "coc")]);
      expect(await invalidations()).toEqual(["team:acme/"]);
    });

    it("deletes a bounded batch at a time, the oldest first", async () => {
      const now = Date.parse("2026-03-04T10:00:00Z");
      await database.db.$executeRaw`
        INSERT INTO github_cache (key, value, expires_at, asked_at)
        SELECT 'perm:acme/r' || n || ':x', '{"v":"read"}'::jsonb, timestamp '2026-03-04 09:00:00' + n * interval '1 millisecond', now()
          FROM generate_series(1, ${PRUNE_BATCH + 3}::int) AS n`;
      const cache = new DatabaseCache(database.db, () => now);
      expect(await cache.prune()).toEqual({ entries: PRUNE_BATCH, invalidations: 0 });
      expect((await rows()).sort()).toEqual([1, 2, 3].map((n) => `perm:acme/r${PRUNE_BATCH + n}:x`).sort());
      expect(await cache.prune()).toEqual({ entries: 3, invalidations: 0 });
      expect(await rows()).toEqual([]);
    });
  });
});
