/**
 * Recording flags: case codes, joining an open case, and moderators who flag
 * the same content at the same moment.
 */
import { describe, expect, it } from "vitest";
import { planFlagActions } from "../../src/cases/plan-flag.js";
import { verifyAuditLog } from "../../src/store/audit-log.js";
import { formatCaseCode, recordFlag, type FlagToRecord } from "../../src/store/cases.js";
import { abusiveComment, CASES } from "../support/fake-world.js";
import { testBackend, useTestDatabase } from "../support/test-database.js";

const NOW = new Date("2026-05-01T12:00:00Z");

function flag(commandKey: string, contentKey = "github.com/acme/widgets:issuecomment-555"): FlagToRecord {
  const snapshot = abusiveComment();
  return {
    casesRepo: CASES,
    codePrefix: "COC",
    contentKey,
    commandKey,
    reporterLogin: `mod-${commandKey}`,
    reason: "reason",
    commandUrl: "https://github.com/acme/widgets/issues/7#issuecomment-1",
    evidence: snapshot,
    plan: (outcome) =>
      planFlagActions({
        ...outcome,
        snapshot,
        hideOnFlag: true,
        command: { location: { kind: "issue_comment", owner: "acme", repo: "widgets", commentId: 1 }, remainingBody: null },
        casesRepoProblemReply: null,
      }),
  };
}

describe(`recordFlag (${testBackend})`, () => {
  const database = useTestDatabase();

  it("numbers cases per cases repository and year", async () => {
    const a = await recordFlag(database.db, flag("a", "content-1"), NOW);
    const b = await recordFlag(database.db, flag("b", "content-2"), NOW);
    const nextYear = await recordFlag(database.db, flag("c", "content-3"), new Date("2027-01-02T00:00:00Z"));
    expect([a?.code, b?.code, nextYear?.code]).toEqual(["COC-2026-0001", "COC-2026-0002", "COC-2027-0001"]);
    expect(formatCaseCode("COC", 2026, 12345)).toBe("COC-2026-12345");
  });

  it("records a command once, however often its job runs", async () => {
    expect(await recordFlag(database.db, flag("same"), NOW)).toMatchObject({ isNewCase: true });
    expect(await recordFlag(database.db, flag("same"), NOW)).toBeNull();
    expect(await database.db.report.count()).toBe(1);
    expect(await database.db.action.count()).toBe(3);
  });

  it("puts simultaneous flags of the same content into one case", async () => {
    const results = await Promise.all(["m1", "m2", "m3", "m4"].map((key) => recordFlag(database.db, flag(key), NOW)));
    expect(new Set(results.map((r) => r?.caseId)).size).toBe(1);
    expect(results.filter((r) => r?.isNewCase)).toHaveLength(1);
    expect(await database.db.case.count()).toBe(1);
    expect(await database.db.report.count()).toBe(4);
    const kinds = (await database.db.action.findMany()).map((a) => a.kind).sort();
    expect(kinds.filter((k) => k === "open-case-issue")).toHaveLength(1);
    expect(kinds.filter((k) => k === "post-report-to-case")).toHaveLength(3);
    expect(await verifyAuditLog(database.db)).toMatchObject({ ok: true, count: 1 + 4 * 2 });
  });

  it("detects an audit event edited in the database", async () => {
    await recordFlag(database.db, flag("x"), NOW);
    expect(await verifyAuditLog(database.db)).toMatchObject({ ok: true, count: 3 });
    await database.db.$executeRawUnsafe(`UPDATE audit_events SET actor = 'someone-else' WHERE action = 'report.received'`);
    expect(await verifyAuditLog(database.db)).toMatchObject({ ok: false, count: 1, reason: expect.stringMatching(/altered/) });
  });
});

describe(`recordFlag under load, database on disk (${testBackend})`, () => {
  const database = useTestDatabase({ onDisk: true });

  it("records as many simultaneous flags as a process may run jobs, none giving up on its transaction", async () => {
    // WORKER_CONCURRENCY allows up to 64 jobs at once, each in at most one transaction;
    // they queue behind the audit log's lock (and, embedded, behind one another on the one session).
    const keys = Array.from({ length: 64 }, (_, i) => `burst-${i}`);
    const results = await Promise.allSettled(keys.map((key) => recordFlag(database.db, flag(key, `content-${key}`), NOW)));
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason).split("\n")[0])).toEqual([]);
    expect(await database.db.case.count()).toBe(64);
    expect(await database.db.report.count()).toBe(64);
    expect(await verifyAuditLog(database.db)).toMatchObject({ ok: true, count: 64 * 3 });
  });
});
