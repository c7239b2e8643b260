/**
 * A case file that must wait (the cases repository is not private, or the
 * subject can read it) waits as long as it takes: it is never given up after
 * its job's last attempt, and an event that makes the repository usable runs
 * only what still waits, never an action that failed for good.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { makeRunActionTask } from "../../src/actions/run-action-task.js";
import type { InMemoryGitHub } from "../../src/github/in-memory-github.js";
import { pendingCaseIssueActions } from "../../src/store/actions.js";
import { issueCommentCreated } from "../factories/webhooks.js";
import { CASES, fakeWorld, MODERATOR } from "../support/fake-world.js";
import { startHarness, type Harness } from "../support/probot-harness.js";
import { testBackend, useTestDatabase } from "../support/test-database.js";
import { workerDeps } from "../support/worker-deps.js";

const LINK = "https://github.com/acme/widgets/issues/7#issuecomment-555";

describe(`actions that wait (${testBackend})`, () => {
  const database = useTestDatabase();
  let github: InMemoryGitHub;
  let harness: Harness;

  beforeEach(async () => {
    github = fakeWorld();
    github.addRepository(CASES, { private: false });
    harness = await startHarness({ database, gateway: github });
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${LINK}`, sender: MODERATOR }));
    await harness.drain();
  });

  it("keeps waiting after the job's last attempt, with a fresh job later", async () => {
    const action = await database.db.action.findFirstOrThrow({ where: { kind: "open-case-issue" } });
    await makeRunActionTask(workerDeps(database.db, github))({ actionId: action.id }, { attempts: 100, maxAttempts: 100 });

    expect(await database.db.action.findUniqueOrThrow({ where: { id: action.id } })).toMatchObject({ status: "pending" });
    const jobs = await database.db.$queryRawUnsafe<Array<{ later: boolean }>>(
      `SELECT run_at > now() + interval '1 hour' AS later FROM graphile_worker._private_jobs WHERE key = $1`,
      `action:${action.id}`,
    );
    expect(jobs).toEqual([{ later: true }]);
  });

  it("does not run again, on a repository event, an action that failed for good", async () => {
    const action = await database.db.action.findFirstOrThrow({ where: { kind: "open-case-issue" } });
    expect(await pendingCaseIssueActions(database.db, "acme", "coc-cases")).toEqual([action.id]);
    await database.db.action.update({ where: { id: action.id }, data: { status: "failed" } });
    expect(await pendingCaseIssueActions(database.db, "acme", "coc-cases")).toEqual([]);
  });
});
