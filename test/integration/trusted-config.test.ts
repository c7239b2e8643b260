/**
 * Who decides where case files go and who may flag: only the owner's `.github`
 * repository. Someone who can push to one repository cannot redirect its case
 * files, make themselves a moderator or pull in another file; what they write
 * is ignored, the rest of their file still applies, and the committee is told
 * once, privately.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { InMemoryGitHub } from "../../src/github/in-memory-github.js";
import { issueCommentCreated } from "../factories/webhooks.js";
import { CASES, caseIssues, fakeWorld, MODERATOR, noticesOn, PROJECT } from "../support/fake-world.js";
import { startHarness, type Harness } from "../support/probot-harness.js";
import { testBackend, useTestDatabase } from "../support/test-database.js";

const NOW = new Date("2026-03-04T10:00:00Z");
const LINK = "https://github.com/acme/widgets/issues/7#issuecomment-555";
const TROLL_INBOX = { owner: "acme", repo: "troll-inbox" };

describe(`trusted configuration (${testBackend})`, () => {
  const database = useTestDatabase();
  let github: InMemoryGitHub;
  let harness: Harness;

  beforeEach(async () => {
    github = fakeWorld();
    github.addRepository(TROLL_INBOX, { private: true });
    harness = await startHarness({ database, gateway: github, now: () => NOW });
  });

  it("ignores cases, moderators and _extends in a repository's own file, applies the rest, and tells the committee once", async () => {
    github.setPermission(PROJECT, "troll-tom", "write");
    github.configs.set("acme/widgets", {
      cases: { repo: "troll-inbox" },
      moderators: { users: ["troll-friend"] },
      _extends: "troll-tom/evil",
      flag: { hide: false },
    });
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${LINK} insults`, sender: MODERATOR, commentId: 9001 }));
    await harness.drain();

    // The case goes to the owner's cases repository, with the reporter's name, and nowhere else.
    expect(github.issuesIn(TROLL_INBOX)).toEqual([]);
    const [file] = caseIssues(github);
    expect(file!.body).toContain("`mod-maria`");
    // The narrowing setting applies: the comment was not hidden.
    expect(github.writes.some((w) => w.verb === "hide")).toBe(false);
    expect(noticesOn(github)).toEqual([
      "`acme/widgets`'s own `.github/coc.yml` sets `_extends`, `cases`, `moderators`, which only the owner's `.github` repository may set: " +
        "anyone who can push to one repository could otherwise redirect its case files, make themselves a moderator or change how its cases are decided. " +
        "These settings are ignored there; the rest of that file applies. Move them to the owner's `.github/coc.yml`, or delete them.",
    ]);
    const audit = await database.db.auditEvent.findMany({ where: { action: "config.protected-keys-ignored" } });
    expect(audit.map((a) => a.detail)).toEqual([{ repo: "acme/widgets", keys: ["_extends", "cases", "moderators"] }]);

    // A user the repository's file names as moderator may not flag; and the committee is not told again.
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${LINK}`, sender: "troll-friend", commentId: 9002 }));
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${LINK} again`, sender: MODERATOR, commentId: 9003 }));
    await harness.drain();
    expect(await database.db.report.count()).toBe(2);
    expect((await database.db.report.findMany()).map((r) => r.reporterLogin)).toEqual([MODERATOR, MODERATOR]);
    expect(noticesOn(github)).toHaveLength(1);
  });

  it("ignores the preset, deadlines, decisions and committee rules in a repository's own file", async () => {
    github.configs.set("acme/widgets", {
      preset: "contributor-covenant-2.1",
      committee: { quorum: "single" },
      deadlines: { acknowledge: "52w" },
      decisions: { public_notice: "minimal" },
    });
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${LINK}`, sender: MODERATOR, commentId: 9001 }));
    await harness.drain();
    expect(caseIssues(github)).toHaveLength(1);
    expect(noticesOn(github)).toEqual([expect.stringContaining("sets `committee`, `deadlines`, `decisions`, `preset`, which only the owner's")]);
    const audit = await database.db.auditEvent.findMany({ where: { action: "config.protected-keys-ignored" } });
    expect(audit.map((a) => a.detail)).toEqual([{ repo: "acme/widgets", keys: ["committee", "deadlines", "decisions", "preset"] }]);
  });

  it("takes cases, committee and moderators from the owner's .github repository", async () => {
    github.addRepository({ owner: "acme", repo: "conduct" }, { private: true });
    github.configs.set("acme/.github", { cases: { repo: "conduct" }, moderators: { users: ["helper-hana"] } });
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${LINK}`, sender: "helper-hana", commentId: 9001 }));
    await harness.drain();
    expect(caseIssues(github, { owner: "acme", repo: "conduct" })).toHaveLength(1);
    expect(caseIssues(github)).toEqual([]);
  });

  it("lets a repository turn the app off for itself, but not on where the owner turned it off", async () => {
    github.configs.set("acme/widgets", { enabled: false });
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${LINK}`, sender: MODERATOR, commentId: 9001 }));
    await harness.drain();
    expect(await database.db.report.count()).toBe(0);
    expect(noticesOn(github)[0]).toContain("the app is turned off in this repository");

    github.configs.set("acme/.github", { enabled: false });
    github.configs.set("acme/widgets", { enabled: true });
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${LINK}`, sender: MODERATOR, commentId: 9002 }));
    await harness.drain();
    expect(await database.db.report.count()).toBe(0);
  });

  it("refuses a cases repository in another account unless the operator allows it", async () => {
    const foreign = { owner: "elsewhere", repo: "cases" };
    github.addRepository(foreign, { private: true });
    github.configs.set("acme/.github", { cases: { repo: "elsewhere/cases" } });
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${LINK}`, sender: MODERATOR, commentId: 9001 }));
    await harness.drain();
    expect(await database.db.report.count()).toBe(0);
    expect(caseIssues(github, foreign)).toEqual([]);
    expect((await database.db.auditEvent.findMany()).map((a) => a.action)).toContain("command.config-invalid");

    const allowed = await startHarness({ database, gateway: github, now: () => NOW, settings: { allowCrossAccountCases: true } });
    await allowed.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${LINK}`, sender: MODERATOR, commentId: 9002 }));
    await allowed.drain();
    expect(caseIssues(github, foreign)).toHaveLength(1);
  });

  it("counts case codes per cases repository, so a second one opens its own COC-2026-0001", async () => {
    const globex = { owner: "globex", repo: "app" };
    const globexCases = { owner: "globex", repo: "coc-cases" };
    github.addRepository(globex, { private: false });
    github.addRepository(globexCases, { private: true });
    github.setPermission(globex, "mod-gina", "admin");
    github.addContent({
      ...(await github.fetchContent({ kind: "issue_comment", ...PROJECT, number: 7, commentId: 555 }))!,
      ref: { kind: "issue_comment", ...globex, number: 2, commentId: 77 },
      nodeId: "IC_globex77",
      url: "https://github.com/globex/app/issues/2#issuecomment-77",
    });
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${LINK}`, sender: MODERATOR, commentId: 9001 }));
    await harness.deliver(
      "issue_comment",
      issueCommentCreated({ owner: "globex", repo: "app", issueNumber: 2, body: "/coc flag https://github.com/globex/app/issues/2#issuecomment-77", sender: "mod-gina", commentId: 9002 }),
    );
    await harness.drain();
    const cases = await database.db.case.findMany({ orderBy: { casesOwner: "asc" } });
    expect(cases.map((c) => [c.casesOwner, c.code, c.issueNumber])).toEqual([
      ["acme", "COC-2026-0001", 1],
      ["globex", "COC-2026-0001", 1],
    ]);
    expect(github.hidden.has("IC_globex77")).toBe(true);
    expect(caseIssues(github, globexCases)).toHaveLength(1);
    expect(caseIssues(github, CASES)).toHaveLength(1);
  });
});
