/**
 * The app as it runs in production, `node dist/src/main.js`, killed and
 * stopped in the middle of a `/coc flag`: nothing is lost, nothing is done
 * twice, and a restart resumes at once.
 *
 * GitHub is a stand-in server on loopback (test/support/held-writes-github.ts)
 * reached as a GitHub Enterprise Server, so the real webhook path, the real
 * Octokit with its pacing and the real job worker all run; the stand-in holds
 * GitHub's answers to writes to catch the app with its jobs in flight. The
 * database is an embedded one in a data directory, or a PostgreSQL database
 * when TEST_DATABASE_URL is set.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyAuditLog } from "../../src/store/audit-log.js";
import { openDatabase, type Database } from "../../src/store/database.js";
import { startEmbeddedPostgres } from "../../src/store/embedded-postgres.js";
import { issueCommentCreated } from "../factories/webhooks.js";
import { startAppProcess, type AppProcess } from "../support/app-process.js";
import { startHeldWritesGitHub, type HeldWritesGitHub } from "../support/held-writes-github.js";
import { postWebhook } from "../support/post-webhook.js";
import { WEBHOOK_SECRET } from "../support/probot-harness.js";
import { createTestDatabase, testBackend, type TestDatabase } from "../support/test-database.js";

/** Every GitHub write one flag makes: the command job hides and removes the command itself, then the case file's job writes. */
const ALL_WRITES = ["hide IC_abusive555", "delete comment 9001", "label coc-case", "label state: new", "issue 1"];
const HIDE = ALL_WRITES[0]!;

/** Each write made exactly once. */
function expectEachWriteOnce(applied: string[]): void {
  expect([...applied].sort()).toEqual([...ALL_WRITES].sort());
  expect(applied.filter((w) => w.startsWith("label") || w.startsWith("issue"))).toEqual(ALL_WRITES.slice(2));
}

/** Where the app keeps its data, and a way to look at it while the app is not running. */
interface Storage {
  settings: Record<string, string>;
  /** On the embedded database only between runs: the app owns its data directory while it runs. */
  inspect<T>(look: (db: Database) => Promise<T>): Promise<T>;
  remove(): Promise<void>;
}

async function embeddedStorage(): Promise<Storage> {
  const dataDir = await mkdtemp(join(tmpdir(), "coc-app-data-"));
  return {
    settings: { DATA_DIR: dataDir },
    async inspect(look) {
      const embedded = await startEmbeddedPostgres({ dataDir: join(dataDir, "pglite") });
      const db = openDatabase(embedded.url);
      try {
        return await look(db);
      } finally {
        await db.$disconnect();
        await embedded.stop();
      }
    },
    remove: () => rm(dataDir, { recursive: true, force: true }),
  };
}

async function serverStorage(): Promise<Storage> {
  const database: TestDatabase = await createTestDatabase();
  return { settings: { DATABASE_URL: database.url }, inspect: (look) => look(database.db), remove: () => database.close() };
}

interface JobRow {
  task_identifier: string;
  locked: boolean;
  due: boolean;
}
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const jobsIn = (db: Database) =>
  db.$queryRawUnsafe<JobRow[]>(`SELECT task_identifier, locked_by IS NOT NULL AS locked, run_at <= now() AS due FROM graphile_worker.jobs ORDER BY id`);

