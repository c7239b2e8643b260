/**
 * Jobs left locked by a process that died are given back to the queue: at
 * start-up on the embedded database (every lock there is a dead process's),
 * and by the heartbeat rule on a shared PostgreSQL server (only the locks of
 * workers silent for 30 s). The real `kill -9` is in app-process.test.ts.
 */
import { makeWorkerUtils, type WorkerUtils } from "graphile-worker";
import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workerDeps } from "../support/worker-deps.js";
import { releaseLocksOfDeadWorkers, SILENT_AFTER_SECONDS } from "../../src/actions/lock-recovery.js";
import { startWorker } from "../../src/actions/worker.js";
import { issueCommentCreated } from "../factories/webhooks.js";
import { fakeWorld, MODERATOR } from "../support/fake-world.js";
import { startHarness } from "../support/probot-harness.js";
import { testBackend, useTestDatabase } from "../support/test-database.js";

const LINK = "https://github.com/acme/widgets/issues/7#issuecomment-555";

describe(`locks left by a dead process (${testBackend})`, { timeout: 60_000 }, () => {
  const database = useTestDatabase();
  let utils: WorkerUtils;
  beforeAll(async () => {
    utils = await makeWorkerUtils({ connectionString: database.url, noPreparedStatements: true });
  });
  afterAll(async () => {
    await utils?.release();
  });

  const deps = (gateway = fakeWorld()) => workerDeps(database.db, gateway);

  /** Locks a job as a worker of another process would have, `secondsAgo` ago. */
  async function lockedJob(workerId: string, secondsAgo: number): Promise<void> {
    const [job] = await database.db.$queryRawUnsafe<Array<{ id: bigint }>>(
      `SELECT id FROM graphile_worker.add_job('run-action', json_build_object('actionId', $1::text))`,
      workerId,
    );
    await database.db.$executeRawUnsafe(
      `UPDATE graphile_worker._private_jobs SET locked_by = $1, locked_at = now() - make_interval(secs => $2), attempts = 1 WHERE id = $3`,
      workerId,
      secondsAgo,
      job!.id,
    );
  }
  async function heartbeat(workerId: string, secondsAgo: number): Promise<void> {
    await database.db.$executeRawUnsafe(
      `INSERT INTO worker_heartbeats (worker_id, process, beat_at) VALUES ($1, 'elsewhere:1', now() - make_interval(secs => $2))`,
      workerId,
      secondsAgo,
    );
  }
  const lockedBy = async () =>
    (await database.db.$queryRawUnsafe<Array<{ locked_by: string }>>(`SELECT locked_by FROM graphile_worker.jobs WHERE locked_by IS NOT NULL ORDER BY 1`)).map(
      (r) => r.locked_by,
    );

  it("queue of its own (the embedded database): a starting worker first frees every lock, then runs those jobs at once", async () => {
    const github = fakeWorld();
    const harness = await startHarness({ database, gateway: github });
    // The command's own attempts at hiding and removing fail, so all three actions are left to queued jobs.
    github.failNext.set("ensureHidden", 1);
    github.failNext.set("ensureCommandRemoved", 1);
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${LINK}`, sender: MODERATOR }));
    await harness.drain(["handle-comment"]);
    // The process died with its three action jobs running: locked a moment ago, by workers that will never beat again.
    await database.db.$executeRawUnsafe(`UPDATE graphile_worker._private_jobs SET locked_by = 'worker-of-the-dead-process', locked_at = now(), run_at = now(), attempts = 1`);

    const worker = await startWorker(database.url, deps(github), { concurrency: 4, ownership: "exclusive" });
    const deadline = Date.now() + 20_000;
    while ((await database.db.action.count({ where: { status: "done" } })) < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await worker.stop(5_000);

    // Each write once; the jobs run side by side, so only the case file's own writes keep their order.
    const verbs = github.writes.map((w) => w.verb);
    expect([...verbs].sort()).toEqual(["create-issue", "hide", "label", "label", "remove-command"]);
    expect(verbs.filter((v) => v === "label" || v === "create-issue")).toEqual(["label", "label", "create-issue"]);
    expect(await database.db.action.count({ where: { status: { not: "done" } } })).toBe(0);
  });

  it(`shared server: frees the locks of workers silent for ${SILENT_AFTER_SECONDS} s, and only those`, async () => {
    await lockedJob("worker-crashed", 60);
    await heartbeat("worker-crashed", 45);
    await lockedJob("worker-that-never-beat", 60);
    await lockedJob("worker-alive", 3600); // a long job of a live process
    await heartbeat("worker-alive", 2);
    await lockedJob("worker-just-started", 5); // has not beaten yet
    await lockedJob("worker-silent-but-just-locked", 5); // it talked to the database 5 s ago
    await heartbeat("worker-silent-but-just-locked", 45);

    const released = await releaseLocksOfDeadWorkers(database.db, utils, "shared");

    expect(released.sort()).toEqual(["worker-crashed", "worker-that-never-beat"]);
    expect(await lockedBy()).toEqual(["worker-alive", "worker-just-started", "worker-silent-but-just-locked"]);
    const due = await database.db.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE locked_by IS NULL AND run_at <= now()`);
    expect(due).toEqual([{ n: 2 }]);
    // The silent processes' heartbeats are forgotten; the live one's stays.
    expect((await database.db.workerHeartbeat.findMany({ orderBy: { workerId: "asc" } })).map((h) => h.workerId)).toEqual(["worker-alive"]);
  });

  it("queue of its own (the embedded database): frees every lock, however fresh", async () => {
    await lockedJob("worker-a", 1);
    await lockedJob("worker-b", 3600);
    await heartbeat("worker-b", 0);

    expect((await releaseLocksOfDeadWorkers(database.db, utils, "exclusive")).sort()).toEqual(["worker-a", "worker-b"]);
    expect(await lockedBy()).toEqual([]);
  });

  it("shared server: a running worker beats for each of its workers, and a clean stop takes them off", async () => {
    const worker = await startWorker(database.url, deps(), { concurrency: 3, ownership: "shared" });
    const deadline = Date.now() + 10_000;
    while ((await database.db.workerHeartbeat.count()) < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const beats = await database.db.$queryRawUnsafe<Array<{ worker_id: string; process: string; fresh: boolean }>>(
      `SELECT worker_id, process, beat_at > now() - interval '10 seconds' AS fresh FROM worker_heartbeats`,
    );
    expect(beats).toHaveLength(3);
    expect(beats.every((b) => b.worker_id.startsWith("worker-") && b.process === `${hostname()}:${process.pid}` && b.fresh)).toBe(true);

    await worker.stop(5_000);
    expect(await database.db.workerHeartbeat.count()).toBe(0);
  });
});
