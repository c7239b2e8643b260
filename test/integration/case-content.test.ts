/**
 * The committee acts on reported content from the case: hides it or shows it
 * again, locks its conversation (for good, or for a time that ends by
 * itself), replaces its text with a removal notice, closes its issue. Links
 * must stay within the case's own account. Emergency acts are in
 * case-emergency.test.ts.
 */
import { describe, expect, it } from "vitest";
import { MEMBER, OTHER_MEMBER, useCommitteeCase } from "../support/committee-case.js";
import { testBackend } from "../support/test-database.js";

describe(`acting on content from a case (${testBackend})`, () => {
  const world = useCommitteeCase();
  const { database, inCase, lastAnswer, contentWrites, passHours } = world;

  it("shows the flagged comment again, and hides it once more", async () => {
    expect(world.github.hidden.has("IC_abusive555")).toBe(true);
    await inCase("/coc unhide");
    expect(world.github.hidden.has("IC_abusive555")).toBe(false);
    expect(lastAnswer()).toBe(`@${MEMBER} the flagged comment is being shown again.`);
    await inCase("/coc hide");
    expect(world.github.hidden.get("IC_abusive555")).toBe("ABUSE");
  });

  it("locks the conversation for a time, and unlocks it by itself when the time is up", async () => {
    await inCase("/coc lock too-heated for 48h");
    expect(world.github.locks.get("acme/widgets#7")).toBe("too heated");
    expect(lastAnswer()).toMatch(/the conversation is being locked \(too heated\) for 2 days, until \d{4}-\d\d-\d\d \d\d:\d\d UTC\./);
    // Only the lock's timer: the acknowledgement reminders come due by then too, and would answer last.
    await passHours(48, "lock-expiry");
    expect(world.github.locks.has("acme/widgets#7")).toBe(false);
    expect(lastAnswer()).toBe("The timed lock on `acme/widgets#7` has expired: the conversation is being unlocked.");
    expect(await database.db.timedLock.findFirstOrThrow()).toMatchObject({ unlockedAt: world.clock });
  });

  it("unlocks at once on /coc unlock, and the timed unlock does not come after", async () => {
    await inCase("/coc lock spam for 2h");
    await inCase("/coc unlock");
    expect(world.github.locks.has("acme/widgets#7")).toBe(false);
    const timers = await database.db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM graphile_worker._private_jobs WHERE key LIKE 'deadline:%:lock-expiry:%'`);
    expect(timers).toEqual([]);
  });

  it("refuses an unknown lock reason and a bad duration, naming the valid ones", async () => {
    await inCase("/coc lock angry");
    expect(lastAnswer()).toContain("`angry` is not a lock reason; use one of `off-topic`, `too-heated`, `resolved`, `spam`.");
    await inCase("/coc lock spam for 3 months");
    expect(lastAnswer()).toContain("write how long after `for`, such as `for 48h`");
    expect(world.github.locks.size).toBe(0);
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

  it("refuses every act from a member recused from the case, and links into the cases repository", async () => {
    await inCase("/coc recuse", OTHER_MEMBER);
    await inCase("/coc unhide", OTHER_MEMBER);
    expect(lastAnswer()).toContain("you take no part in this case");
    expect(world.github.hidden.has("IC_abusive555")).toBe(true);
    await inCase(`/coc hide https://github.com/acme/coc-cases/issues/1#issuecomment-3`);
    expect(lastAnswer()).toContain("the link points into the cases repository");
  });
});