describe(`the app process (${testBackend})`, { timeout: 180_000 }, () => {
  let github: HeldWritesGitHub;
  let storage: Storage;
  const running: AppProcess[] = [];

  beforeEach(async () => {
    github = await startHeldWritesGitHub();
    storage = testBackend === "pglite" ? await embeddedStorage() : await serverStorage();
  });
  afterEach(async () => {
    for (const app of running.splice(0)) {
      app.kill("SIGKILL");
      await app.exited;
    }
    await github.close();
    await storage.remove();
  });

  async function start(settings: Record<string, string> = {}): Promise<AppProcess> {
    const app = await startAppProcess({ ...storage.settings, ...settings }, github.host);
    running.push(app);
    return app;
  }

  /** Sends one `/coc flag` of the comment and waits until its command job is hiding the comment, the hide held. */
  async function flagAndCatchInFlight(app: AppProcess): Promise<void> {
    github.hold();
    const payload = issueCommentCreated({ body: `/coc flag ${github.flaggedUrl} personal attack`, sender: "mod-maria", commentId: 9001 });
    expect((await postWebhook(app.webhookUrl, WEBHOOK_SECRET, "issue_comment", payload)).status).toBe(200);
    // The command job reads the configuration, the permission and the comment, then hides it at once: that write is held.
    await github.until(() => github.heldCount() >= 1, "the command job is hiding the comment");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(github.applied).toEqual([]);
  }

  async function expectEverythingDone(): Promise<void> {
    await storage.inspect(async (db) => {
      expect(await db.action.findMany({ select: { kind: true, status: true }, orderBy: { kind: "asc" } })).toEqual([
        { kind: "hide-content", status: "done" },
        { kind: "open-case-issue", status: "done" },
        { kind: "remove-command", status: "done" },
      ]);
      // What may be left are the fallbacks of the actions the command ran itself: not due yet, and they will find them done.
      expect((await jobsIn(db)).filter((j) => j.locked || j.due)).toEqual([]);
      expect(await verifyAuditLog(db)).toMatchObject({ ok: true });
    });
  }

  it("killed with SIGKILL in the middle of a flag, then restarted: every job runs again within seconds, each GitHub write once", async () => {
    const first = await start();
    await flagAndCatchInFlight(first);
    first.kill("SIGKILL");
    await first.exited;

    // The dead process left its command job locked; graphile-worker alone would free it after 4 hours.
    await storage.inspect(async (db) => {
      expect(await jobsIn(db)).toEqual([{ task_identifier: "handle-comment", locked: true, due: true }]);
    });

    github.letThrough();
    const restartedAt = Date.now();
    const second = await start();
    const readyAfter = Date.now() - restartedAt;
    await github.until(() => github.applied.includes(HIDE), "the comment was hidden", 120_000);
    const hiddenAfter = Date.now() - restartedAt;
    await github.until(() => github.applied.length === ALL_WRITES.length, "every write was made", 120_000);
    const resumedAfter = Date.now() - restartedAt;
    console.info(
      `${testBackend}: after the restart: serving webhooks ${seconds(readyAfter)}, comment hidden ${seconds(hiddenAfter)}, every GitHub write done ${seconds(resumedAfter)}`,
    );

    expectEachWriteOnce(github.applied);
    expect(github.issues.map((i) => i.title)).toEqual(["COC-2026-0001: flagged comment"]);
    // Embedded: released at start-up. PostgreSQL: released once the dead workers were silent for 30 s.
    expect(resumedAfter).toBeLessThan(testBackend === "pglite" ? 30_000 : 55_000);
    second.kill("SIGTERM");
    expect(await second.exited).toMatchObject({ code: 0 });
    await expectEverythingDone();
    expect(github.unexpected).toEqual([]);
  });

  it("stopped with SIGTERM in the middle of a flag: takes no more webhooks, finishes the running jobs, exits 0", async () => {
    const app = await start({ SHUTDOWN_TIMEOUT_SECONDS: "25" });
    await flagAndCatchInFlight(app);
    const stoppedAt = Date.now();
    app.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // The webhook server is closed first: GitHub gets no answer and marks the delivery failed, to be redelivered.
    await expect(postWebhook(app.webhookUrl, WEBHOOK_SECRET, "issue_comment", {})).rejects.toThrow();
    github.letThrough();

    const exit = await app.exited;
    console.info(`${testBackend}: SIGTERM to exit, the running jobs finishing: ${seconds(exit.at - stoppedAt)}`);
    expect(exit).toMatchObject({ code: 0 });
    expect(exit.at - stoppedAt).toBeLessThan(25_000);
    // The running command job finished (the hide and the command's removal); the case file's job, not started, waits.
    expect(github.applied).toEqual(ALL_WRITES.slice(0, 2));
    const next = await start();
    await github.until(() => github.applied.length === ALL_WRITES.length, "every write was made");
    expectEachWriteOnce(github.applied);
    next.kill("SIGTERM");
    expect(await next.exited).toMatchObject({ code: 0 });
    await expectEverythingDone();
  });

  it("stopped with SIGTERM while GitHub does not answer: exits after SHUTDOWN_TIMEOUT_SECONDS, and the restart takes the jobs at once", async () => {
    const app = await start({ SHUTDOWN_TIMEOUT_SECONDS: "2" });
    await flagAndCatchInFlight(app);
    const stoppedAt = Date.now();
    app.kill("SIGTERM");
    const exit = await app.exited;
    console.info(`${testBackend}: SIGTERM to exit, the running jobs not finishing (bound 2 s): ${seconds(exit.at - stoppedAt)}`);
    expect(exit).toMatchObject({ code: 0 });
    expect(exit.at - stoppedAt).toBeGreaterThanOrEqual(2_000);
    // The bound, then closing; main.ts exits by force 5 s after the bound at the latest.
    expect(exit.at - stoppedAt).toBeLessThan(9_000);

    // Given back: unlocked and due, so nobody waits for the crash bound.
    await storage.inspect(async (db) => {
      expect(await jobsIn(db)).toEqual([{ task_identifier: "handle-comment", locked: false, due: true }]);
    });
    github.letThrough();
    const restartedAt = Date.now();
    const second = await start();
    const readyAfter = Date.now() - restartedAt;
    await github.until(() => github.applied.length === ALL_WRITES.length, "every write was made");
    const resumedAfter = Date.now() - restartedAt;
    console.info(`${testBackend}: after a timed-out stop and a restart: serving webhooks ${seconds(readyAfter)}, every GitHub write done ${seconds(resumedAfter)}`);
    expectEachWriteOnce(github.applied);
    // Well under the 30 s after which a silent worker's jobs would be released on PostgreSQL.
    expect(resumedAfter).toBeLessThan(25_000);
    second.kill("SIGTERM");
    expect(await second.exited).toMatchObject({ code: 0 });
    await expectEverythingDone();
  });
});
