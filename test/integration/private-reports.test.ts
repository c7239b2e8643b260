/**
 * The private report form end to end, over HTTP through Probot's server: a
 * signed-in person reports a comment, the job files it exactly as `/coc flag`
 * would (the comment hidden first, the case opened in the cases repository
 * with the report's fields), the committee members they excluded are
 * recused, and their receipt follows the case: its code, its state, the
 * acknowledgement and the notices meant for them, never their name to the subject.
 */
import { describe, expect, it } from "vitest";
import { issueCommentCreated } from "../factories/webhooks.js";
import { CASES, caseIssues, MODERATOR, peopleNotices } from "../support/fake-world.js";
import { ALICE, aReport, COMMENT_LINK, MEMBER, outsideCode, receiptPath, useReportWorld } from "../support/report-world.js";
import { testBackend } from "../support/test-database.js";

describe(`private reports (${testBackend})`, () => {
  const world = useReportWorld();

  it("shows a labelled form to someone signed in, and asks a visitor to sign in first", async () => {
    const visitor = await world.server.browser().open("/report");
    expect(visitor.status).toBe(401);
    expect(visitor.html).toContain("Sign in with GitHub");

    const page = await (await world.signedIn(ALICE)).open("/report");
    expect(page.status).toBe(200);
    expect(page.html.match(/<h1>/g)).toHaveLength(1);
    for (const id of ["field-what-happened", "field-where", "field-when", "field-people", "field-exclude", "field-outcome"]) {
      expect(page.html).toContain(`<label for="${id}">`);
      expect(page.html).toMatch(new RegExp(`id="${id}"[^>]*aria-describedby="${id}-hint`));
    }
    expect(page.html).toMatch(/<textarea id="field-what-happened" name="what_happened" rows="10" maxLength="5000" required[^>]*data-count="field-what-happened-count"/i);
    expect(page.html).toContain("Up to 5000 characters.");
    // The safety guidance is in the page, shown without JavaScript; the script hides it until "yes" is chosen.
    expect(page.html).toMatch(/<input type="radio" id="field-in-danger-yes" name="in_danger" value="yes"[^>]*data-reveals="safety-guidance"/);
    expect(page.html).toMatch(/<div id="safety-guidance" class="safety" role="note">/);
    expect(page.html).toContain("contact your local emergency services first");
    expect(page.html).toContain('<script src="/assets/forms.js" defer>');
  });

  it("files a report about a comment: hidden first, a case opened with the report's fields, the excluded member recused, a receipt that follows it", async () => {
    const alice = await world.signedIn(ALICE);
    const sent = await world.send(alice, aReport());
    expect(sent.status).toBe(200);
    const receipt = receiptPath(sent);
    expect(sent.html).toContain("your report was received");
    expect(sent.html).toContain("being opened");
    // Kept at once, before any job ran.
    const stored = await world.database.db.privateReport.findMany();
    expect(stored).toMatchObject([{ reporterLogin: "alice", accountId: 501n, status: "received", whatHappened: aReport().what_happened, excludedLogins: ["mod-omar"], anonymous: true, inDanger: false }]);
    expect(world.github.writes).toEqual([]);

    await world.drain();
    expect(world.github.writes[0]).toEqual({ verb: "hide", nodeId: "IC_abusive555", classifier: "ABUSE" });
    // No command to remove: the form left nothing on GitHub.
    expect(world.github.writes.map((w) => w.verb)).toEqual(["hide", "label", "label", "create-issue"]);
    const [issue] = caseIssues(world.github);
    expect(issue!.title).toBe("COC-2026-0001: flagged comment");
    expect(issue!.body).toContain("- Reporter: `alice`");
    expect(issue!.body).toContain("#### Sent through the private report form");
    expect(issue!.body).toContain("```text\nThey called me an idiot in the thread,\nthen again the next day.\n```");
    expect(issue!.body).toContain("```text\ntroll-tom wrote it; bob saw it\n```");
    expect(issue!.body).toContain("```text\nA warning, and the comment removed\n```");
    expect(issue!.body).toContain("- Still going on: yes");
    expect(issue!.body).toContain("**the reporter asks not to be named to the subject.**");
    expect(issue!.body).toContain("recused in this case): `mod-omar`");
    expect(issue!.body).toContain(`  - \`${COMMENT_LINK}\``);
    // The evidence is the comment's, as a flag keeps it.
    expect(issue!.body).toMatch(/```text\nYou are all idiots\. @mod-maria see #12 and @acme\/core\n```/);

    const [caseRow] = await world.database.db.case.findMany({ include: { recusals: true, reports: true } });
    expect(caseRow!.recusals).toMatchObject([{ login: "mod-omar", reason: "reporter-excluded" }]);
    expect(caseRow!.reports).toMatchObject([{ reporterLogin: "alice", reason: "" }]);
    expect(await world.database.db.privateReport.findFirst()).toMatchObject({ status: "filed", caseId: caseRow!.id, reportId: caseRow!.reports[0]!.id });
    const audit = await world.database.db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["private-report.received", "case.opened", "report.received", "evidence.captured", "action.hide-content", "case.recused-by-reporter", "action.open-case-issue"]);
    expect(audit[2]!.detail).toMatchObject({ source: "form" });

    const filed = await alice.open(receipt);
    expect(filed.status).toBe(200);
    expect(filed.html).toContain("COC-2026-0001");
    expect(filed.html).toContain("Received: the committee has not acknowledged it yet.");
    expect(filed.html).toContain("None yet.");

    // The excluded member cannot act in the case; the other member acknowledges it.
    await world.inCase("/coc ack", MEMBER);
    expect((await world.database.db.case.findFirst())!.acknowledgedAt).toBeNull();
    await world.inCase("/coc ack");
    const acknowledged = await alice.open(receipt);
    expect(acknowledged.html).toContain("Acknowledged: the committee is working on it.");
    expect(acknowledged.html).toMatch(/<dt>Acknowledged<\/dt><dd>\d{4}-\d\d-\d\d \d\d:\d\d UTC<\/dd>/);
    expect(acknowledged.html).toContain("Your report (case COC-2026-0001) was received and acknowledged by the conduct committee on");
  });

  it("keeps the reporter out of what the subject is told when they ask to stay unknown, and shows the decision on the receipt", async () => {
    const alice = await world.signedIn(ALICE);
    const receipt = receiptPath(await world.send(alice, aReport({ exclude: "" })));
    await world.drain();
    await world.inCase("/coc ack");
    await world.inCase("/coc resolve reminder heated, not targeted");
    await world.inCase("/coc approve", MEMBER);
    expect((await world.database.db.case.findFirst())!.state).toBe("closed");

    const toSubject = peopleNotices(world.github).filter((notice) => notice.includes("(the subject)"));
    expect(toSubject).toHaveLength(1);
    expect(toSubject[0]).toContain("The conduct committee decided on case COC-2026-0001, about your conduct");
    expect(toSubject[0]!.toLowerCase()).not.toContain("alice");

    const closed = await alice.open(receipt);
    expect(closed.html).toContain("Closed: the case is finished.");
    expect(closed.html).toContain("The conduct committee decided on your report (case COC-2026-0001): `reminder`");
    // Only what was meant for the reporter: not the subject's notice, nor the committee's reason.
    expect(closed.html).not.toContain("about your conduct");
    expect(closed.html).not.toContain("heated, not targeted");
  });

  it("joins the open case about the same content, as a second flag does", async () => {
    await world.server.app.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${COMMENT_LINK} insult`, sender: MODERATOR, commentId: 9001 }));
    await world.drain();
    const alice = await world.signedIn(ALICE);
    const receipt = receiptPath(await world.send(alice, aReport()));
    await world.drain();

    expect(await world.database.db.case.count()).toBe(1);
    expect(await world.database.db.report.count()).toBe(2);
    const [issue] = world.github.issuesIn(CASES);
    expect(issue!.comments).toHaveLength(1);
    expect(issue!.comments[0]!.body).toContain("### Report 2");
    expect(issue!.comments[0]!.body).toContain("- Reporter: `alice`");
    expect(issue!.comments[0]!.body).toContain("Already hidden on GitHub");
    expect(issue!.comments[0]!.body).toContain("They called me an idiot");
    expect(outsideCode(issue!.comments[0]!.body)).not.toMatch(/@[a-z]/i);
    expect((await alice.open(receipt)).html).toContain("COC-2026-0001");
  });

  it("says on the receipt when the content is gone by the time the report is filed, and keeps the report", async () => {
    const alice = await world.signedIn(ALICE);
    const receipt = receiptPath(await world.send(alice, aReport({ where: "https://github.com/acme/widgets/issues/7#issuecomment-999" })));
    await world.drain();
    expect(await world.database.db.case.count()).toBe(0);
    const page = await alice.open(receipt);
    expect(page.html).toContain("The app could not open a case from this report: the linked content does not exist");
    expect(page.html).toContain("contact given in your community's Code of Conduct");
    expect(await world.database.db.privateReport.findFirst()).toMatchObject({ status: "failed" });
  });

  it("applies the community's report settings: its shorter limit when the report is sent, its safety guidance on the receipt", async () => {
    world.github.configs.set("acme/.github", { reports: { max_length: 500, safety: "Call 112 first; then write to safety@acme.example, read every hour." } });
    const alice = await world.signedIn(ALICE);
    const long = await world.send(alice, aReport({ what_happened: "w".repeat(600), in_danger: "yes" }));
    expect(long.status).toBe(422);
    expect(long.html).toContain("This is 600 characters long; the limit is 500.");
    expect(long.html).toContain('maxlength="500"');
    expect(long.html).toContain(`>${"w".repeat(600)}</textarea>`);
    expect(await world.database.db.privateReport.count()).toBe(0);

    const receipt = receiptPath(await world.send(alice, aReport({ in_danger: "yes" })));
    const page = await alice.open(receipt);
    expect(page.html).toContain("Call 112 first; then write to safety@acme.example, read every hour.");
    await world.drain();
    expect(caseIssues(world.github)[0]!.body).toContain("**The reporter says someone is in danger.**");
  });
});
