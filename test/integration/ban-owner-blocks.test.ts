/**
 * Blocks made by hand, and the daily drift check, through the webhook path
 * and the job queue: an owner's `org_block` is recorded in the ban register;
 * an owner who unblocks a person the app banned ends that ban (the app never
 * blocks them again); the app's own blocks echoing back change nothing; and a
 * ban whose person GitHub no longer blocks is reported in its case, once a day.
 */
import { describe, expect, it } from "vitest";
import { fakeAccountId } from "../../src/github/in-memory-github.js";
import { orgBlock } from "../factories/webhooks.js";
import { banRegister, caseAnswers } from "../support/fake-world.js";
import { OTHER_MEMBER, useCommitteeCase } from "../support/committee-case.js";
import { testBackend } from "../support/test-database.js";

const TOM = { login: "troll-tom", userId: fakeAccountId("troll-tom") };

describe(`blocks made by hand, and the drift check (${testBackend})`, () => {
  const committee = useCommitteeCase();
  const blockWrites = () => committee.github.writes.filter((w) => w.verb === "block" || w.verb === "unblock");
  const runDriftCheck = async () => {
    await committee.database.db.$executeRawUnsafe(`SELECT graphile_worker.add_job('ban-drift-check', '{}'::json)`);
    await committee.harness.drain();
  };

  it("records an owner's block in the ban register, once however often it is delivered", async () => {
    await committee.deliver("org_block", orgBlock({ action: "blocked", login: "spam-sam", userId: 77 }), "delivery-block-1");
    await committee.deliver("org_block", orgBlock({ action: "blocked", login: "spam-sam", userId: 77 }), "delivery-block-1");
    const bans = await committee.database.db.ban.findMany();
    expect(bans).toMatchObject([{ account: "acme", subjectLogin: "spam-sam", source: "owner", issuedBy: "owner-olga", caseId: null, enforcement: "block" }]);
    expect(banRegister(committee.github)!.body).toMatch(/\| `spam-sam` \| `acme` \| .* UTC \| no end \| `owner-olga` on GitHub \| a block made by hand \|  \|/);
    // Unblocked by hand too: the register says it ended.
    await committee.deliver("org_block", orgBlock({ action: "unblocked", login: "spam-sam", userId: 77 }));
    expect(await committee.database.db.ban.findFirstOrThrow()).toMatchObject({ liftReason: "owner-unblocked", liftedBy: "owner-olga" });
    expect(banRegister(committee.github)!.body).toContain("### In force (0)");
  });

  it("ends a ban the owner lifted by hand, and never blocks the person again", async () => {
    await committee.inCase("/coc ack");
    await committee.inCase("/coc ban 30d");
    await committee.inCase("/coc signoff", OTHER_MEMBER);
    // The app's own block comes back as a webhook sent by the app: nothing changes.
    await committee.deliver("org_block", orgBlock({ action: "blocked", ...TOM, sender: "coc-enforcer[bot]", senderType: "Bot" }));
    expect(await committee.database.db.ban.count()).toBe(1);

    await committee.github.blocks.unblock("acme", "troll-tom");
    await committee.deliver("org_block", orgBlock({ action: "unblocked", ...TOM }));
    expect(caseAnswers(committee.github)).toContain(
      "`owner-olga` unblocked `troll-tom` in `acme` by hand on GitHub, so this case's ban is recorded as lifted by them. The app does not block them again; if the ban should stand, decide it again in the case.",
    );
    expect(await committee.database.db.ban.findFirstOrThrow()).toMatchObject({ liftReason: "owner-unblocked", liftedBy: "owner-olga" });
    // Its end date passes: nothing is unblocked or blocked again.
    await committee.passHours(31 * 24);
    expect(blockWrites().map((w) => w.verb)).toEqual(["block", "unblock"]);
  });

  it("leaves an owner's block in place when the case's ban of the same person ends", async () => {
    await committee.inCase("/coc ack");
    await committee.inCase("/coc ban 1d");
    await committee.deliver("org_block", orgBlock({ action: "blocked", ...TOM }));
    expect(committee.lastAnswer()).toBe("`owner-olga` blocked `troll-tom` in `acme` by hand on GitHub. The block is theirs: it stays when this case's ban ends.");
    await committee.inCase("/coc unban", OTHER_MEMBER);
    expect(committee.github.blocks.isBlocked("acme", "troll-tom")).toBe(true);
  });

  it("reports a ban whose person GitHub no longer blocks, once a day, and does not block them again", async () => {
    await committee.inCase("/coc ack");
    await committee.inCase("/coc ban permanent");
    await runDriftCheck();
    expect(caseAnswers(committee.github).filter((a) => a.startsWith("**Drift:**"))).toEqual([]);
    // Unblocked without the app hearing of it (no webhook).
    await committee.github.blocks.unblock("acme", "troll-tom");
    await runDriftCheck();
    await runDriftCheck();
    const drift = caseAnswers(committee.github).filter((a) => a.startsWith("**Drift:**"));
    expect(drift).toEqual([
      "**Drift:** the ban of `troll-tom` in `acme` is in force with no end date, but GitHub no longer lists them as blocked there. Someone may have unblocked them by hand without the app hearing of it. The app does not block them again by itself: block them by hand if the ban stands, or `/coc unban` to record it lifted.",
    ]);
    expect(committee.github.blocks.isBlocked("acme", "troll-tom")).toBe(false);
    expect(await committee.database.db.auditEvent.count({ where: { action: "ban.drift" } })).toBe(1);
  });
});
