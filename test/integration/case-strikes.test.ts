/**
 * Warnings and the strike rule through the webhook path: `/coc warn` and the
 * `warning` outcome record a strike in the account's ledger, the subject is
 * told, the threshold opens the strike rule's proposal, `/coc strike void`
 * takes a strike out of the count, and a strike follows its subject across
 * the account's repositories. Replayed deliveries strike once.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { InMemoryGitHub } from "../../src/github/in-memory-github.js";
import { issueCommentCreated } from "../factories/webhooks.js";
import { abusiveComment, CASES, caseAnswers, caseIssues, fakeWorld, MODERATOR, peopleNotices } from "../support/fake-world.js";
import { startHarness, type Harness } from "../support/probot-harness.js";
import { testBackend, useTestDatabase } from "../support/test-database.js";

const LINK = "https://github.com/acme/widgets/issues/7#issuecomment-555";
const OTHER_REPO = { owner: "acme", repo: "gadgets" };
const OTHER_LINK = "https://github.com/acme/gadgets/issues/3#issuecomment-777";
const [ANA, BEN] = ["mod-ana", "mod-ben"];
const HOUR = 3_600_000;

describe(`warnings and the strike rule (${testBackend})`, () => {
  const database = useTestDatabase();
  let github: InMemoryGitHub;
  let harness: Harness;
  let clock: Date;
  let nextComment = 60_000;

  const start = async (ownerConfig: object = {}) => {
    github.configs.set("acme/.github", ownerConfig);
    clock = new Date(Math.floor(Date.now() / 1000) * 1000);
    harness = await startHarness({ database, gateway: github, now: () => clock });
    await flag(LINK, "acme", "widgets");
    await inCase("/coc ack", ANA);
  };

  beforeEach(() => {
    github = fakeWorld();
    for (const login of [ANA, BEN]) github.addTeamMember("acme", "coc-committee", login);
    github.addRepository(OTHER_REPO, { private: false });
    github.setPermission(OTHER_REPO, MODERATOR, "maintain");
    github.addContent(
      abusiveComment({ ref: { kind: "issue_comment", ...OTHER_REPO, number: 3, commentId: 777 }, nodeId: "IC_abusive777", url: OTHER_LINK, body: "Same insult, other repository." }),
    );
  });

  const flag = async (link: string, owner: string, repo: string) => {
    await harness.deliver("issue_comment", issueCommentCreated({ owner, repo, body: `/coc flag ${link}`, sender: MODERATOR, commentId: ++nextComment }));
    await harness.drain();
  };
  const inCase = async (body: string, sender: string, caseIndex = 0, deliveryId?: string) => {
    const payload = issueCommentCreated({ ...CASES, body, sender, issueNumber: caseIssues(github)[caseIndex]!.number, commentId: ++nextComment });
    payload.repository.private = true;
    await harness.deliver("issue_comment", payload, deliveryId);
    await harness.drain();
  };
  const lastAnswer = (caseIndex = 0) => caseAnswers(github, CASES, caseIndex).at(-1)!;
  const strikes = () => database.db.strike.findMany({ orderBy: { number: "asc" } });

  it("records a strike with /coc warn, shows its id and the active count, and tells the subject, never who reported", async () => {
    await start();
    await inCase("/coc warn insults in review comments", ANA);
    expect(lastAnswer()).toBe(`@${ANA} you warned \`troll-tom\`.\n\nStrike **S-1** recorded against \`troll-tom\`: 1 active of the threshold 3.`);
    const [strike] = await strikes();
    expect(strike).toMatchObject({ account: "acme", number: 1, subjectLogin: "troll-tom", reason: "insults in review comments", issuedBy: ANA, source: "warn", voidedAt: null });
    expect(strike!.subjectId).not.toBeNull();
    const notice = peopleNotices(github).at(-1)!;
    expect(notice).toContain("The conduct committee gave you a formal warning in case COC-2026-0001, about your conduct. The committee's reason: insults in review comments.");
    expect(notice).toContain("Warnings count until they are voided; you have 1, and at 3 the committee considers further action.");
    expect(notice).not.toContain(MODERATOR);
    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { action: "strike.issued" } });
    expect(audit.detail).toEqual({ strike: "S-1", account: "acme", subject: "troll-tom", active: 1 });
  });

  it("refuses a warning before the case is acknowledged, and after it is closed", async () => {
    github.configs.set("acme/.github", {});
    clock = new Date(Math.floor(Date.now() / 1000) * 1000);
    harness = await startHarness({ database, gateway: github, now: () => clock });
    await flag(LINK, "acme", "widgets");
    await inCase("/coc warn too early", ANA);
    expect(lastAnswer()).toContain("acknowledge this case (`/coc ack`) before warning its subject.");
    await inCase("/coc ack", ANA);
    await inCase("/coc propose no-violation", ANA);
    await inCase("/coc approve", BEN);
    await inCase("/coc warn too late", ANA);
    expect(lastAnswer()).toContain("this case is closed; reopen it to warn its subject.");
    expect(await strikes()).toEqual([]);
  });

  it("opens the strike rule's permanent-ban proposal at the threshold; any member may withdraw it", async () => {
    await start({ strikes: { threshold: 2 } });
    await inCase("/coc warn first", ANA);
    expect(lastAnswer()).not.toContain("threshold (");
    await inCase("/coc warn second", BEN);
    expect(lastAnswer()).toContain("Strike **S-2** recorded against `troll-tom`: 2 active of the threshold 2.");
    expect(lastAnswer()).toContain(
      "That reaches the strike threshold (`strikes.on_threshold: propose`), so the app proposed `permanent-ban` (strike threshold reached: 2 active strikes).",
    );
    const kase = await database.db.case.findFirstOrThrow({ include: { proposals: true } });
    expect(kase.state).toBe("decision_proposed");
    expect(kase.proposals).toMatchObject([{ outcome: "permanent-ban", proposer: "[app]", status: "open" }]);
    expect(caseIssues(github)[0]!.labels).toContain("state: decision proposed");
    // The app's proposal is nobody's vote: one approval of two is not enough under unanimity.
    await inCase("/coc approve", ANA);
    expect(lastAnswer()).toContain("Votes: 1 of 2 approvals needed");
    await inCase("/coc withdraw", BEN);
    expect(lastAnswer()).toContain("you withdrew the proposal (`permanent-ban`)");
    expect((await database.db.case.findFirstOrThrow()).state).toBe("acknowledged");
  });

  it("enacts the warning outcome as one strike, even when the decision's delivery comes again", async () => {
    await start({ committee: { quorum: "single" } });
    await inCase("/coc resolve warning a second insult", ANA, 0, "delivery-warning");
    expect(lastAnswer()).toContain("**Decided: `warning`.** It is enacted, so the case is closed.\nStrike **S-1** recorded against `troll-tom`: 1 active of the threshold 3.");
    expect(lastAnswer()).toContain("### Closing report for COC-2026-0001");
    expect((await database.db.case.findFirstOrThrow()).state).toBe("closed");
    // The same delivery again (GitHub redelivers): nothing more is recorded.
    await inCase("/coc resolve warning a second insult", ANA, 0, "delivery-warning");
    expect(await strikes()).toHaveLength(1);
    expect((await strikes())[0]).toMatchObject({ source: "decision", issuedBy: "app", reason: "a second insult" });
    // The subject hears the decision once, at the close; not the warning twice.
    expect(peopleNotices(github).filter((n) => n.includes("troll-tom") || n.includes("about your conduct"))).toHaveLength(1);
  });

  it("keeps the case open with the strike rule's proposal when the warning outcome reaches the threshold", async () => {
    await start({ committee: { quorum: "single" }, strikes: { threshold: 1 } });
    await inCase("/coc resolve warning threats", ANA);
    expect(lastAnswer()).toContain("**Decided: `warning`.** It is enacted; the case stays open for what follows.");
    expect(lastAnswer()).toContain("so the app proposed `permanent-ban`");
    const kase = await database.db.case.findFirstOrThrow({ include: { proposals: { orderBy: { createdAt: "asc" } } } });
    expect(kase).toMatchObject({ state: "decision_proposed", closedAt: null, decidedAt: null });
    expect(kase.proposals.map((p) => [p.outcome, p.status])).toEqual([
      ["warning", "decided"],
      ["permanent-ban", "open"],
    ]);
    expect(caseIssues(github)[0]!.closed).toBeUndefined();
    // The subject is told of the warning now, since no closing notice follows yet.
    expect(peopleNotices(github).at(-1)).toContain("gave you a formal warning in case COC-2026-0001");
    // The committee decides the proposal like any other.
    await inCase("/coc approve", BEN);
    expect(caseAnswers(github).some((a) => a.includes("**Decided: `permanent-ban` with no end date.** It is enacted, so the case is closed."))).toBe(true);
    expect(github.blocks.isBlocked("acme", "troll-tom")).toBe(true);
  });

  it("voids a strike with a reason; it stays on the record and no longer counts", async () => {
    await start();
    await inCase("/coc warn wrong person, sorry", ANA);
    await inCase("/coc strike void S-1", BEN);
    expect(lastAnswer()).toContain("give the reason for voiding S-1");
    await inCase("/coc strike void S-9 typo", BEN);
    expect(lastAnswer()).toContain("there is no strike S-9 in `acme`.");
    await inCase("/coc strike void s1 issued in the wrong case", BEN);
    expect(lastAnswer()).toBe(`@${BEN} you voided strike S-1 (issued in the wrong case); it stays on the record but no longer counts.`);
    expect((await strikes())[0]).toMatchObject({ voidedBy: BEN, voidReason: "issued in the wrong case" });
    await inCase("/coc strike void S-1 again", BEN);
    expect(lastAnswer()).toContain(`S-1 was voided already, by \`${BEN}\`.`);
    await inCase("/coc warn the real one", ANA);
    expect(lastAnswer()).toContain("Strike **S-2** recorded against `troll-tom`: 1 active of the threshold 3.");
  });

  it("counts a strike only within strikes.window", async () => {
    await start({ strikes: { window: "1d" } });
    await inCase("/coc warn first", ANA);
    expect(lastAnswer()).toContain("1 active of the threshold 3 within 1 day.");
    clock = new Date(clock.getTime() + 25 * HOUR);
    await inCase("/coc warn a day later", ANA);
    expect(lastAnswer()).toContain("Strike **S-2** recorded against `troll-tom`: 1 active of the threshold 3 within 1 day.");
  });

  it("follows the subject across the account's repositories, and voids only their own strikes", async () => {
    await start();
    await inCase("/coc warn in widgets", ANA);
    await flag(OTHER_LINK, "acme", "gadgets");
    expect(caseIssues(github)).toHaveLength(2);
    await inCase("/coc ack", ANA, 1);
    await inCase("/coc warn in gadgets too", ANA, 1);
    expect(lastAnswer(1)).toContain("Strike **S-2** recorded against `troll-tom`: 2 active of the threshold 3.");
    expect((await strikes()).map((s) => s.account)).toEqual(["acme", "acme"]);
    // The second case file shows the subject's history, linked to the earlier case.
    const secondFile = caseIssues(github)[1]!.body;
    expect(secondFile).toContain("### History of `troll-tom` in `acme`");
    expect(secondFile).toMatch(/- Earlier cases: 1\n {2}- \[COC-2026-0001\]\(https:\/\/github\.com\/acme\/coc-cases\/issues\/1\), opened \d{4}-\d\d-\d\d · acknowledged\n/);
    expect(secondFile).toMatch(/- Strikes: 1 \(1 not voided; `strikes.window` may age some out\)\n {2}- S-1, \d{4}-\d\d-\d\d in \[COC-2026-0001\]\(https:\/\/github\.com\/acme\/coc-cases\/issues\/1\): in widgets · counts\n/);
    // The first case file was written when there was nothing to show.
    expect(caseIssues(github)[0]!.body).toContain("No earlier cases in this repository, no strikes and no bans.");
  });

  it("refuses an outcome's length that is missing or not one GitHub or the app accepts", async () => {
    await start();
    await inCase("/coc propose temporary-ban because", ANA);
    expect(lastAnswer()).toContain("is not a ban length");
    expect(lastAnswer()).toContain("`temporary-ban <length>`, e.g. `temporary-ban 30d`");
    await inCase("/coc propose cooldown 2d", ANA);
    expect(lastAnswer()).toContain("`2d` is not a length GitHub offers for interaction limits. Use 24h (or 1d), 3d, 1w (or 7d), 30d, 180d");
    await inCase("/coc propose cooldown 6m", ANA);
    expect(lastAnswer()).toContain("(`m` is minutes; a month is `30d`)");
    await inCase("/coc propose temporary-ban permanent", ANA);
    expect(lastAnswer()).toContain("a ban with no end is the `permanent-ban` outcome.");
    expect(await database.db.proposal.count()).toBe(0);
    await inCase("/coc propose temporary-ban 2w repeated insults", ANA);
    expect(lastAnswer()).toContain("you proposed `temporary-ban` for 2 weeks (repeated insults)");
    expect(await database.db.proposal.findFirstOrThrow()).toMatchObject({ terms: "2w", reason: "repeated insults" });
  });
});
