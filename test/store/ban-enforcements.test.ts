/**
 * The database side of the bans the app enforces itself: one query loads
 * exactly the bans in force that GitHub could not block, and an enforcement
 * is recorded once per delivery, even when two copies of it arrive at once,
 * and not at all for a ban lifted since the set was loaded.
 */
import { describe, expect, it } from "vitest";
import { recordBanEnforcement, type EnforcementToRecord } from "../../src/store/ban-enforcements.js";
import { loadAppEnforcedBans } from "../../src/store/bans.js";
import { verifyAuditLog } from "../../src/store/audit-log.js";
import { testBackend, useTestDatabase } from "../support/test-database.js";

const NOW = new Date("2026-05-01T12:00:00Z");
const HOUR = 3_600_000;

describe(`ban enforcement records (${testBackend})`, () => {
  const database = useTestDatabase();
  let n = 0;
  const addBan = (data: { subjectLogin?: string; enforcement?: string | null; liftedAt?: Date | null; endsAt?: Date | null; subjectId?: bigint | null }) =>
    database.db.ban.create({
      data: {
        account: "acme",
        subjectLogin: data.subjectLogin ?? `person-${++n}`,
        subjectId: data.subjectId === undefined ? BigInt(1000 + n) : data.subjectId,
        reason: "",
        issuedBy: "mod-omar",
        source: "case",
        startsAt: new Date(NOW.getTime() - HOUR),
        endsAt: data.endsAt ?? null,
        enforcement: data.enforcement === undefined ? "app" : data.enforcement,
        liftedAt: data.liftedAt ?? null,
        issueKey: `ban-${++n}`,
      },
    });
  const enforcement = (banId: string, deliveryId = "delivery-1"): EnforcementToRecord => ({
    deliveryId,
    event: "issue_comment",
    banId,
    caseId: null,
    actions: [{ kind: "hide-content", repo: { owner: "acme", repo: "widgets" }, nodeId: "IC_1", classifier: "ABUSE" }],
    audit: { actor: "app", action: "ban.enforced-on-content", detail: { ban: banId, delivery: deliveryId } },
  });

  it("loads the bans in force that the app enforces, and no others", async () => {
    const permanent = await addBan({ subjectLogin: "troll-tom" });
    const timed = await addBan({ endsAt: new Date(NOW.getTime() + HOUR), subjectId: null });
    await addBan({ endsAt: new Date(NOW.getTime() - 1) });
    await addBan({ liftedAt: NOW });
    await addBan({ enforcement: "block" });
    await addBan({ enforcement: null });
    const loaded = await loadAppEnforcedBans(database.db, NOW);
    expect(loaded.map((b) => b.id).sort()).toEqual([permanent.id, timed.id].sort());
    expect(loaded.find((b) => b.id === permanent.id)).toEqual({
      id: permanent.id,
      caseId: null,
      account: "acme",
      subjectLogin: "troll-tom",
      subjectId: permanent.subjectId,
      endsAt: null,
    });
  });

  it("records a delivery's enforcement once, even when two copies arrive together", async () => {
    const ban = await addBan({});
    const [a, b] = await Promise.all([
      recordBanEnforcement(database.db, enforcement(ban.id), NOW),
      recordBanEnforcement(database.db, enforcement(ban.id), NOW),
    ]);
    expect([a.length, b.length].sort()).toEqual([0, 1]);
    expect(await recordBanEnforcement(database.db, enforcement(ban.id), NOW)).toEqual([]);
    expect(await database.db.action.findMany({ select: { kind: true, onceKey: true } })).toEqual([
      { kind: "hide-content", onceKey: "delivery-1:ban-enforcement:hide-content" },
    ]);
    expect(await database.db.auditEvent.count({ where: { action: "ban.enforced-on-content" } })).toBe(1);
    expect((await verifyAuditLog(database.db)).ok).toBe(true);
    // Another delivery is another enforcement.
    expect(await recordBanEnforcement(database.db, enforcement(ban.id, "delivery-2"), NOW)).toHaveLength(1);
  });

  it("records nothing for a ban lifted or run out since the set was loaded", async () => {
    const lifted = await addBan({});
    await database.db.ban.update({ where: { id: lifted.id }, data: { liftedAt: NOW } });
    const ended = await addBan({ endsAt: NOW });
    expect(await recordBanEnforcement(database.db, enforcement(lifted.id), NOW)).toEqual([]);
    expect(await recordBanEnforcement(database.db, enforcement(ended.id, "delivery-2"), NOW)).toEqual([]);
    expect(await database.db.action.count()).toBe(0);
    expect(await database.db.delivery.count()).toBe(0);
  });
});
