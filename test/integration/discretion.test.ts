/**
 * Nothing about a report reaches a place the reported person can read: not the
 * cases repository when they can read it, not the public thread (no reply, no
 * edited comment whose history keeps the command).
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { InMemoryGitHub } from "../../src/github/in-memory-github.js";
import { issueCommentCreated, memberChanged } from "../factories/webhooks.js";
import { CASES, caseIssues, fakeWorld, MODERATOR, noticesOn, PROJECT, writesIn } from "../support/fake-world.js";
import { startHarness, type Harness } from "../support/probot-harness.js";
import { testBackend, useTestDatabase } from "../support/test-database.js";

const NOW = new Date("2026-03-04T10:00:00Z");
const LINK = "https://github.com/acme/widgets/issues/7#issuecomment-555";

describe(`discretion (${testBackend})`, () => {
  const database = useTestDatabase();
  let github: InMemoryGitHub;
  let harness: Harness;

  beforeEach(async () => {
    github = fakeWorld();
    harness = await startHarness({ database, gateway: github, now: () => NOW });
  });

  const settle = async (rounds = 4) => {
    for (let round = 0; round < rounds; round++) {
      await harness.drain();
      await database.db.$executeRawUnsafe(`UPDATE graphile_worker._private_jobs SET run_at = now()`);
    }
  };

  it("holds the case file while the subject can read the cases repository, hides anyway, and alerts without names", async () => {
    // The organization's base permission lets every member read the cases repository.
    github.setPermission(CASES, "troll-tom", "read");
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${LINK} slurs against mod-omar`, sender: MODERATOR, commentId: 9001 }));
    await settle();

    expect(github.hidden.get("IC_abusive555")).toBe("ABUSE");
    expect(caseIssues(github)).toEqual([]);
    const notices = noticesOn(github);
    expect(notices).toEqual([expect.stringMatching(/^Case COC-2026-0001 is held: the person it is about can read this repository/)]);
    const everythingWritten = github.issuesIn(CASES).flatMap((i) => [i.title, i.body, ...i.comments.map((c) => c.body)]).join("\n");
    for (const secret of ["troll-tom", "mod-maria", "slurs", "mod-omar", "idiots"]) expect(everythingWritten).not.toContain(secret);
    expect(await database.db.action.findFirst({ where: { kind: "open-case-issue" } })).toMatchObject({
      status: "pending",
      lastError: "case COC-2026-0001 is held: its subject can read the cases repository",
    });

    // Access removed (GitHub tells every app with a `member` webhook): the next attempt writes the case file,
    // and the alert was given once only.
    github.setPermission(CASES, "troll-tom", "none");
    await harness.deliver("member", memberChanged({ ...CASES, action: "removed", member: "troll-tom" }));
    await settle(2);
    expect(caseIssues(github)).toHaveLength(1);
    expect(noticesOn(github)).toHaveLength(1);
  });

  it("keeps every notice that names people off the board while a case there is held, and posts them once it is released", async () => {
    github.setPermission(CASES, "troll-tom", "read");
    // The rest of a mixed comment names its moderator and thread; so does the answer to a mistyped command.
    await harness.deliver("issue_comment", issueCommentCreated({ body: `Thanks for the review.\n/coc flag ${LINK}`, sender: MODERATOR, commentId: 9001 }));
    await harness.deliver("issue_comment", issueCommentCreated({ body: "/coc flagg", sender: "mod-omar", commentId: 9002 }));
    github.setPermission(PROJECT, "mod-omar", "write");
    await settle();

    expect(caseIssues(github)).toEqual([]);
    const board = noticesOn(github).join("\n");
    expect(noticesOn(github)).toHaveLength(1);
    for (const secret of ["mod-maria", "mod-omar", "Thanks for the review", "widgets"]) expect(board).not.toContain(secret);

    github.setPermission(CASES, "troll-tom", "none");
    await harness.deliver("member", memberChanged({ ...CASES, action: "removed", member: "troll-tom" }));
    await settle(3);
    expect(caseIssues(github)).toHaveLength(1);
    expect(await database.db.case.findFirst({ select: { heldAt: true } })).toEqual({ heldAt: null });
    expect(noticesOn(github).join("\n")).toContain("Thanks for the review.");
  });

  it("sends a case about a committee member to the escalation team, once its file can be written", async () => {
    github.configs.set("acme/.github", { committee: { escalation_team: "coc-officers", member_involved: "escalate" } });
    github.addTeamMember("acme", "coc-committee", "troll-tom");
    github.setPermission(CASES, "troll-tom", "read");
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${LINK}`, sender: MODERATOR, commentId: 9001 }));
    await settle();
    expect(caseIssues(github)).toEqual([]);
    expect(await database.db.case.findFirstOrThrow()).toMatchObject({ escalatedAt: NOW, escalationReason: "member-involved" });
    // The board, which the member reads, says nothing of an escalation.
    expect(noticesOn(github).join("\n")).not.toMatch(/escalat|officers/);

    // The member steps down from the team for the case (IIIF asks it of a member who is the cause of a complaint).
    github.setPermission(CASES, "troll-tom", "none");
    await harness.deliver("member", memberChanged({ ...CASES, action: "removed", member: "troll-tom" }));
    await settle(3);
    const [caseIssue] = caseIssues(github);
    expect(caseIssue!.comments.map((c) => c.body.replace(/^<!--[^>]*-->\n/, ""))).toContainEqual(
      expect.stringMatching(/^@acme\/coc-officers: case COC-2026-0001 is about a member of the conduct committee, so it is escalated to you/),
    );
    expect(caseIssue!.labels).toContain("escalated");
  });

  it("keeps a case about someone who can read the cases repository, but is not on the committee, with the committee", async () => {
    github.configs.set("acme/.github", { committee: { escalation_team: "coc-officers", member_involved: "escalate" } });
    github.setPermission(CASES, "troll-tom", "read");
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${LINK}`, sender: MODERATOR, commentId: 9001 }));
    await settle();
    expect(await database.db.case.findFirstOrThrow()).toMatchObject({ escalatedAt: null, heldAt: NOW });
  });

  it("follows a subject who renames their account while their case is held", async () => {
    github.setPermission(CASES, "troll-tom", "read");
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${LINK}`, sender: MODERATOR, commentId: 9001 }));
    await settle();
    expect(caseIssues(github)).toEqual([]);

    // The old login now names nobody; asked about it, GitHub answers 404, which must not read as "no access".
    github.renameAccount("troll-tom", "tom-anew");
    await harness.deliver("member", memberChanged({ ...CASES, action: "edited", member: "troll-tom" }));
    await settle(3);
    expect(caseIssues(github)).toEqual([]);

    github.setPermission(CASES, "tom-anew", "none");
    await harness.deliver("member", memberChanged({ ...CASES, action: "removed", member: "tom-anew" }));
    await settle(3);
    expect(caseIssues(github)).toHaveLength(1);
  });

  it("deletes a mixed comment whole in a public thread, and gives the moderator the rest of it privately", async () => {
    await harness.deliver("issue_comment", issueCommentCreated({ body: `Thanks for the review.\n/coc flag ${LINK}`, sender: MODERATOR, commentId: 9001 }));
    await harness.drain();
    expect(github.writes.find((w) => w.verb === "remove-command")).toEqual({
      verb: "remove-command",
      location: { kind: "issue_comment", owner: "acme", repo: "widgets", commentId: 9001 },
      remainingBody: null,
    });
    expect(noticesOn(github)).toEqual([expect.stringContaining("```text\nThanks for the review.\n```")]);
    expect(caseIssues(github)).toHaveLength(1);
  });

  it("deletes a mixed comment whole in a private repository too: its readers may include the person reported", async () => {
    const payload = issueCommentCreated({ body: `Thanks for the review.\n/coc flag ${LINK}`, sender: MODERATOR, commentId: 9001 });
    payload.repository.private = true;
    payload.repository.visibility = "private";
    await harness.deliver("issue_comment", payload);
    await harness.drain();
    expect(github.writes.find((w) => w.verb === "remove-command")).toMatchObject({ remainingBody: null });
    expect(noticesOn(github)).toEqual([expect.stringContaining("Thanks for the review.")]);
  });

  it("says nothing in a public thread for any command: help, mistyped, refused", async () => {
    await harness.deliver("issue_comment", issueCommentCreated({ body: "/coc help", sender: MODERATOR, commentId: 9001 }));
    await harness.deliver("issue_comment", issueCommentCreated({ body: "/coc flg", sender: MODERATOR, commentId: 9002 }));
    await harness.deliver("issue_comment", issueCommentCreated({ body: "/coc flag https://example.com/x", sender: MODERATOR, commentId: 9003 }));
    await harness.drain();
    expect(writesIn(github, PROJECT)).toEqual([]);
    expect(noticesOn(github)).toHaveLength(3);
  });
});
