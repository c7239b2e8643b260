/**
 * A raid sweep through the webhook path: `/coc sweep` hides every comment,
 * review and review comment the person wrote in the account's repositories
 * within the window, in one batched call, lists each in the case and keeps it
 * with the case; what is older, someone else's, in another account or in the
 * cases repository is left alone. A second sweep finds nothing more.
 */
import { describe, expect, it } from "vitest";
import { abusiveComment } from "../support/fake-world.js";
import { useCommitteeCase } from "../support/committee-case.js";
import { testBackend } from "../support/test-database.js";

const HOUR = 3_600_000;

describe(`raid sweeps (${testBackend})`, () => {
  const committee = useCommitteeCase();

  const raid = () => {
    const now = committee.clock.getTime();
    const add = (id: number, overrides: Parameters<typeof abusiveComment>[0]) =>
      committee.github.addContent(abusiveComment({ ref: { kind: "issue_comment", owner: "acme", repo: "widgets", number: 20 + (id % 5), commentId: id }, nodeId: `IC_raid${id}`, url: `https://github.com/acme/widgets/issues/${20 + (id % 5)}#issuecomment-${id}`, ...overrides }));
    for (let i = 0; i < 30; i++) add(1000 + i, { createdAt: new Date(now - (i + 1) * 60_000).toISOString() });
    add(2000, { createdAt: new Date(now - 30 * HOUR).toISOString() }); // older than the window
    add(2001, { createdAt: new Date(now - HOUR).toISOString(), authorLogin: "kind-kim" }); // someone else
    committee.github.addContent(
      abusiveComment({ ref: { kind: "review_comment", owner: "acme", repo: "gadgets", number: 3, commentId: 3000 }, nodeId: "PRRC_raid3000", url: "https://github.com/acme/gadgets/pull/3#discussion_r3000", createdAt: new Date(now - 2 * HOUR).toISOString() }),
    );
    committee.github.addContent(
      abusiveComment({ ref: { kind: "issue_comment", owner: "other", repo: "place", number: 1, commentId: 4000 }, nodeId: "IC_elsewhere", url: "https://github.com/other/place/issues/1#issuecomment-4000", createdAt: new Date(now - HOUR).toISOString() }),
    );
  };

  it("hides the raid in one batched call and lists each item in the case", async () => {
    await committee.inCase("/coc ack");
    raid();
    await committee.inCase("/coc sweep @troll-tom");
    const batched = committee.github.writes.filter((w) => w.verb === "hide-many");
    expect(batched).toHaveLength(1);
    const ids = batched[0]!.verb === "hide-many" ? batched[0]!.nodeIds : [];
    // 30 raid comments and the review comment in another repository of the account; the flagged comment was hidden already.
    expect(ids).toHaveLength(31);
    expect(ids).toContain("PRRC_raid3000");
    expect(ids).not.toContain("IC_raid2000");
    expect(ids).not.toContain("IC_raid2001");
    expect(ids).not.toContain("IC_elsewhere");
    expect(committee.github.hidden.get("IC_raid1000")).toBe("ABUSE");
    const report = committee.lastAnswer();
    expect(report).toMatch(/^\*\*Sweep of `troll-tom` in `acme` since .* UTC:\*\* hid 31\.\n\n- review comment .* UTC: `https:\/\/github\.com\/acme\/gadgets\/pull\/3#discussion_r3000`\n/);
    expect(report).toMatch(/\n- comment .* UTC: `https:\/\/github\.com\/acme\/widgets\/issues\/2\d#issuecomment-1000`$/);
    expect(await committee.database.db.sweptContent.count()).toBe(31);
    expect((await committee.database.db.auditEvent.findFirstOrThrow({ where: { action: "sweep.done" } })).detail).toMatchObject({ login: "troll-tom", hidden: 31, gone: 0 });

    await committee.inCase("/coc sweep");
    expect(committee.lastAnswer()).toMatch(/^\*\*Sweep of `troll-tom` in `acme` since .* UTC:\*\* nothing left to hide\.$/);
  });

  it("reaches back as far as asked, within a month, and refuses other forms", async () => {
    await committee.inCase("/coc ack");
    raid();
    await committee.inCase("/coc sweep @troll-tom since 2d");
    expect(committee.github.hidden.get("IC_raid2000")).toBe("ABUSE");
    await committee.inCase("/coc sweep @troll-tom since 60d");
    expect(committee.lastAnswer()).toContain("a sweep reaches back 31 days at most");
    await committee.inCase("/coc sweep @troll-tom for 2d");
    expect(committee.lastAnswer()).toContain("the form is `/coc sweep [@\u200dlogin] [since <length>]`");
    await committee.inCase("/coc sweep @not..a..login");
    expect(committee.lastAnswer()).toContain("is not a GitHub login");
  });
});
