/**
 * How long the webhook side takes for a comment holding a `/coc` command:
 * Probot's signature check, normalizing, recording the delivery and queueing
 * the job on embedded PGlite. GitHub waits for this part only; everything that
 * calls GitHub runs later in the job queue. `npm run bench`.
 */
import { randomUUID } from "node:crypto";
import { afterAll, bench, describe } from "vitest";
import { issueCommentCreated } from "../factories/webhooks.js";
import { fakeWorld, MODERATOR } from "../support/fake-world.js";
import { startHarness, type Harness } from "../support/probot-harness.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

// Set up once for the whole file: benchmark runs repeat the functions many times.
const database: TestDatabase = await createTestDatabase();
const harness: Harness = await startHarness({ database, gateway: fakeWorld() });

describe("webhook intake", () => {
  afterAll(async () => {
    await database.close();
  });

  const withCommand = issueCommentCreated({ body: "/coc flag personal attack", sender: MODERATOR });
  const withoutCommand = issueCommentCreated({ body: "Looks good to me, thanks!", sender: MODERATOR });

  bench("comment with a /coc command (recorded and queued)", async () => {
    await harness.deliver("issue_comment", withCommand, randomUUID());
  }, { time: 2_000 });

  bench("comment without a command (ignored)", async () => {
    await harness.deliver("issue_comment", withoutCommand, randomUUID());
  }, { time: 2_000 });
});
