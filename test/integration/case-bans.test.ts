/**
 * Bans through the webhook path: `/coc ban` blocks the person in the
 * organization as an emergency act another member signs off (or it is
 * lifted), a temporary ban reminds the committee before it ends and lifts
 * itself when it does (fired by a process started after the ban), `/coc
 * unban` lifts one early, and where GitHub cannot block the case says the app
 * enforces the ban itself. The banned person hears what, why and until when.
 */
import { describe, expect, it } from "vitest";
import { issueCommentCreated } from "../factories/webhooks.js";
import { abusiveComment, banRegister, caseAnswers, caseIssues, MODERATOR, peopleNotices } from "../support/fake-world.js";
import { MEMBER, OTHER_MEMBER, useCommitteeCase } from "../support/committee-case.js";
import { startHarness } from "../support/probot-harness.js";
import { testBackend } from "../support/test-database.js";

const HOUR = 3_600_000;

describe(`bans (${testBackend})`, () => {
  const committee = useCommitteeCase();
  const blockWrites = () => committee.github.writes.filter((w) => w.verb === "block" || w.verb === "unblock");
  const answers = () => caseAnswers(committee.github);

  it("bans at once, reminds the committee a day before the end, and lifts the ban when it ends, after a restart", async () => {
    await committee.inCase("/coc ack");
    await committee.inCase("/coc ban 3d threats in a review");
    const banned = committee.clock;
    expect(answers().find((a) => a.includes("emergency ban"))).toMatch(
      /^@mod-omar emergency ban\. Another committee member who is not recused must write `\/coc signoff` by .* UTC, or the ban is lifted\.\n\n`troll-tom` is banned in `acme` until .* UTC \(3 days\); the case will say how it is enforced\.$/,
    );
    expect(blockWrites()).toEqual([{ verb: "block", org: "acme", login: "troll-tom" }]);
    expect(committee.lastAnswer()).toMatch(/^\*\*Ban of `troll-tom` in `acme`:\*\* blocked in the organization until .* UTC \(3 days\)\.$/);
    const notice = peopleNotices(committee.github).find((n) => n.includes("banned you"))!;
    expect(notice).toContain("The conduct committee banned you from taking part in the repositories of `acme` (case COC-");
    expect(notice).toContain("until ");
    expect(notice).toContain("The committee's reason: threats in a review.");
    expect(notice).not.toContain("mod-maria");
    await committee.inCase("/coc signoff", OTHER_MEMBER);
    expect(committee.lastAnswer()).toContain("you signed off the emergency act; it stays.");
    // The register lists it, pinned in the cases repository, linked to its case.
    const register = banRegister(committee.github)!;
    expect(register).toMatchObject({ title: "Ban register", labels: ["coc-ban-register"] });
    expect(committee.github.pinned.has(`acme/coc-cases#${register.number}`)).toBe(true);
    expect(register.body).toMatch(/### In force \(1\)\n\n\| Who \| Account \| Since \| Until \| By \| Case \| Ended \|\n\|---\|---\|---\|---\|---\|---\|---\|\n\| `troll-tom` \| `acme` \| .* UTC \| .* UTC \| `mod-omar` \| \[COC-\d{4}-0001\]\(https:\/\/github\.com\/acme\/coc-cases\/issues\/1\) \|  \|\n/);

    // Another process, started after the ban was recorded, fires its timers.
    await startHarness({ database: committee.database, gateway: committee.github, now: () => committee.clock });
    await committee.passHours(48);
    expect(committee.lastAnswer()).toMatch(/^@acme\/coc-committee the ban of `troll-tom` in `acme` ends at .* UTC: the app lets them back in then\./);
    expect(blockWrites()).toHaveLength(1);
    await committee.passHours(24);
    expect(committee.lastAnswer()).toBe("**The ban of `troll-tom` in `acme` is lifted:** its time is up. They are unblocked in the organization.");
    expect(blockWrites().at(-1)).toEqual({ verb: "unblock", org: "acme", login: "troll-tom" });
    const ban = await committee.database.db.ban.findFirstOrThrow();
    expect(ban).toMatchObject({ enforcement: "block", liftReason: "expired", liftedBy: "app" });
    expect(ban.endsAt).toEqual(new Date(banned.getTime() + 72 * HOUR));
    expect(banRegister(committee.github)!.body).toContain("### In force (0)\n\nNone.\n\n### Ended (1)");
    expect(banRegister(committee.github)!.body).toMatch(/ UTC \(expired\) \|$/m);
  });

  it("lifts an emergency ban nobody signs off in time", async () => {
    await committee.inCase("/coc ack");
    await committee.inCase("/coc ban permanent");
    expect(answers().some((a) => a.includes("is banned in `acme` with no end date"))).toBe(true);
    await committee.passHours(73, "emergency-signoff");
    expect(committee.lastAnswer()).toBe("**The ban of `troll-tom` in `acme` is lifted:** the emergency ban was not signed off in time. They are unblocked in the organization.");
    expect(blockWrites().map((w) => w.verb)).toEqual(["block", "unblock"]);
  });

  it("lifts a ban early with /coc unban, once, and cancels its sign-off", async () => {
    await committee.inCase("/coc ack");
    await committee.inCase("/coc ban 30d");
    await committee.inCase("/coc ban 2w again");
    expect(committee.lastAnswer()).toContain("`troll-tom` is already banned in `acme` until");
    await committee.inCase("/coc unban", OTHER_MEMBER);
    expect(answers()).toContain(`@${OTHER_MEMBER} lifting the ban of \`troll-tom\` in \`acme\`.`);
    expect(committee.lastAnswer()).toBe("**The ban of `troll-tom` in `acme` is lifted:** lifted early with `/coc unban`. They are unblocked in the organization.");
    await committee.inCase("/coc unban", OTHER_MEMBER);
    expect(committee.lastAnswer()).toContain("`troll-tom` is not banned in `acme`.");
    // Its sign-off timer is gone: nothing is lifted twice.
    await committee.passHours(73);
    expect(blockWrites().map((w) => w.verb)).toEqual(["block", "unblock"]);
    expect(await committee.database.db.emergencyAct.findFirstOrThrow()).toMatchObject({ kind: "ban", signedOffAt: null });
  });

  it("says the app enforces the ban itself where GitHub cannot block", async () => {
    committee.github.blocks.userAccounts.add("acme");
    await committee.inCase("/coc ack");
    await committee.inCase("/coc ban 1w");
    expect(committee.lastAnswer()).toContain(
      "`acme` is a personal account, and GitHub blocks people through its API only from organizations, so the app enforces the ban itself",
    );
    expect(await committee.database.db.ban.findFirstOrThrow()).toMatchObject({ enforcement: "app", enforcementNote: "not-an-organization" });
    expect(blockWrites()).toEqual([]);
  });

  it("keeps an owner's block when a ban of someone they had blocked already lifts", async () => {
    await committee.github.blocks.block("acme", "troll-tom");
    committee.github.writes.length = 0;
    await committee.inCase("/coc ack");
    await committee.inCase("/coc ban 1d");
    expect(committee.lastAnswer()).toContain("blocked in the organization until");
    expect(committee.lastAnswer()).toContain("They were already blocked there.");
    await committee.inCase("/coc unban", OTHER_MEMBER);
    expect(committee.github.blocks.isBlocked("acme", "troll-tom")).toBe(true);
    expect(blockWrites()).toEqual([]);
  });

  it("refuses a ban with no length or a bad one, and a login that is not one", async () => {
    await committee.inCase("/coc ack");
    await committee.inCase("/coc ban");
    expect(committee.lastAnswer()).toContain("give the ban's length");
    await committee.inCase("/coc ban 1M");
    expect(committee.lastAnswer()).toContain("`1M` is not a ban length: write `permanent` or a duration such as 90m, 24h, 7d or 2w");
    await committee.inCase("/coc ban @not..a..login 1d");
    expect(committee.lastAnswer()).toContain("is not a GitHub login");
    expect(await committee.database.db.ban.count()).toBe(0);
  });

  it(`bans at the strike threshold with strikes.on_threshold: ban, as an emergency act (${MEMBER} warns)`, async () => {
    committee.github.configs.set("acme/.github", { strikes: { threshold: 1, on_threshold: "ban 7d" } });
    await committee.refreshConfig();
    await committee.inCase("/coc ack");
    await committee.inCase("/coc warn slurs");
    const warned = answers().find((a) => a.includes("you warned"))!;
    expect(warned).toContain("That reaches the strike threshold (`strikes.on_threshold`), so the app banned them at once, as an emergency act: `troll-tom` is banned in `acme` until");
    expect(warned).toContain("(1 week)");
    expect(warned).toContain("A committee member other than `mod-omar` who is not recused must write `/coc signoff`");
    // The act is the warning member's: another member signs it off.
    expect(await committee.database.db.emergencyAct.findFirstOrThrow()).toMatchObject({ kind: "ban", actor: MEMBER });
    await committee.inCase("/coc signoff");
    expect(committee.lastAnswer()).toContain("another committee member must sign off your own emergency act.");
    await committee.inCase("/coc signoff", OTHER_MEMBER);
    expect(committee.lastAnswer()).toContain("you signed off the emergency act; it stays.");
  });

  it("shows the ban in the history of the subject's next case", async () => {
    await committee.inCase("/coc ack");
    await committee.inCase("/coc ban 30d");
    const link = "https://github.com/acme/widgets/issues/8#issuecomment-556";
    committee.github.addContent(abusiveComment({ ref: { kind: "issue_comment", owner: "acme", repo: "widgets", number: 8, commentId: 556 }, nodeId: "IC_again556", url: link }));
    await committee.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${link}`, sender: MODERATOR, commentId: 9002, issueNumber: 8 }));
    const next = caseIssues(committee.github)[1]!.body;
    expect(next).toMatch(/- Bans: 1\n {2}- \d{4}-\d\d-\d\d until \d{4}-\d\d-\d\d in \[COC-\d{4}-0001\]\(https:\/\/github\.com\/acme\/coc-cases\/issues\/1\) · in force\n/);
  });

  it("enacts a decided ban once, however often the end of the feedback window fires", async () => {
    committee.github.configs.set("acme/.github", { committee: { quorum: "single" }, decisions: { reporter_feedback: "1h" } });
    await committee.refreshConfig();
    await committee.inCase("/coc ack");
    await committee.inCase("/coc resolve temporary-ban 2w repeated insults");
    expect(await committee.database.db.ban.count()).toBe(0);
    const [timer] = await committee.database.db.$queryRawUnsafe<Array<{ payload: unknown }>>(
      `SELECT payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE j.key LIKE 'deadline:%:enact'`,
    );
    await committee.passHours(1);
    expect(answers().some((a) => a.includes("The reporter's time to comment has passed: the decision (`temporary-ban`) is enacted and the case is closed."))).toBe(true);
    // The same timer again, as after a crash between its work and its completion.
    await committee.database.db.$executeRawUnsafe(`SELECT graphile_worker.add_job('deadline', $1::json, job_key := 'again')`, JSON.stringify(timer!.payload));
    await committee.harness.drain();
    expect(await committee.database.db.ban.count()).toBe(1);
    expect(blockWrites()).toEqual([{ verb: "block", org: "acme", login: "troll-tom" }]);
  });

  it("blocks and unblocks the banned account under the login it has now, never whoever took the old one", async () => {
    await committee.inCase("/coc ack");
    committee.github.renameAccount("troll-tom", "tom-renamed");
    await committee.inCase("/coc ban 1d");
    await committee.inCase("/coc unban", OTHER_MEMBER);
    expect(blockWrites()).toEqual([
      { verb: "block", org: "acme", login: "tom-renamed" },
      { verb: "unblock", org: "acme", login: "tom-renamed" },
    ]);
  });

  it("lets the committee's decided ban take over an emergency ban in force, without a gap or a revert", async () => {
    committee.github.configs.set("acme/.github", { committee: { quorum: "single" } });
    await committee.refreshConfig();
    await committee.inCase("/coc ack");
    await committee.inCase("/coc ban 3d threats, until we decide");
    await committee.inCase("/coc resolve temporary-ban 30d threats", OTHER_MEMBER);
    expect(answers().find((a) => a.includes("**Decided:"))).toContain("The decision takes over the ban of `troll-tom` in `acme` already in force: it now lasts until");
    const ban = await committee.database.db.ban.findFirstOrThrow();
    expect(ban.endsAt!.getTime() - committee.clock.getTime()).toBe(30 * 24 * HOUR);
    expect(await committee.database.db.ban.count()).toBe(1);
    // The emergency ban's sign-off passes: nothing is lifted, it is the committee's decision now.
    await committee.passHours(73);
    expect(blockWrites()).toEqual([{ verb: "block", org: "acme", login: "troll-tom" }]);
    expect(await committee.database.db.emergencyAct.findFirstOrThrow()).toMatchObject({ signedOffBy: "decision" });
  });

  it("does not let a member who takes no part in the ban's case lift it from another case", async () => {
    await committee.inCase("/coc ack");
    await committee.inCase("/coc ban 30d");
    await committee.inCase("/coc recuse I know them", OTHER_MEMBER);
    const link = "https://github.com/acme/widgets/issues/8#issuecomment-557";
    committee.github.addContent(abusiveComment({ ref: { kind: "issue_comment", owner: "acme", repo: "widgets", number: 8, commentId: 557 }, nodeId: "IC_again557", url: link }));
    await committee.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${link}`, sender: MODERATOR, commentId: 9003, issueNumber: 8 }));
    const second = caseIssues(committee.github)[1]!;
    const inSecond = (body: string) => {
      const payload = issueCommentCreated({ owner: "acme", repo: "coc-cases", body, sender: OTHER_MEMBER, issueNumber: second.number, commentId: 99_000 + body.length });
      payload.repository.private = true;
      return committee.deliver("issue_comment", payload);
    };
    await inSecond("/coc unban");
    expect(caseAnswers(committee.github, undefined, 1).at(-1)).toContain("the ban was decided in case COC-");
    expect(caseAnswers(committee.github, undefined, 1).at(-1)).toContain("in which you take no part, so you cannot lift it.");
    expect(blockWrites().map((w) => w.verb)).toEqual(["block"]);
    });
});
