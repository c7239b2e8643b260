/**
 * `/coc flag` end to end through Probot's webhook verification, the job queue
 * and the database, against the in-memory GitHub.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { InMemoryGitHub } from "../../src/github/in-memory-github.js";
import { COMMENT_JOB_MAX_ATTEMPTS } from "../../src/events/receive-comment.js";
import { verifyAuditLog } from "../../src/store/audit-log.js";
import { issueCommentCreated, issueCommentEdited, repositoryPrivatized, repositoryRenamed, repositoryTransferred, reviewCommentCreated, reviewSubmitted } from "../factories/webhooks.js";
import { abusiveComment, CASES, caseIssues, fakeWorld, issueBody, MODERATOR, noticesOn, PROJECT, writesIn } from "../support/fake-world.js";
import { startHarness, type Harness } from "../support/probot-harness.js";
import { testBackend, useTestDatabase } from "../support/test-database.js";

const NOW = new Date("2026-03-04T10:00:00Z");
const LINK = "https://github.com/acme/widgets/issues/7#issuecomment-555";

describe(`/coc flag (${testBackend})`, () => {
  const database = useTestDatabase();
  let github: InMemoryGitHub;
  let harness: Harness;

  beforeEach(async () => {
    github = fakeWorld();
    harness = await startHarness({ database, gateway: github, now: () => NOW });
  });

  const flag = (body: string, extra: Partial<Parameters<typeof issueCommentCreated>[0]> = {}) =>
    harness.deliver("issue_comment", issueCommentCreated({ body, sender: MODERATOR, commentId: 9001, ...extra }));

  it("hides the comment first, removes the command, and opens a private case with safely quoted evidence", async () => {
    await flag(`/coc flag ${LINK} personal attack on @someone`);
    expect(github.writes).toEqual([]); // the webhook only records and queues
    await harness.drain();

    expect(github.writes.map((w) => w.verb)).toEqual(["hide", "remove-command", "label", "label", "create-issue"]);
    expect(github.writes[0]).toEqual({ verb: "hide", nodeId: "IC_abusive555", classifier: "ABUSE" });
    expect(github.writes[1]).toMatchObject({ location: { kind: "issue_comment", commentId: 9001 }, remainingBody: null });

    const [issue] = github.issuesIn(CASES);
    expect(issue!.title).toBe("COC-2026-0001: flagged comment");
    expect(issue!.labels).toEqual(["coc-case", "state: new"]);
    expect(issue!.body).toContain("<!-- coc-case:COC-2026-0001 -->");
    expect(issue!.body).toContain("`troll-tom`");
    expect(issue!.body).toContain("`mod-maria`");
    expect(issue!.body).toContain("Hidden on GitHub");
    // The evidence is quoted inside a code fence, and nothing outside code can mention or reference anyone.
    expect(issue!.body).toMatch(/```text\nYou are all idiots\. @mod-maria see #12 and @acme\/core\n```/);
    const outsideCode = issue!.body.replace(/```[\s\S]*?```/g, "").replace(/`[^`]*`/g, "");
    expect(outsideCode).not.toMatch(/@[a-z]/i);
    expect(outsideCode).not.toMatch(/#\d/);

    const cases = await database.db.case.findMany({ include: { reports: { include: { evidence: true } } } });
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ code: "COC-2026-0001", issueNumber: 1, subjectLogin: "troll-tom", state: "new" });
    expect(cases[0]!.reports[0]).toMatchObject({ reporterLogin: MODERATOR, reason: "personal attack on @someone" });
    expect(cases[0]!.reports[0]!.evidence).toMatchObject({
      body: abusiveComment().body,
      authorLogin: "troll-tom",
      url: LINK,
      editHistory: abusiveComment().editHistory,
    });

    const actions = await database.db.action.findMany();
    expect(actions.every((a) => a.status === "done")).toBe(true);
    const audit = await database.db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual([
      "case.opened",
      "report.received",
      "evidence.captured",
      "action.hide-content",
      "action.remove-command",
      "action.open-case-issue",
    ]);
    expect(await verifyAuditLog(database.db)).toMatchObject({ ok: true, count: 6 });
  });

  it("flags the issue itself without a link, and says its body cannot be hidden", async () => {
    await flag("/coc flag off-topic rant");
    await harness.drain();
    expect(github.writes.map((w) => w.verb)).toEqual(["remove-command", "label", "label", "label", "create-issue"]);
    const [issue] = github.issuesIn(CASES);
    expect(issue!.title).toBe("COC-2026-0001: flagged issue or pull request body");
    expect(issue!.labels).toContain("needs-decision: public body");
    expect(issue!.body).toContain("GitHub cannot hide an issue or pull request body");
    // The title is evidence too, quoted so that it mentions nobody.
    expect(issue!.body).toContain("- Title: Maintainers are \\@\u200dclowns");
  });

  it("adds a second report to the open case when the same content is flagged again", async () => {
    await flag(`/coc flag ${LINK} first`);
    await harness.drain();
    github.setPermission(PROJECT, "mod-omar", "write");
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${LINK} second`, sender: "mod-omar", commentId: 9002 }));
    await harness.drain();

    expect(await database.db.case.count()).toBe(1);
    expect(await database.db.report.count()).toBe(2);
    const [issue] = github.issuesIn(CASES);
    expect(github.issuesIn(CASES)).toHaveLength(1);
    expect(issue!.comments).toHaveLength(1);
    expect(issue!.comments[0]!.body).toMatch(/^<!-- coc-case:COC-2026-0001 report:[0-9a-f-]+ -->\n/);
    expect(issue!.comments[0]!.body).toContain("### Report 2");
    expect(issue!.comments[0]!.body).toContain("`mod-omar`");
    expect(issue!.comments[0]!.body).toContain("Already hidden on GitHub");
  });

  it("takes commands from pull request review comments and review summaries", async () => {
    github.addContent(issueBody({ ref: { kind: "issue", ...PROJECT, number: 12 }, nodeId: "PR_12", url: "https://github.com/acme/widgets/pull/12" }));
    await harness.deliver("pull_request_review_comment", reviewCommentCreated({ body: "/coc flag doxxing", sender: MODERATOR, pullNumber: 12, commentId: 7001 }));
    await harness.deliver("pull_request_review", reviewSubmitted({ body: `/coc flag ${LINK}`, sender: MODERATOR, pullNumber: 12, reviewId: 5001 }));
    await harness.drain();
    const removals = github.writes.filter((w) => w.verb === "remove-command");
    expect(removals).toEqual([
      { verb: "remove-command", location: { kind: "review_comment", owner: "acme", repo: "widgets", commentId: 7001 }, remainingBody: null },
      { verb: "remove-command", location: { kind: "review", owner: "acme", repo: "widgets", nodeId: "PRR_review5001" }, remainingBody: null },
    ]);
    const reports = await database.db.report.findMany({ include: { evidence: true }, orderBy: { createdAt: "asc" } });
    expect(reports.map((r) => r.evidence?.url).sort()).toEqual([LINK, "https://github.com/acme/widgets/pull/12"]);
  });

  it("after the last failed attempt, removes the command and says only that an internal error occurred", async () => {
    github.failNext.set("fetchContent", 100);
    await flag(`/coc flag ${LINK} harassing @alice`);
    for (let attempt = 0; attempt < COMMENT_JOB_MAX_ATTEMPTS; attempt++) {
      await harness.drain();
      await database.db.$executeRawUnsafe(`UPDATE graphile_worker._private_jobs SET run_at = now()`); // skip the backoff
    }
    // Nothing in the public thread but the command's removal; the moderator is told on the notice board.
    expect(github.writes.filter((w) => !("repo" in w) || w.repo !== "acme/coc-cases").map((w) => w.verb)).toEqual(["remove-command"]);
    expect(noticesOn(github)).toEqual([
      "@mod-maria your `/coc` command in `acme/widgets#7` was removed from that thread. " +
        "an internal error occurred while running the `/coc` command. It has been logged; nothing was posted anywhere.",
    ]);
    expect(await database.db.case.count()).toBe(0);
  });

  it("changes nothing when GitHub redelivers the same webhook", async () => {
    const payload = issueCommentCreated({ body: `/coc flag ${LINK}`, sender: MODERATOR });
    await harness.deliver("issue_comment", payload, "delivery-1");
    await harness.deliver("issue_comment", payload, "delivery-1");
    await harness.drain();
    await harness.deliver("issue_comment", payload, "delivery-1");
    await harness.drain();
    expect(await database.db.report.count()).toBe(1);
    expect(github.writes.filter((w) => w.verb === "create-issue")).toHaveLength(1);
  });

  it("gives people who may not flag no effect and no reply", async () => {
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${LINK}`, sender: "troll-tom" }));
    await harness.deliver("issue_comment", issueCommentCreated({ body: "/coc flg", sender: "troll-tom", commentId: 9003 }));
    await harness.drain();
    expect(github.writes).toEqual([]);
    expect(await database.db.case.count()).toBe(0);
  });

  it("lets users and teams listed under moderators flag", async () => {
    github.setPermission(PROJECT, "helper-hana", "read");
    github.setPermission(PROJECT, "team-tara", "triage");
    github.addTeamMember("acme", "moderation", "team-tara");
    github.configs.set("acme/.github", { moderators: { users: ["Helper-Hana"], teams: ["moderation"] } });
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${LINK}`, sender: "helper-hana", commentId: 9101 }));
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${LINK}`, sender: "team-tara", commentId: 9102 }));
    await harness.drain();
    const reporters = (await database.db.report.findMany({ orderBy: { createdAt: "asc" } })).map((r) => r.reporterLogin).sort();
    expect(reporters).toEqual(["helper-hana", "team-tara"]);
  });

  it("removes a mistyped command and answers on the notice board, never in the public thread", async () => {
    await flag("/coc flga something");
    await harness.drain();
    expect(github.writes[0]).toEqual({
      verb: "remove-command",
      location: { kind: "issue_comment", owner: "acme", repo: "widgets", commentId: 9001 },
      remainingBody: null,
    });
    expect(writesIn(github, PROJECT)).toEqual([]);
    expect(noticesOn(github)).toEqual([
      "@mod-maria your `/coc` command in `acme/widgets#7` was removed from that thread. " +
        "`/coc flga` is not a command. Valid commands here: `/coc flag`, `/coc help`.",
    ]);
    expect(await database.db.case.count()).toBe(0);
  });

  it("answers on the notice board for a private repository too: its readers may include the person reported", async () => {
    const payload = issueCommentCreated({ body: "/coc flga something", sender: MODERATOR, commentId: 9001 });
    payload.repository.private = true;
    payload.repository.visibility = "private";
    await harness.deliver("issue_comment", payload);
    await harness.drain();
    expect(writesIn(github, PROJECT)).toEqual([]);
    expect(noticesOn(github)).toEqual([expect.stringContaining("`/coc flga` is not a command")]);
  });

  it("answers in the thread only in the cases repository itself, where only the committee reads", async () => {
    const payload = issueCommentCreated({ ...CASES, issueNumber: 1, body: "/coc flga something", sender: MODERATOR, commentId: 9001 });
    payload.repository.private = true;
    payload.repository.visibility = "private";
    github.setPermission(CASES, MODERATOR, "write");
    await harness.deliver("issue_comment", payload);
    await harness.drain();
    const reply = github.writes.find((w) => w.verb === "comment") as { repo: string; issueNumber: number; body: string };
    expect(reply).toMatchObject({ repo: "acme/coc-cases", issueNumber: 1 });
    expect(reply.body).toMatch(/^<!-- coc-reply:[0-9a-f-]+ -->\n@mod-maria `\/coc flga` is not a command\./);
  });

  it("removes the command and reports an invalid repository file once, naming the failing path, and runs nothing else", async () => {
    github.configs.set("acme/widgets", { flag: { hide: "yes" } });
    await flag(`/coc flag ${LINK} reason naming @alice\n/coc flag second`);
    await harness.drain();
    expect(github.writes[0]).toMatchObject({ verb: "remove-command", remainingBody: null });
    expect(writesIn(github, PROJECT)).toEqual([]);
    const notices = noticesOn(github);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/the `\/coc` command did not run\. `\.github\/coc\.yml` in `acme\/widgets` is invalid: `flag\.hide`/);
    expect(notices[0]).not.toContain("@alice");
    expect(await database.db.case.count()).toBe(0);
  });

  it("with an invalid owner file, removes the command and says nothing anywhere: no cases repository is known", async () => {
    github.configs.set("acme/.github", { cases: { repo: "a b" } });
    await flag(`/coc flag ${LINK}`);
    await harness.drain();
    expect(github.writes.map((w) => w.verb)).toEqual(["remove-command"]);
    expect(await database.db.case.count()).toBe(0);
    expect((await database.db.auditEvent.findMany()).map((a) => a.action)).toEqual(["command.config-invalid", "action.remove-command"]);
  });

  it("ignores commands in quotes and code, and runs only new commands on an edited comment", async () => {
    await flag(`> /coc flag ${LINK}\n\n\`\`\`\n/coc flag ${LINK}\n\`\`\``);
    await harness.drain();
    expect(await database.db.report.count()).toBe(0);

    const before = "thanks for the patch";
    await harness.deliver("issue_comment", issueCommentEdited({ body: `${before}\n/coc flag ${LINK}`, previousBody: before, sender: MODERATOR }));
    await harness.drain();
    expect(await database.db.report.count()).toBe(1);
    // In a public thread the whole comment goes (its edit history would keep the command); the rest is given back privately.
    expect(github.writes.find((w) => w.verb === "remove-command")).toMatchObject({ remainingBody: null });
    const [notice] = noticesOn(github);
    expect(notice).toContain("@mod-maria your comment with a `/coc` command in `acme/widgets#7` also held other text");
    expect(notice).toContain("```text\nthanks for the patch\n```");

    await harness.deliver("issue_comment", issueCommentEdited({ body: `${before} (typo fixed)\n/coc flag ${LINK}`, previousBody: `${before}\n/coc flag ${LINK}`, sender: MODERATOR }));
    await harness.drain();
    expect(await database.db.report.count()).toBe(1);
  });

  it("never writes a case into a public repository, says nothing in a public thread, and writes it once the repository is private", async () => {
    github.addRepository(CASES, { private: false });
    await flag(`/coc flag ${LINK}`);
    await harness.drain();

    expect(github.issuesIn(CASES)).toEqual([]);
    // Protection still happens; no public reply reveals that a report was made.
    expect(github.writes.map((w) => w.verb)).toEqual(["hide", "remove-command"]);
    const pending = await database.db.action.findFirst({ where: { kind: "open-case-issue" } });
    expect(pending).toMatchObject({ status: "pending", lastError: "cases repository acme/coc-cases is not private" });
    expect((await database.db.auditEvent.findMany()).map((a) => a.action)).toContain("case-file.waiting");

    github.addRepository(CASES, { private: true });
    await harness.deliver("repository", repositoryPrivatized({ repo: CASES.repo }));
    await harness.drain();
    expect(github.issuesIn(CASES)).toHaveLength(1);
    expect(await database.db.action.count({ where: { status: { not: "done" } } })).toBe(0);
  });

  it("writes no case file through the old name of a renamed cases repository, though GitHub says it is private, until it has that name again", async () => {
    github.moveRepository(CASES, { owner: "acme", repo: "coc-cases-2025" });
    await flag(`/coc flag ${LINK}`);
    await harness.drain();

    expect(github.writes.map((w) => w.verb)).toEqual(["hide", "remove-command"]);
    const pending = await database.db.action.findFirst({ where: { kind: "open-case-issue" } });
    expect(pending).toMatchObject({ status: "pending", lastError: expect.stringContaining("cases repository acme/coc-cases was moved or renamed (GitHub answers for acme/coc-cases-2025)") });
    expect((await database.db.auditEvent.findMany()).map((a) => a.action)).toContain("case-file.waiting");

    // Renamed back: the webhook drops the cached answer and the case file that waited is written.
    github.moveRepository({ owner: "acme", repo: "coc-cases-2025" }, CASES);
    await harness.deliver("repository", repositoryRenamed({ ...CASES, from: "coc-cases-2025", private: true }));
    await harness.drain();
    expect(caseIssues(github)).toHaveLength(1);
    expect(await database.db.action.count({ where: { status: { not: "done" } } })).toBe(0);
  });

  it("stops writing to a cases repository as soon as the webhook says it was transferred to another account", async () => {
    await flag(`/coc flag ${LINK}`);
    await harness.drain();
    expect(caseIssues(github)).toHaveLength(1); // and the cases repository's answer is cached

    github.moveRepository(CASES, { owner: "elsewhere", repo: "coc-cases" });
    await harness.deliver("repository", repositoryTransferred({ owner: "elsewhere", repo: "coc-cases", from: "acme", fromOrganization: true, private: true }));
    await flag("/coc flag https://github.com/acme/widgets/issues/7", { commentId: 9002 });
    await harness.drain();

    expect(caseIssues(github)).toHaveLength(1);
    const pending = await database.db.action.findMany({ where: { kind: "open-case-issue", status: "pending" } });
    expect(pending.map((a) => a.lastError)).toEqual([expect.stringContaining("acme/coc-cases was moved or renamed (GitHub answers for elsewhere/coc-cases)")]);
  });

  it("says nothing anywhere while the cases repository is not private, even when the thread is", async () => {
    github.addRepository(CASES, { private: false });
    const payload = issueCommentCreated({ body: `/coc flag ${LINK}`, sender: MODERATOR });
    payload.repository.private = true;
    payload.repository.visibility = "private";
    await harness.deliver("issue_comment", payload);
    await harness.drain();
    expect(github.writes.map((w) => w.verb)).toEqual(["hide", "remove-command"]);
    expect((await database.db.auditEvent.findMany()).map((a) => a.action)).toContain("case-file.waiting");
  });

  it("loses nothing when the protective actions cannot run at once: their queued jobs do them, after a restart too", async () => {
    github.failNext.set("ensureHidden", 1);
    github.failNext.set("ensureCommandRemoved", 1);
    await flag(`/coc flag ${LINK}`);
    await harness.drain(["handle-comment"]); // the case is recorded, the immediate attempts fail, then the process "dies"
    expect(github.writes).toEqual([]);
    expect(await database.db.action.count({ where: { status: "pending" } })).toBe(3);
    // The queued fallbacks wait a few seconds before they check; let that time pass.
    await database.db.$executeRawUnsafe(`UPDATE graphile_worker._private_jobs SET run_at = now()`);

    const restarted = await startHarness({ database, gateway: github, now: () => NOW });
    await restarted.drain();
    expect(github.writes.map((w) => w.verb)).toEqual(["hide", "remove-command", "label", "label", "create-issue"]);
    expect(await database.db.action.count({ where: { status: "pending" } })).toBe(0);
  });

  it("retries an action GitHub failed, without repeating the ones that succeeded", async () => {
    github.failNext.set("createIssue", 1);
    await flag(`/coc flag ${LINK}`);
    await harness.drain();
    expect(github.writes.map((w) => w.verb)).toEqual(["hide", "remove-command", "label", "label"]);
    expect(await database.db.action.findFirst({ where: { kind: "open-case-issue" } })).toMatchObject({ status: "pending", attempts: 1 });

    await database.db.$executeRawUnsafe(`UPDATE graphile_worker._private_jobs SET run_at = now()`); // the backoff has passed
    await harness.drain();
    expect(github.writes.map((w) => w.verb)).toEqual(["hide", "remove-command", "label", "label", "create-issue"]);
    expect(github.issuesIn(CASES)).toHaveLength(1);
  });
});

describe(`/coc flag with a link into another repository (${testBackend})`, () => {
  const database = useTestDatabase();
  let github: InMemoryGitHub;
  let harness: Harness;
  const OTHER = { owner: "acme", repo: "gadgets" };
  const OTHER_LINK = "https://github.com/acme/gadgets/pull/3#discussion_r777";

  beforeEach(async () => {
    github = fakeWorld();
    github.addRepository(OTHER, { private: false });
    github.addContent(abusiveComment({ ref: { kind: "review_comment", ...OTHER, number: 3, commentId: 777 }, nodeId: "PRRC_777", url: OTHER_LINK }));
    github.configs.set("acme/gadgets", { flag: { hide: false } });
    harness = await startHarness({ database, gateway: github, now: () => NOW });
  });

  it("follows the linked repository's rules: its moderators, its hiding setting", async () => {
    github.setPermission(OTHER, MODERATOR, "write");
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${OTHER_LINK} slur`, sender: MODERATOR }));
    await harness.drain();
    const [issue] = github.issuesIn(CASES);
    expect(issue!.body).toContain("hiding on flag is turned off");
    expect(github.writes.some((w) => w.verb === "hide")).toBe(false);
    expect(await database.db.report.count()).toBe(1);
  });

  it("never lets a value in the linked repository's file mention anyone in the answer", async () => {
    github.setPermission(OTHER, MODERATOR, "write");
    github.configs.set("acme/gadgets", { flag: { hide: "@victim see #12" } });
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${OTHER_LINK}`, sender: MODERATOR }));
    await harness.drain();
    const [notice] = noticesOn(github);
    expect(notice).toContain("@\u200dvictim see #\u200d12");
    // Outside code spans (inert), nothing but the moderator's own mention.
    expect(notice!.replace(/^@mod-maria /, "").replace(/`[^`]*`/g, "")).not.toMatch(/@[a-z]|#\d/i);
  });

  it("refuses someone who moderates only the repository the command is written in", async () => {
    github.setPermission(PROJECT, "helper-hana", "write");
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${OTHER_LINK}`, sender: "helper-hana", commentId: 9301 }));
    await harness.drain();
    expect(await database.db.report.count()).toBe(0);
    expect(github.writes[0]).toMatchObject({ verb: "remove-command" });
    expect([...writesIn(github, PROJECT), ...writesIn(github, OTHER)]).toEqual([]);
    expect(noticesOn(github)).toEqual([
      "@helper-hana your `/coc` command in `acme/widgets#7` was removed from that thread. " +
        "the `/coc` command did not run: you can only flag content in repositories where you are a moderator.",
    ]);
  });
});
