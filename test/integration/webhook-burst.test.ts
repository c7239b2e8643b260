/**
 * A burst of `/coc flag` webhooks, all at once over HTTP through Probot, while
 * the job worker runs as it does in production: every delivery is answered
 * 2xx and queued exactly once. GitHub does not redeliver a delivery that got a
 * 500 by itself, so one lost here is a flag lost.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { workerDeps } from "../support/worker-deps.js";
import { startWorker, type QueueWorker } from "../../src/actions/worker.js";
import { issueCommentCreated } from "../factories/webhooks.js";
import { fakeWorld, MODERATOR } from "../support/fake-world.js";
import { postWebhook } from "../support/post-webhook.js";
import { startHarness, WEBHOOK_SECRET } from "../support/probot-harness.js";
import { testBackend, useTestDatabase } from "../support/test-database.js";

const LINK = "https://github.com/acme/widgets/issues/7#issuecomment-555";

describe(`a burst of webhooks (${testBackend})`, { timeout: 90_000 }, () => {
  const database = useTestDatabase({ onDisk: true });
  let webhookUrl = "";
  let close = async () => {};
  let worker: QueueWorker | undefined;
  /** Job key of every comment job the worker started, once per start. */
  let started: string[] = [];

  beforeEach(async () => {
    const github = fakeWorld();
    const harness = await startHarness({ database, gateway: github });
    ({ webhookUrl, close } = await harness.listen());
    started = [];
    const deps = workerDeps(database.db, github);
    worker = await startWorker(database.url, deps, { concurrency: 4, ownership: database.backend === "pglite" ? "exclusive" : "shared" });
    worker.runner.events.on("job:start", ({ job }) => {
      if (job.task_identifier === "handle-comment") started.push(job.key ?? "");
    });
  });
  afterEach(async () => {
    await worker?.stop(10_000);
    await close();
  });

  const flag = (i: number) => issueCommentCreated({ body: `/coc flag ${LINK} report ${i}`, sender: MODERATOR, commentId: 20_000 + i });
  const send = (payload: object, id?: string) => postWebhook(webhookUrl, WEBHOOK_SECRET, "issue_comment", payload, id);

  async function untilReports(count: number): Promise<void> {
    const deadline = Date.now() + 60_000;
    while ((await database.db.report.count()) < count) {
      if (Date.now() > deadline) throw new Error(`only ${await database.db.report.count()} of ${count} flags were recorded`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it.each([20, 50])("answers all %i simultaneous deliveries 2xx and runs each one's job exactly once", async (count) => {
    const answers = await Promise.all(Array.from({ length: count }, (_, i) => send(flag(i))));

    expect(answers.filter((a) => a.status < 200 || a.status > 299)).toEqual([]);
    expect(await database.db.delivery.count()).toBe(count);
    await untilReports(count);
    expect(started.sort()).toEqual(answers.map((a) => `comment:${a.id}`).sort());
    const reports = await database.db.report.findMany({ select: { commandKey: true } });
    expect(reports.map((r) => r.commandKey.split(":")[0]).sort()).toEqual(answers.map((a) => a.id).sort());
  });

  it("queues the same delivery once when it arrives five times at the same moment", async () => {
    await worker?.stop(10_000);
    worker = undefined;
    const answers = await Promise.all(Array.from({ length: 5 }, () => send(flag(1), "delivery-five-times")));

    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const jobs = await database.db.$queryRawUnsafe<Array<{ key: string }>>(`SELECT key FROM graphile_worker.jobs`);
    expect(jobs).toEqual([{ key: "comment:delivery-five-times" }]);
    expect(await database.db.delivery.count()).toBe(1);
  });
});
