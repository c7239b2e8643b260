/**
 * The committee acts on reported content from the case: hides it or shows it
 * again, locks its conversation (for good, or for a time that ends by
 * itself), replaces its text with a removal notice, closes its issue. Links
 * must stay within the case's own account.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { InMemoryGitHub } from "../../src/github/in-memory-github.js";
import { issueCommentCreated } from "../factories/webhooks.js";
import { CASES, caseAnswers, caseIssues, fakeWorld, MODERATOR } from "../support/fake-world.js";
import { startHarness, type Harness } from "../support/probot-harness.js";
import { testBackend, useTestDatabase } from "../support/test-database.js";

const HOUR = 3_600_000;
const LINK = "https://github.com/acme/widgets/issues/7#issuecomment-555";
const MEMBER = "mod-omar";

describe(`acting on content from a case (${testBackend})`, () => {
  const database = useTestDatabase();
  let github: InMemoryGitHub;
  let harness: Harness;
  let clock: Date;
  let nextComment = 50_000;

  beforeEach(async () => {
    github = fakeWorld();
    github.addTeamMember("acme", "coc-committee", MEMBER);
    github.addTeamMember("acme", "coc-committee", "mod-lena");
    clock = new Date(Math.floor(Date.now() / 1000) * 1000);
    harness = await startHarness({ database, gateway: github, now: () => clock });
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${LINK}`, sender: MODERATOR, commentId: 9001 }));
    await harness.drain();
    github.writes.length = 0;
  });

  const inCase = async (body: string, sender = MEMBER) => {
    const payload = issueCommentCreated({ ...CASES, body, sender, issueNumber: caseIssues(github)[0]!.number, commentId: ++nextComment });
    payload.repository.private = true;
    await harness.deliver("issue_comment", payload);
    await harness.drain();
  };
  const lastAnswer = () => caseAnswers(github).at(-1)!;
  const contentWrites = () => github.writes.filter((w) => w.verb !== "comment" && w.verb !== "label" && w.verb !== "swap-label");

  it("shows the flagged comment again, and hides it once more", async () => {
    expect(github.hidden.has("IC_abusive555")).toBe(true);
    await inCase("/coc unhide");
    expect(github.hidden.has("IC_abusive555")).toBe(false);
    expect(lastAnswer()).toBe(`@${MEMBER} the flagged comment is being shown again.`);
    await inCase("/coc hide");
    expect(github.hidden.get("IC_abusive555")).toBe("ABUSE");
  });

  it("locks the conversation for a time, and unlocks it by itself when the time is up", async () => {
    await inCase("/coc lock too-heated for 48h");
    expect(github.locks.get("acme/widgets#7")).toBe("too heated");
    expect(lastAnswer()).toMatch(/the conversation is being locked \(too heated\) for 2 days, until \d{4}-\d\d-\d\d \d\d:\d\d UTC\./);
    clock = new Date(clock.getTime() + 48 * HOUR);
    await database.db.$executeRawUnsafe(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key LIKE 'deadline:%:lock-expiry:%'`);
    await harness.drain();
    expect(github.locks.has("acme/widgets#7")).toBe(false);
    expect(lastAnswer()).toBe("The timed lock on `acme/widgets#7` has expired: the conversation is being unlocked.");
    expect(await database.db.timedLock.findFirstOrThrow()).toMatchObject({ unlockedAt: clock });
  });

  it("unlocks at once on /coc unlock, and the timed unlock does not come after", async () => {
    await inCase("/coc lock spam for 2h");
    await inCase("/coc unlock");
    expect(github.locks.has("acme/widgets#7")).toBe(false);
    const timers = await database.db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM graphile_worker._private_jobs WHERE key LIKE 'deadline:%:lock-expiry:%'`);
    expect(timers).toEqual([]);
  });

  it("refuses an unknown lock reason and a bad duration, naming the valid ones", async () => {
    await inCase("/coc lock angry");
    expect(lastAnswer()).toContain("`angry` is not a lock reason; use one of `off-topic`, `too-heated`, `resolved`, `spam`.");
    await inCase("/coc lock spam for 3 months");
    expect(lastAnswer()).toContain("write how long after `for`, such as `for 48h`");
    expect(github.locks.size).toBe(0);
  });

  it("replaces the flagged text with a removal notice and closes its issue", async () => {
    await inCase("/coc remove");
    await inCase("/coc close");
    expect(contentWrites()).toEqual([
      {
        verb: "replace-body",
        ref: { kind: "issue_comment", owner: "acme", repo: "widgets", number: 7, commentId: 555 },
        body: "_This content was removed by the moderators under the project's Code of Conduct._",
      },
      { verb: "close-issue", repo: "acme/widgets", issueNumber: 7, reason: "not_planned" },
    ]);
    // The evidence keeps the original.
    expect((await database.db.evidence.findFirstOrThrow()).body).toContain("You are all idiots.");
  });

  it("never acts on a link into another account", async () => {
    await inCase("/coc hide https://github.com/elsewhere/project/issues/1#issuecomment-1");
    expect(lastAnswer()).toContain("the link points outside `acme`, the account this case belongs to.");
    expect(contentWrites()).toEqual([]);
  });

  const passHours = async (hours: number) => {
    clock = new Date(clock.getTime() + hours * HOUR);
    await database.db.$executeRawUnsafe(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key LIKE 'deadline:%' AND run_at <= $1`, clock);
    await harness.drain();
  };

  it("keeps an emergency act another member signs off in time", async () => {
    await inCase("/coc emergency lock");
    expect(github.locks.get("acme/widgets#7")).toBe("too heated");
    expect(lastAnswer()).toMatch(/emergency act: the flagged comment is being locked\. Another committee member who is not recused must write `\/coc signoff` by/);
    await inCase("/coc signoff");
    expect(lastAnswer()).toContain("another committee member must sign off your own emergency act.");
    await inCase("/coc signoff", "mod-lena");
    expect(lastAnswer()).toBe("@mod-lena you signed off the emergency act; it stays.");
    await passHours(72);
    expect(github.locks.get("acme/widgets#7")).toBe("too heated");
  });

  it("reverts an emergency act nobody signed off within 72 hours, and says so in the case", async () => {
    await inCase("/coc emergency remove");
    expect(contentWrites().map((w) => w.verb)).toEqual(["replace-body"]);
    await passHours(71);
    expect(contentWrites()).toHaveLength(1);
    await passHours(1);
    expect(contentWrites().at(-1)).toEqual({
      verb: "replace-body",
      ref: { kind: "issue_comment", owner: "acme", repo: "widgets", number: 7, commentId: 555 },
      body: "You are all idiots. @mod-maria see #12 and @acme/core",
    });
    expect(lastAnswer()).toBe("The emergency act (`remove` by `mod-omar`) was not signed off in time: it is being reverted.");
    expect(await database.db.emergencyAct.findFirstOrThrow()).toMatchObject({ revertedAt: clock, signedOffAt: null });
  });

  it("refuses every act from a member recused from the case, and links into the cases repository", async () => {
    await inCase("/coc recuse", "mod-lena");
    await inCase("/coc unhide", "mod-lena");
    expect(lastAnswer()).toContain("you take no part in this case");
    expect(github.hidden.has("IC_abusive555")).toBe(true);
    await inCase(`/coc hide https://github.com/acme/coc-cases/issues/1#issuecomment-3`);
    expect(lastAnswer()).toContain("the link points into the cases repository");
  });

  it("refuses an emergency hide of content that is hidden already: its revert would show it", async () => {
    await inCase("/coc emergency hide");
    expect(lastAnswer()).toContain("the flagged comment is already hidden.");
    expect(await database.db.emergencyAct.count()).toBe(0);
  });
});
