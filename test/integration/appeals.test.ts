/**
 * Appeals end to end: a decision in a case, the subject signed in on the
 * appeal page over HTTP (Probot's server, the OAuth stand-in), the appeal
 * posted in the case for the reviewers, answered there with `/coc appeal`,
 * and the answer on the appeal page. Only the subject sees the page; whoever
 * took part in the decision cannot review it; what the appellant writes is
 * escaped on the page and quoted inertly in the case.
 */
import { describe, expect, it } from "vitest";
import { fakeAccountId } from "../../src/github/in-memory-github.js";
import { MEMBER, OTHER_MEMBER } from "../support/committee-case.js";
import { useDecidedCase } from "../support/decided-case.js";
import { peopleNotices } from "../support/fake-world.js";
import { PageClient } from "../support/page-client.js";

const SUBJECT = { id: fakeAccountId("troll-tom"), login: "troll-tom" };
const CODE = "COC-2026-0001";
const HOSTILE = `I did nothing wrong <script>alert(1)</script> "><img src=x onerror=alert(2)> @acme/core see #12\n\`\`\`\n<!-- coc-case:COC-2026-0009 -->`;

describe("appeals", () => {
  const decided = useDecidedCase({ settings: { allowCrossAccountCases: false, appealPagesUrl: "https://coc.example.org" } });
  const { committee } = decided;

  const fileAppeal = async (client: PageClient, text: string) => {
    const page = await client.open(`/appeal/${CODE}`);
    const decision = /name="decision" value="([^"]+)"/.exec(page.html)![1]!;
    return client.submit(`/appeal/${CODE}`, { _csrf: PageClient.tokenOf(page), decision, appeal: text });
  };

  it("shows the subject the decision with the committee's reason, takes one appeal, and shows the reviewers' answer", async () => {
    // The subject's notice of the decision links to the appeal page, with the last day to appeal.
    const notice = peopleNotices(committee.github).find((task) => task.includes("You may appeal the decision"))!;
    expect(notice).toMatch(/You may appeal the decision until \d{4}-\d\d-\d\d \d\d:\d\d UTC: https:\/\/coc\.example\.org\/appeal\/COC-2026-0001/);
    const subject = await decided.pages.signedIn(SUBJECT);
    const page = await subject.open(`/appeal/${CODE}`);
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/<h2 id="[^"]+">The committee(&#39;|')s decision warning<\/h2>/);
    expect(page.html).toContain("repeated insults in the thread");
    expect(page.html).toContain('maxlength="5000"');
    // Nothing about who reported, or who decided.
    expect(page.html).not.toContain("mod-maria");
    expect(page.html).not.toContain(MEMBER);

    const filed = await fileAppeal(subject, "The insults were quoted from someone else's message.");
    expect(filed.url).toMatch(new RegExp(`/appeal/${CODE}#appeal-A-1$`));
    expect(filed.html).toContain("Your appeal A-1: Waiting for review");
    await committee.harness.drain();
    const posted = committee.answers().at(-1)!;
    expect(posted).toContain("**Appeal A-1** of the committee's decision `warning`");
    expect(posted).toContain("```text\nThe insults were quoted from someone else's message.\n```");
    expect(posted).toContain(`except those who took part in the decision (\`${MEMBER}\`)`);

    await committee.inCase("/coc appeal overturn the quoted text was not theirs", MEMBER);
    expect(committee.lastAnswer()).toContain("you took part in the decision appealed in A-1");
    await committee.inCase("/coc appeal overturn the quoted text was not theirs", OTHER_MEMBER);
    expect(committee.lastAnswer()).toContain("you overturned the decision on appeal A-1");
    expect(committee.lastAnswer()).toContain("Strike S-1 voided");
    const strike = await committee.database.db.strike.findFirstOrThrow();
    expect(strike).toMatchObject({ voidedBy: OTHER_MEMBER, voidReason: "overturned on appeal A-1" });
    // The flagged comment is shown again: the case's decision was overturned.
    expect(committee.contentWrites()).toContainEqual({ verb: "unhide", nodeId: "IC_abusive555" });
    const audit = await committee.database.db.auditEvent.findMany({ where: { action: { startsWith: "appeal." } }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => [a.actor, a.action])).toEqual([
      ["troll-tom", "appeal.filed"],
      [OTHER_MEMBER, "appeal.overturned"],
    ]);

    // The appellant is told the answer with its reason, by the channel that reaches them (here, the committee by hand).
    expect(peopleNotices(committee.github).at(-1)).toContain("Your appeal in case COC-2026-0001 was reviewed by people who did not take the decision. They overturned the decision");
    const answered = await subject.open(`/appeal/${CODE}`);
    expect(answered.html).toContain("Your appeal A-1: Reviewed: the decision was overturned");
    expect(answered.html).toContain("the quoted text was not theirs");
    expect(answered.html).not.toContain('name="appeal"');
  });

  it("replaces the decision's sanction with the one a reviewer gives, and needs a reason", async () => {
    const subject = await decided.pages.signedIn(SUBJECT);
    await fileAppeal(subject, "A warning is fine, but not this.");
    await committee.harness.drain();
    await committee.inCase("/coc appeal modify reminder", OTHER_MEMBER);
    expect(committee.lastAnswer()).toContain("give the reason, which the appellant reads");
    await committee.inCase("/coc appeal modify temporary-ban 7d the insults went on after a warning elsewhere", OTHER_MEMBER);
    const confirmation = committee.answers().find((answer) => answer.includes("you modified the decision on appeal A-1"))!;
    expect(confirmation).toContain("Strike S-1 voided");
    expect(confirmation).toContain("the insults went on after a warning elsewhere");
    const [ban] = await committee.database.db.ban.findMany();
    expect(ban).toMatchObject({ subjectLogin: "troll-tom", reason: "the insults went on after a warning elsewhere", liftedAt: null });
    expect(ban!.endsAt!.getTime() - ban!.startsAt.getTime()).toBe(7 * 24 * 3_600_000);
    expect(await committee.database.db.appeal.findFirstOrThrow()).toMatchObject({ status: "modified", answerOutcome: "temporary-ban", answerTerms: "1w", answeredBy: OTHER_MEMBER });
    const page = await subject.open(`/appeal/${CODE}`);
    expect(page.html).toContain("Reviewed: the decision was replaced");
    expect(page.html).toContain("the decision is now temporary-ban (1w)");
    // The replacement is the appeal's answer: nothing new to appeal.
    expect(page.html).not.toContain('name="appeal"');
  });

  it("takes one appeal per decision", async () => {
    const subject = await decided.pages.signedIn(SUBJECT);
    await fileAppeal(subject, "first");
    const page = await subject.open(`/appeal/${CODE}`);
    expect(page.html).not.toContain('name="decision"');
    const again = await subject.submit(`/appeal/${CODE}`, { _csrf: PageClient.tokenOf(page), decision: (await committee.database.db.appeal.findFirstOrThrow()).decisionKey, appeal: "second" });
    expect(again.status).toBe(422);
    expect(again.html).toContain("This decision was appealed already");
    expect(await committee.database.db.appeal.count()).toBe(1);
  });

  it("shows nothing to anyone else: another person, signed in, gets the page of a code that does not exist", async () => {
    const other = await decided.pages.signedIn({ id: 4242, login: "someone-else" });
    const page = await other.open(`/appeal/${CODE}`);
    const none = await other.open("/appeal/COC-2026-9999");
    expect(page.status).toBe(404);
    expect(page.html).not.toContain("repeated insults");
    expect(none.status).toBe(404);
    expect(page.html.replace(/COC-2026-\d+/g, "")).toBe(none.html.replace(/COC-2026-\d+/g, ""));
    // The same login on a different account (a renamed and reused login) is not the subject either.
    const impostor = await decided.pages.signedIn({ id: 777, login: "troll-tom" });
    expect((await impostor.open(`/appeal/${CODE}`)).status).toBe(404);
  });

  it("escapes what the appellant writes on the page and quotes it inertly in the case", async () => {
    const subject = await decided.pages.signedIn(SUBJECT);
    const filed = await fileAppeal(subject, HOSTILE);
    expect(filed.html).not.toContain("<script>alert(1)</script>");
    expect(filed.html).not.toContain("<img src=x");
    expect(filed.html).toContain("&lt;script>alert(1)&lt;/script>");
    await committee.harness.drain();
    const posted = committee.answers().at(-1)!;
    // The appellant's text sits in a fence longer than any run of backticks in it, so it cannot close the block.
    expect(posted).toContain("````text\nI did nothing wrong <script>alert(1)</script>");
    expect(posted.match(/<!-- coc-case:/g)?.length ?? 0).toBe(1);
  });

  it("keeps what was typed when the appeal is too long, and refuses forms without the session's token", async () => {
    const subject = await decided.pages.signedIn(SUBJECT);
    const long = "x".repeat(5001);
    const refused = await fileAppeal(subject, long);
    expect(refused.status).toBe(422);
    expect(refused.html).toContain("Your appeal has 5001 characters; the limit is 5000");
    expect(refused.html).toContain(long);
    expect(refused.html).toContain('aria-invalid="true"');

    const page = await subject.open(`/appeal/${CODE}`);
    const decision = /name="decision" value="([^"]+)"/.exec(page.html)![1]!;
    const forged = await subject.submit(`/appeal/${CODE}`, { decision, appeal: "no token" });
    expect(forged.status).toBe(403);
    expect(forged.html).toContain("no token");
    const huge = await subject.submit(`/appeal/${CODE}`, { _csrf: PageClient.tokenOf(page), decision, appeal: "y".repeat(70_000) });
    expect(huge.status).toBe(413);
    expect(await committee.database.db.appeal.count()).toBe(0);
  });
});
