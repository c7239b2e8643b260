/**
 * A case under way, for tests of what the committee does from it: the fake
 * world, whose flagged comment (hidden by the flag) has its case issue open,
 * two committee members, and helpers to write in the case, read the app's
 * answers and the writes to content, and move the clock past the case's
 * timers. Call it in a describe block; it sets the case up before each test.
 */
import type { TrustedConfigOptions } from "../../src/config/trusted-config.js";
import { beforeEach } from "vitest";
import type { InMemoryGitHub } from "../../src/github/in-memory-github.js";
import { issueCommentCreated, pushed } from "../factories/webhooks.js";
import { CASES, caseAnswers, caseIssues, fakeWorld, MODERATOR } from "./fake-world.js";
import { startHarness, type Harness } from "./probot-harness.js";
import { useTestDatabase } from "./test-database.js";

export const MEMBER = "mod-omar";
export const OTHER_MEMBER = "mod-lena";
export const FLAGGED_LINK = "https://github.com/acme/widgets/issues/7#issuecomment-555";
const HOUR = 3_600_000;

/** `settings`: process settings of the app, e.g. the address of its appeal pages. */
export function useCommitteeCase(options: { settings?: TrustedConfigOptions } = {}) {
  const database = useTestDatabase();
  let github: InMemoryGitHub;
  let harness: Harness;
  let clock: Date;
  let nextComment = 50_000;

  beforeEach(async () => {
    github = fakeWorld();
    github.addTeamMember("acme", "coc-committee", MEMBER);
    github.addTeamMember("acme", "coc-committee", OTHER_MEMBER);
    // Real time, so the queue (which compares with the database's clock) holds the timers until a test moves them.
    clock = new Date(Math.floor(Date.now() / 1000) * 1000);
    harness = await startHarness({ database, gateway: github, now: () => clock, settings: options.settings });
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${FLAGGED_LINK}`, sender: MODERATOR, commentId: 9001 }));
    await harness.drain();
    github.writes.length = 0;
  });

  return {
    database,
    get github() {
      return github;
    },
    /** The app under test, to deliver webhooks other than the case's comments. */
    get harness() {
      return harness;
    },
    /** The app's clock. */
    get clock() {
      return clock;
    },
    /** Writes a comment in the case issue, and runs what it queued. */
    async inCase(body: string, sender = MEMBER) {
      const payload = issueCommentCreated({ ...CASES, body, sender, issueNumber: caseIssues(github)[0]!.number, commentId: ++nextComment });
      payload.repository.private = true;
      await harness.deliver("issue_comment", payload);
      await harness.drain();
    },
    /** Delivers a webhook and runs what it queued; `id` repeats a delivery. */
    async deliver(name: string, payload: object, id?: string) {
      await harness.deliver(name, payload, id);
      await harness.drain();
    },
    /** Tells the app the owner's `.github/coc.yml` changed (a push there), after a test set a new one. */
    async refreshConfig() {
      await harness.deliver("push", pushed({ owner: "acme", repo: ".github" }));
      await harness.drain();
    },
    /** What the app said last in the case. */
    lastAnswer: () => caseAnswers(github).at(-1)!,
    answers: () => caseAnswers(github),
    /** The writes to reported content and its conversation, leaving out the case's comments and labels. */
    contentWrites: () => github.writes.filter((w) => w.verb !== "comment" && w.verb !== "label" && w.verb !== "swap-label"),
    /** Runs at once the actions waiting to be tried again (their backoff skipped). */
    async retryActions() {
      await database.db.$executeRawUnsafe(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key LIKE 'action:%'`);
      await harness.drain();
    },
    /** Moves the app's clock, and lets the queue run the case's timers due by then (of one kind, when given). */
    async passHours(hours: number, kind?: string) {
      clock = new Date(clock.getTime() + hours * HOUR);
      const keys = kind ? `deadline:%:${kind}:%` : "deadline:%";
      await database.db.$executeRawUnsafe(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key LIKE $1 AND run_at <= $2`, keys, clock);
      await harness.drain();
    },
  };
}
