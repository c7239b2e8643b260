/**
 * The in-memory set of people the app bans itself: found by account id (a
 * renamed person still is, someone who took their old login is not), by login
 * when a ban or a delivery has no id, only in the ban's account, and no
 * longer once a reload no longer finds the ban or its time is up. A failed
 * reload keeps the last set; the timer reloads on its own.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { BannedPeople } from "../../src/bans/banned-people.js";
import type { AppEnforcedBan } from "../../src/store/bans.js";

const NOW = new Date("2026-05-01T12:00:00Z");
const ban = (overrides: Partial<AppEnforcedBan> = {}): AppEnforcedBan => ({
  id: "ban-tom",
  caseId: "case-1",
  account: "acme",
  subjectLogin: "troll-tom",
  subjectId: 1001n,
  endsAt: null,
  ...overrides,
});

function setOf(initial: AppEnforcedBan[]) {
  const state = { bans: initial, fail: false, loads: 0, now: NOW };
  const log = { warn: vi.fn() };
  const banned = new BannedPeople({
    load: async () => {
      state.loads++;
      if (state.fail) throw new Error("connection refused");
      return state.bans;
    },
    log,
    now: () => state.now,
  });
  return { banned, state, log };
}

describe("BannedPeople", () => {
  afterEach(() => vi.useRealTimers());

  it("holds nobody before its first reload", () => {
    expect(setOf([ban()]).banned.find("acme", "troll-tom", 1001)).toBeNull();
  });

  it("finds a person by account id after they renamed, and not whoever took their old login", async () => {
    const { banned } = setOf([ban()]);
    await banned.refresh();
    expect(banned.find("acme", "troll-tom", 1001)?.id).toBe("ban-tom");
    expect(banned.find("ACME", "Tom-Renamed", 1001)?.id).toBe("ban-tom");
    expect(banned.find("acme", "troll-tom", 2002)).toBeNull();
  });

  it("finds by login, in any case, when the delivery or the ban has no account id", async () => {
    const { banned } = setOf([ban(), ban({ id: "ban-nameless", subjectLogin: "spam-sam", subjectId: null })]);
    await banned.refresh();
    expect(banned.find("acme", "Troll-Tom", null)?.id).toBe("ban-tom");
    expect(banned.find("acme", "spam-sam", 3003)?.id).toBe("ban-nameless");
    expect(banned.find("acme", "SPAM-SAM", null)?.id).toBe("ban-nameless");
  });

  it("matches only in the ban's own account", async () => {
    const { banned } = setOf([ban()]);
    await banned.refresh();
    expect(banned.find("other-org", "troll-tom", 1001)).toBeNull();
    expect(banned.find("other-org", "troll-tom", null)).toBeNull();
  });

  it("drops a lifted ban at the next reload, and a ban whose time is up at once", async () => {
    const { banned, state } = setOf([ban(), ban({ id: "ban-short", subjectLogin: "rude-rita", subjectId: 4004n, endsAt: new Date(NOW.getTime() + 60_000) })]);
    await banned.refresh();
    expect(banned.find("acme", "rude-rita", 4004)?.id).toBe("ban-short");
    state.now = new Date(NOW.getTime() + 60_000);
    expect(banned.find("acme", "rude-rita", 4004)).toBeNull();
    state.bans = [];
    expect(banned.find("acme", "troll-tom", 1001)?.id).toBe("ban-tom");
    await banned.refresh();
    expect(banned.find("acme", "troll-tom", 1001)).toBeNull();
    expect(banned.size).toBe(0);
  });

  it("finds a second ban of the same person when the first has run out", async () => {
    const { banned, state } = setOf([ban({ id: "ban-old", endsAt: new Date(NOW.getTime() - 1) }), ban({ id: "ban-new" })]);
    await banned.refresh();
    expect(banned.find("acme", "troll-tom", 1001)?.id).toBe("ban-new");
    state.bans = [ban({ id: "ban-new" }), ban({ id: "ban-old", endsAt: new Date(NOW.getTime() - 1) })];
    await banned.refresh();
    expect(banned.find("acme", "troll-tom", null)?.id).toBe("ban-new");
  });

  it("keeps the last set when a reload fails, and says so", async () => {
    const { banned, state, log } = setOf([ban()]);
    await banned.refresh();
    state.fail = true;
    await expect(banned.refresh()).resolves.toBeUndefined();
    expect(banned.find("acme", "troll-tom", 1001)?.id).toBe("ban-tom");
    expect(log.warn).toHaveBeenCalledWith({ error: expect.objectContaining({ message: "connection refused" }) }, expect.stringContaining("last known set stays in use"));
  });

  it("runs one more reload behind one under way, shared by the callers meanwhile", async () => {
    let release: () => void = () => undefined;
    const reads: string[][] = [];
    let table = [ban({ id: "ban-before" })];
    const banned = new BannedPeople({
      load: async () => {
        const read = table;
        reads.push(read.map((b) => b.id));
        if (reads.length === 1) await new Promise<void>((resolve) => (release = resolve));
        return read;
      },
      log: { warn: vi.fn() },
      now: () => NOW,
    });
    const first = banned.refresh();
    await vi.waitFor(() => expect(reads).toHaveLength(1));
    // A ban recorded while the first reload has already read the table.
    table = [ban({ id: "ban-after" })];
    const [second, third] = [banned.refresh(), banned.refresh()];
    expect(second).toBe(third);
    release();
    await Promise.all([first, second]);
    expect(reads).toEqual([["ban-before"], ["ban-after"]]);
    expect(banned.find("acme", "troll-tom", 1001)?.id).toBe("ban-after");
  });

  it("reads once for callers who ask before a reload starts", async () => {
    const { banned, state } = setOf([ban()]);
    await Promise.all([banned.refresh(), banned.refresh()]);
    expect(state.loads).toBe(1);
  });

  it("reloads on its timer until stopped", async () => {
    vi.useFakeTimers();
    const { banned, state } = setOf([ban()]);
    banned.start(2_000);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(state.loads).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(banned.find("acme", "troll-tom", 1001)?.id).toBe("ban-tom");
    await vi.advanceTimersByTimeAsync(4_000);
    expect(state.loads).toBe(3);
    banned.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(state.loads).toBe(3);
  });
});
