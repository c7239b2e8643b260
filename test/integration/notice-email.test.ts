/**
 * Telling the reporter and the subject by email, through a real mail server
 * on loopback: a person who cannot read the cases repository is emailed at the
 * public email of their GitHub profile and the case records what was sent,
 * never the address; anyone who can read it is told in the case; without an
 * address, or when the mail server refuses it, the committee is asked to tell
 * them by hand. Each person gets each notice once, whatever fails on the way.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { InMemoryGitHub } from "../../src/github/in-memory-github.js";
import type { RepoRef } from "../../src/github/port.js";
import { createSmtpMailer } from "../../src/mail/smtp-mailer.js";
import { issueCommentCreated } from "../factories/webhooks.js";
import { CASES, caseAnswers, caseIssues, fakeWorld, MODERATOR, PROJECT, peopleNotices, writesIn } from "../support/fake-world.js";
import { startMailServer, type MailServer } from "../support/mail-server.js";
import { startHarness, type Harness } from "../support/probot-harness.js";
import { testBackend, useTestDatabase } from "../support/test-database.js";

const NOW = new Date("2026-03-04T10:00:00Z");
const LINK = "https://github.com/acme/widgets/issues/7#issuecomment-555";
const MEMBER = "mod-ana";
const SUBJECT = "troll-tom";
const SUBJECT_EMAIL = "tom@example.net";
const REPORTER_EMAIL = "maria@example.com";
const FROM = { name: "Conduct committee", address: "coc@example.org" };
const FOOTER = "-- \nThis message comes from the conduct committee of acme on GitHub; replies go to the committee at coc@example.org.\n";
const TO_SUBJECT =
  "The conduct committee decided on case COC-2026-0001, about your conduct: `reminder` (A public reminder of the expected conduct, without naming anyone.). " +
  "The committee's reason: heated\\, not targeted. You may appeal the decision; the committee will tell you how.";

describe(`notices to people by email (${testBackend})`, () => {
  const database = useTestDatabase();
  let github: InMemoryGitHub;
  let mail: MailServer;
  let harness: Harness;
  let nextComment = 40_000;

  beforeEach(async () => {
    github = fakeWorld();
    github.addTeamMember("acme", "coc-committee", MEMBER);
    github.configs.set("acme/.github", { committee: { quorum: "single" } });
    github.setPublicEmail(SUBJECT, SUBJECT_EMAIL);
    mail = await startMailServer();
  });
  afterEach(() => mail.close());

  /** Flags the comment, then the committee acknowledges the case: the reporter is told. */
  const openCase = async (options: { email: boolean } = { email: true }) => {
    const mailer = options.email ? createSmtpMailer(mail.url, FROM) : undefined;
    harness = await startHarness({ database, gateway: github, now: () => NOW, ...(mailer ? { mailer } : {}) });
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${LINK}`, sender: MODERATOR, commentId: 9001 }));
    await harness.drain();
    await inCase("/coc ack");
  };
  const inCase = async (body: string) => {
    const payload = issueCommentCreated({ ...CASES, body, sender: MEMBER, issueNumber: caseIssues(github)[0]!.number, commentId: ++nextComment });
    payload.repository.private = true;
    await harness.deliver("issue_comment", payload);
    await harness.drain();
  };
  /** Lets the backoff of failed jobs pass and runs them again. */
  const retry = async () => {
    await database.db.$executeRawUnsafe(`UPDATE graphile_worker._private_jobs SET run_at = now()`);
    await harness.drain();
  };
  const noticeActionFor = async (login: string) => {
    const actions = await database.db.action.findMany({ where: { kind: "deliver-notice" } });
    return actions.find((action) => (action.payload as { to?: string }).to === login)!;
  };
  /** Makes the app's next case comment that matches fail: before GitHub acted, or after (its answer lost). */
  const failNextComment = (matching: RegExp, when: "before" | "after") => {
    const createComment = github.createComment.bind(github);
    let armed = true;
    github.createComment = async (repo: RepoRef, issueNumber: number, body: string, options) => {
      if (!armed || !matching.test(body)) return createComment(repo, issueNumber, body, options);
      armed = false;
      if (when === "after") await createComment(repo, issueNumber, body, options);
      throw Object.assign(new Error("simulated GitHub failure"), { status: 502 });
    };
  };

  it("emails the subject at their public address, records it in the case without the address, and tells the reporter who reads the case there", async () => {
    github.setPermission(CASES, MODERATOR, "read");
    github.setPublicEmail(MODERATOR, REPORTER_EMAIL);
    await openCase();
    await inCase("/coc resolve reminder heated, not targeted");

    // The reporter can read the case: mentioned there, never emailed.
    expect(peopleNotices(github)[0]).toMatch(new RegExp(`^@${MODERATOR} Your report \\(case COC-2026-0001\\) was received`));
    expect(mail.received.flatMap((email) => email.envelopeTo)).toEqual([SUBJECT_EMAIL]);

    const [email] = mail.received;
    expect(email!.envelopeFrom).toBe("coc@example.org");
    expect(email!.header("to")).toBe(SUBJECT_EMAIL);
    expect(email!.header("from")).toBe("Conduct committee <coc@example.org>");
    expect(email!.header("subject")).toBe("Conduct committee: case COC-2026-0001");
    const action = await noticeActionFor(SUBJECT);
    expect(email!.header("message-id")).toBe(`<coc-notice.${action.id}@example.org>`);
    // Plain text, as the person reads it: the escapes the case's Markdown needs are gone.
    expect(email!.text).toBe(`${TO_SUBJECT.replace("\\,", ",")}\n\n${FOOTER}`);
    expect(email!.text).not.toContain(MODERATOR);

    const record = peopleNotices(github).at(-1)!;
    expect(record).toBe(`**Emailed to \`${SUBJECT}\`** (the subject) at the public email address of their GitHub profile, on 2026-03-04 10:00 UTC:\n\n> ${TO_SUBJECT}`);
    const everything = [...caseIssues(github).flatMap((issue) => [issue.body, ...issue.comments.map((c) => c.body)])];
    expect(everything.join("\n")).not.toContain(SUBJECT_EMAIL);
    expect(everything.join("\n")).not.toContain(REPORTER_EMAIL);
    expect(writesIn(github, PROJECT)).toEqual([]);
    expect(await database.db.action.count({ where: { status: { not: "done" } } })).toBe(0);
  });

  it("follows a subject who renamed their account: the notice goes to the account, never to whoever holds the old login", async () => {
    await openCase();
    github.renameAccount(SUBJECT, "tom-renamed");
    await inCase("/coc resolve reminder heated, not targeted");
    expect(mail.received.flatMap((email) => email.envelopeTo)).toEqual([SUBJECT_EMAIL]);
    expect(peopleNotices(github).at(-1)).toMatch(/^\*\*Emailed to `tom-renamed`\*\* \(the subject\)/);
  });

  it("emails the reporter who cannot read the cases repository, and never tells the subject who reported", async () => {
    github.setPublicEmail(MODERATOR, REPORTER_EMAIL);
    await openCase();
    expect(mail.received.map((email) => [email.envelopeTo, email.text])).toEqual([
      [
        [REPORTER_EMAIL],
        "Your report (case COC-2026-0001) was received and acknowledged by the conduct committee on 2026-03-04 10:00 UTC. " +
          `The committee aims to resolve it by 2026-03-11 10:00 UTC.\n\n${FOOTER}`,
      ],
    ]);
    await inCase("/coc resolve reminder");
    const toSubject = mail.received.find((email) => email.envelopeTo.includes(SUBJECT_EMAIL))!;
    expect(toSubject.text).not.toContain(MODERATOR);
    expect(toSubject.text).not.toContain(REPORTER_EMAIL);
    expect(peopleNotices(github).map((notice) => notice.split("\n")[0])).toEqual([
      `**Emailed to \`${MODERATOR}\`** (the reporter) at the public email address of their GitHub profile, on 2026-03-04 10:00 UTC:`,
      `**Emailed to \`${MODERATOR}\`** (the reporter) at the public email address of their GitHub profile, on 2026-03-04 10:00 UTC:`,
      `**Emailed to \`${SUBJECT}\`** (the subject) at the public email address of their GitHub profile, on 2026-03-04 10:00 UTC:`,
    ]);
  });

  it("asks the committee to deliver by hand, and says why, when the person's profile shows no email", async () => {
    await openCase();
    expect(mail.received).toEqual([]);
    const [task] = peopleNotices(github);
    expect(task).toMatch(
      new RegExp(`^\\*\\*To do for the committee:\\*\\* GitHub has no private message, and \`${MODERATOR}\` \\(the reporter\\) cannot read this repository\\. Their GitHub profile shows no public email, so the app could not email them\\. Tell them, by a channel you trust:\n\n> Your report \\(case COC-2026-0001\\)`),
    );
    expect(task).toContain("Then record that they were told with `/coc note`.");
  });

  it("without SMTP, asks the committee to deliver by hand exactly as before, and never looks for an email", async () => {
    github.setPublicEmail(MODERATOR, REPORTER_EMAIL);
    await openCase({ email: false });
    expect(peopleNotices(github)).toEqual([
      `**To do for the committee:** GitHub has no private message, and \`${MODERATOR}\` (the reporter) cannot read this repository. Tell them, by a channel you trust:\n\n` +
        "> Your report (case COC-2026-0001) was received and acknowledged by the conduct committee on 2026-03-04 10:00 UTC. The committee aims to resolve it by 2026-03-11 10:00 UTC.\n\n" +
        "Then record that they were told with `/coc note`.",
    ]);
    expect(github.calls).not.toContain("getPublicEmail");
    expect(mail.received).toEqual([]);
  });

  it("asks the committee to deliver by hand when the mail server refuses the address for good", async () => {
    github.setPublicEmail(MODERATOR, REPORTER_EMAIL);
    mail.answerNext("RCPT TO", 550);
    await openCase();
    expect(mail.received).toEqual([]);
    expect(peopleNotices(github)).toHaveLength(1);
    const [task] = peopleNotices(github);
    expect(task).toContain(`\`${MODERATOR}\` (the reporter) cannot read this repository. The mail server refused the email to the public address of their GitHub profile (reply 550). Tell them, by a channel you trust:`);
    expect(task).toContain("> Your report (case COC-2026-0001) was received");
    expect(task).not.toContain(REPORTER_EMAIL);
    expect(await noticeActionFor(MODERATOR)).toMatchObject({ status: "done" });
  });

  it("retries when the mail server fails for now, and the person gets the notice once", async () => {
    github.setPublicEmail(MODERATOR, REPORTER_EMAIL);
    mail.answerNext("RCPT TO", 451);
    await openCase();
    expect(mail.received).toEqual([]);
    expect(peopleNotices(github)).toEqual([]);
    const waiting = await noticeActionFor(MODERATOR);
    expect(waiting).toMatchObject({ status: "pending", attempts: 1, lastError: "the mail server answered 451 to RCPT TO; the email will be tried again" });

    await retry();
    await retry();
    expect(mail.received.map((email) => email.envelopeTo)).toEqual([[REPORTER_EMAIL]]);
    expect(peopleNotices(github)).toHaveLength(1);
    expect(peopleNotices(github)[0]).toMatch(/^\*\*Emailed to `mod-maria`\*\* \(the reporter\)/);
    expect(await noticeActionFor(MODERATOR)).toMatchObject({ status: "done" });
  });

  it("sends again, with the same Message-ID, when the record of a sent email did not reach the case; records it once", async () => {
    github.setPublicEmail(MODERATOR, REPORTER_EMAIL);
    failNextComment(/^<!-- coc-reply:[^>]+ -->\n\*\*Emailed to/, "before");
    await openCase();
    expect(mail.received).toHaveLength(1);
    expect(peopleNotices(github)).toEqual([]);

    await retry();
    await retry();
    expect(mail.received).toHaveLength(2);
    const ids = mail.received.map((email) => email.header("message-id"));
    expect(ids[0]).toBe(`<coc-notice.${(await noticeActionFor(MODERATOR)).id}@example.org>`);
    expect(ids[1]).toBe(ids[0]);
    expect(peopleNotices(github)).toHaveLength(1);
  });

  it("sends once when GitHub recorded the email but its answer was lost", async () => {
    github.setPublicEmail(MODERATOR, REPORTER_EMAIL);
    failNextComment(/^<!-- coc-reply:[^>]+ -->\n\*\*Emailed to/, "after");
    await openCase();
    await retry();
    await retry();
    expect(mail.received).toHaveLength(1);
    expect(peopleNotices(github)).toHaveLength(1);
    expect(await noticeActionFor(MODERATOR)).toMatchObject({ status: "done" });
    // The committee's own answers are untouched by the notices.
    expect(caseAnswers(github).some((answer) => answer.includes("Emailed to"))).toBe(false);
  });
});
