/**
 * The committee runs a case from its issue in the cases repository: commands
 * written there by committee members change the case record, answer in the
 * case, and keep the case issue's state label in step. Anyone else, and any
 * committee command written outside a case, is refused without a word about
 * the case.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { InMemoryGitHub } from "../../src/github/in-memory-github.js";
import { issueCommentCreated } from "../factories/webhooks.js";
import { CASES, caseAnswers, caseIssues, fakeWorld, MODERATOR, noticesOn } from "../support/fake-world.js";
import { startHarness, type Harness } from "../support/probot-harness.js";
import { testBackend, useTestDatabase } from "../support/test-database.js";

const NOW = new Date("2026-03-04T10:00:00Z");
const LINK = "https://github.com/acme/widgets/issues/7#issuecomment-555";
const MEMBER = "mod-omar";
const OTHER_MEMBER = "mod-lena";

describe(`committee commands in a case (${testBackend})`, () => {
  const database = useTestDatabase();
  let github: InMemoryGitHub;
  let harness: Harness;
  let caseIssue: number;
  let nextComment = 20_000;

  beforeEach(async () => {
    github = fakeWorld();
    for (const login of [MEMBER, OTHER_MEMBER]) github.addTeamMember("acme", "coc-committee", login);
    // Committee members need no write permission anywhere: the team is what counts.
    github.setPermission(CASES, MEMBER, "triage");
    harness = await startHarness({ database, gateway: github, now: () => NOW });
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${LINK} insults`, sender: MODERATOR, commentId: 9001 }));
    await harness.drain();
    caseIssue = caseIssues(github)[0]!.number;
  });

  const inCase = async (body: string, sender = MEMBER) => {
    const payload = issueCommentCreated({ ...CASES, body, sender, issueNumber: caseIssue, commentId: ++nextComment });
    payload.repository.private = true;
    payload.repository.visibility = "private";
    await harness.deliver("issue_comment", payload);
    await harness.drain();
  };
  const answers = () => caseAnswers(github);
  const stored = () => database.db.case.findFirstOrThrow({ include: { recusals: true, notes: true } });

  it("acknowledges a case once, records who and when, and moves its state label", async () => {
    await inCase("/coc ack");
    expect(await stored()).toMatchObject({ state: "acknowledged", acknowledgedBy: MEMBER, acknowledgedAt: NOW });
    expect(caseIssues(github)[0]!.labels).toEqual(["coc-case", "state: acknowledged"]);
    expect(answers()).toEqual([`@${MEMBER} the case is acknowledged.`]);

    await inCase("/coc ack", OTHER_MEMBER);
    // The member is named without a live mention: nobody is notified by a refusal.
    expect(answers()[1]).toBe(`@${OTHER_MEMBER} the \`/coc\` command did not run: Already acknowledged by @\u200d${MEMBER} at 2026-03-04 10:00 UTC.`);
    const audit = await database.db.auditEvent.findMany({ where: { action: "case.acknowledged" } });
    expect(audit.map((e) => e.actor)).toEqual([MEMBER]);
  });

  it("records who handles the case, refusing people off the committee and recused members", async () => {
    await inCase("/coc claim");
    expect((await stored()).assignee).toBe(MEMBER);
    await inCase("/coc assign @outsider");
    expect(answers().at(-1)).toContain("outsider is not on the committee team");
    await inCase("/coc recuse I work with the subject", OTHER_MEMBER);
    await inCase(`/coc assign @${OTHER_MEMBER}`);
    expect(answers().at(-1)).toContain(`${OTHER_MEMBER} is recused from this case`);
    expect(await stored()).toMatchObject({ assignee: MEMBER, recusals: [expect.objectContaining({ login: OTHER_MEMBER, reason: "self", note: "I work with the subject" })] });

    await inCase("/coc recuse");
    expect(await stored()).toMatchObject({ assignee: null });
    expect(answers().at(-1)).toBe(`@${MEMBER} you are recused from this case: you take no part in its votes or its quorum, and no longer handle it.`);
  });

  it("keeps a private note, and shows the case's standing and history", async () => {
    await inCase("/coc note spoke with the reporter by email");
    expect((await stored()).notes).toEqual([expect.objectContaining({ author: MEMBER, body: "spoke with the reporter by email" })]);
    await inCase("/coc ack");
    await inCase("/coc status");
    const status = answers().at(-1)!;
    expect(status).toContain("| State | acknowledged |");
    expect(status).toContain(`| Acknowledged | by \`${MEMBER}\` at 2026-03-04T10:00:00.000Z |`);
    expect(status).toMatch(/case\.opened[\s\S]*case\.note-added[\s\S]*case\.acknowledged/);
    // The acknowledgement reminders went with the acknowledgement; the resolution target is a week on.
    expect(status).toContain("Deadlines:\n\n- 2026-03-11 10:00 UTC: resolution target\n");
  });

  it("lists the committee's commands for /coc help in a case", async () => {
    await inCase("/coc help");
    const help = answers().at(-1)!;
    for (const name of ["ack", "claim", "assign", "recuse", "note", "status"]) expect(help).toContain(`\`/coc ${name}`);
    expect(help).not.toContain("/coc flag");
  });

  it("refuses committee commands from people off the committee, and outside a case", async () => {
    github.setPermission(CASES, "org-admin", "admin");
    await inCase("/coc ack", "org-admin");
    expect(answers().at(-1)).toBe("@org-admin the `/coc` command did not run: only members of the conduct committee can use `/coc ack`.");
    expect((await stored()).state).toBe("new");

    // In a moderated thread, a committee command is answered privately, on the notice board.
    github.setPermission({ owner: "acme", repo: "widgets" }, MEMBER, "write");
    await harness.deliver("issue_comment", issueCommentCreated({ body: "/coc ack", sender: MEMBER, commentId: 30_001 }));
    await harness.drain();
    expect(noticesOn(github).at(-1)).toContain("`/coc ack` works only in a case issue in the cases repository.");
  });

  it("does not take the notice board, or any other issue of the cases repository, for a case", async () => {
    const payload = issueCommentCreated({ ...CASES, body: "/coc ack", sender: MEMBER, issueNumber: 999, commentId: ++nextComment });
    payload.repository.private = true;
    github.setPermission(CASES, MEMBER, "write");
    await harness.deliver("issue_comment", payload);
    await harness.drain();
    expect((await stored()).state).toBe("new");
    expect(github.writes.filter((w) => w.verb === "comment" && w.issueNumber === 999)).toEqual([
      expect.objectContaining({ body: expect.stringContaining("`/coc ack` works only in a case issue in the cases repository.") }),
    ]);
  });

  it("ignores commands from someone with no standing at all, without a word", async () => {
    await inCase("/coc ack", "passer-by");
    expect(answers()).toEqual([]);
    expect((await stored()).state).toBe("new");
  });
});
