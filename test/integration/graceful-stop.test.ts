/**
 * Stopping the job worker with a job in flight: it takes no new job, lets the
 * running one finish, and gives back one that does not finish in time, so the
 * next worker takes it at once.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { workerDeps } from "../support/worker-deps.js";
import { drainDueJobs, startWorker, type QueueWorker } from "../../src/actions/worker.js";
import type { InMemoryGitHub } from "../../src/github/in-memory-github.js";
import { issueCommentCreated } from "../factories/webhooks.js";
import { fakeWorld, MODERATOR } from "../support/fake-world.js";
import { GatedGitHub } from "../support/gated-github.js";
import { startHarness } from "../support/probot-harness.js";
import { testBackend, useTestDatabase } from "../support/test-database.js";

const LINK = "https://github.com/acme/widgets/issues/7#issuecomment-555";

describe(`stopping the worker (${testBackend})`, { timeout: 60_000 }, () => {
  const database = useTestDatabase();
  let github: GatedGitHub;
  let worker: QueueWorker;

  const deps = (gateway: InMemoryGitHub = github) => workerDeps(database.db, gateway);
  // The flag's actions; the new case's deadline timers (due in a day) are not part of this.
  const jobs = () =>
    database.db.$queryRawUnsafe<Array<{ task_identifier: string; locked_by: string | null; due: boolean; attempts: number }>>(
      `SELECT task_identifier, locked_by, run_at <= now() AS due, attempts FROM graphile_worker.jobs WHERE task_identifier <> 'deadline' ORDER BY priority`,
    );

  beforeEach(async () => {
    // The flag is recorded; its three actions (hide, remove the command, open the case) wait in the queue.
    github = fakeWorld(new GatedGitHub());
    const harness = await startHarness({ database, gateway: github });
    // The command's own attempts at hiding and removing fail, so all three are left to queued jobs.
    github.failNext.set("ensureHidden", 1);
    github.failNext.set("ensureCommandRemoved", 1);
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${LINK}`, sender: MODERATOR }));
    await harness.drain(["handle-comment"]);
    await database.db.$executeRawUnsafe(`UPDATE graphile_worker._private_jobs SET run_at = now()`);
    github.arm();
    // One job at a time: the hide runs first (protection has the lowest priority number) and waits at the gate.
    worker = await startWorker(database.url, deps(), { concurrency: 1, ownership: "shared" });
    await github.hideStarted;
  });
  afterEach(() => {
    github.openGate(); // lets an abandoned continuation end
  });

  it("lets the running job finish and starts no other", async () => {
    const stopping = worker.stop(20_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    github.openGate();

    expect(await stopping).toEqual({ finished: true });
    expect(github.writes.map((w) => w.verb)).toEqual(["hide"]);
    const actions = await database.db.action.findMany({ orderBy: { kind: "asc" } });
    expect(actions.map((a) => [a.kind, a.status])).toEqual([
      ["hide-content", "done"],
      ["open-case-issue", "pending"],
      ["remove-command", "pending"],
    ]);
    // The others were never started: not locked, no attempt counted.
    expect(await jobs()).toEqual([
      { task_identifier: "run-action", locked_by: null, due: true, attempts: 0 },
      { task_identifier: "run-action", locked_by: null, due: true, attempts: 0 },
    ]);
    expect(await database.db.workerHeartbeat.count()).toBe(0);
  });

  it("gives a job that does not finish in time back to the queue, due at once, for the next worker", async () => {
    const outcome = await worker.stop(500);

    expect(outcome).toMatchObject({ finished: false, releasedWorkers: [expect.stringMatching(/^worker-/)] });
    expect((await jobs()).map((j) => [j.locked_by, j.due])).toEqual([
      [null, true],
      [null, true],
      [null, true],
    ]);
    // Another process (here a fresh worker on an ungated GitHub) takes everything, the interrupted hide included.
    const next = fakeWorld();
    await drainDueJobs(database.url, deps(next));
    expect(next.writes.map((w) => w.verb)).toEqual(["hide", "remove-command", "label", "label", "create-issue"]);
    expect(await database.db.action.count({ where: { status: { not: "done" } } })).toBe(0);
  });
});
