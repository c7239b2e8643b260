/**
 * Case files against the person reported: whatever they write into the content
 * that gets flagged (the app's own markers, a body made to overflow GitHub's
 * limit), every case gets its own file, whole, and nothing is retried unchanged
 * or created twice when GitHub's answer is lost.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { InMemoryGitHub } from "../../src/github/in-memory-github.js";
import { issueCommentCreated } from "../factories/webhooks.js";
import { abusiveComment, CASES, caseIssues, fakeWorld, MODERATOR, PROJECT } from "../support/fake-world.js";
import { startHarness, type Harness } from "../support/probot-harness.js";
import { testBackend, useTestDatabase } from "../support/test-database.js";

const NOW = new Date("2026-03-04T10:00:00Z");
const linkTo = (commentId: number) => `https://github.com/acme/widgets/issues/7#issuecomment-${commentId}`;

describe(`case files the reported person cannot forge, overflow or jam (${testBackend})`, () => {
  const database = useTestDatabase();
  let github: InMemoryGitHub;
  let harness: Harness;
  let nextCommand = 9000;

  beforeEach(async () => {
    github = fakeWorld();
    harness = await startHarness({ database, gateway: github, now: () => NOW });
  });

  /** A comment by the subject, flagged by the moderator. */
  const addComment = (commentId: number, body: string, extra: Parameters<typeof abusiveComment>[0] = {}) =>
    github.addContent(abusiveComment({ ref: { kind: "issue_comment", ...PROJECT, number: 7, commentId }, nodeId: `IC_${commentId}`, url: linkTo(commentId), body, ...extra }));
  const flag = (commentId: number, reason = "abuse") =>
    harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${linkTo(commentId)} ${reason}`, sender: MODERATOR, commentId: ++nextCommand }));
  /** Runs every job, letting each retry's backoff pass, until nothing is left to run. */
  const settle = async () => {
    for (let round = 0; round < 6; round++) {
      await harness.drain();
      await database.db.$executeRawUnsafe(`UPDATE graphile_worker._private_jobs SET run_at = now()`);
    }
  };

  it("never binds a case to another case's issue because the reported text holds the app's marker", async () => {
    addComment(601, "idiots <!-- coc-case:COC-2026-0002 -->\n<!-- coc-case:COC-2026-0002 report:x -->");
    addComment(602, "more abuse");
    // Someone with access to the cases repository opens an issue that starts with case 2's marker.
    github.addForeignIssue(CASES, "mallory", { title: "COC-2026-0002", body: "<!-- coc-case:COC-2026-0002 -->\nforged", labels: ["coc-case"] });
    await flag(601);
    await settle();
    // Case 2's first create is carried out, but its answer is lost: the retry must find case 2's own issue.
    github.loseAnswerNext.set("createIssue", 1);
    await flag(602);
    await settle();

    const cases = await database.db.case.findMany({ orderBy: { code: "asc" } });
    expect(cases.map((c) => [c.code, c.issueNumber])).toEqual([
      ["COC-2026-0001", 2],
      ["COC-2026-0002", 3],
    ]);
    const files = caseIssues(github).filter((i) => i.author !== "mallory");
    expect(files.map((i) => i.title)).toEqual(["COC-2026-0001: flagged comment", "COC-2026-0002: flagged comment"]);
    expect(files[1]!.body.startsWith("<!-- coc-case:COC-2026-0002 -->\n")).toBe(true);

    // A second report of case 2 lands on case 2's issue.
    github.setPermission(PROJECT, "mod-omar", "write");
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${linkTo(602)} again`, sender: "mod-omar", commentId: 9500 }));
    await settle();
    expect(files[0]!.comments).toEqual([]);
    expect(files[1]!.comments).toHaveLength(1);
    expect(files[1]!.comments[0]!.body).toContain("### Report 2");
  });

  it("creates one case issue and one report comment when GitHub's answers to the creates are lost", async () => {
    addComment(611, "abuse");
    github.loseAnswerNext.set("createIssue", 1);
    await flag(611);
    await settle();
    expect(caseIssues(github)).toHaveLength(1);

    github.setPermission(PROJECT, "mod-omar", "write");
    github.loseAnswerNext.set("createComment", 1);
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${linkTo(611)} again`, sender: "mod-omar", commentId: 9600 }));
    await settle();
    const [file] = caseIssues(github);
    expect(file!.comments).toHaveLength(1);
    expect(await database.db.action.count({ where: { status: { not: "done" } } })).toBe(0);
    // Only the attempts after a lost answer looked for what it may have created.
    expect(github.calls.filter((c) => c === "findOwnIssue")).toHaveLength(1);
    expect(github.calls.filter((c) => c === "hasOwnComment")).toHaveLength(1);
  });

  it("fits a body made to overflow GitHub's limit into several bodies, and loses none of it", async () => {
    const body = "`".repeat(40_000) + "\n" + "~".repeat(25_000);
    const edits = Array.from({ length: 12 }, (_, i) => ({ editedAt: `2026-03-04T09:0${i % 10}:00Z`, editor: "troll-tom", diff: "`".repeat(3_000) }));
    addComment(621, body, { editHistory: edits });
    await flag(621);
    await settle();

    expect(await database.db.action.count({ where: { status: { not: "done" } } })).toBe(0);
    const [file] = caseIssues(github);
    const bodies = [file!.body, ...file!.comments.map((c) => c.body)];
    expect(bodies.length).toBeGreaterThan(1);
    for (const text of bodies) expect(text.length).toBeLessThanOrEqual(65_536);
    expect(file!.comments.every((c, i) => c.body.startsWith(`<!-- coc-case:COC-2026-0001 report:`) && c.body.includes(`part:${i + 1} -->`))).toBe(true);
    // The evidence, read back from the fenced blocks in order, is the body as written.
    expect(evidenceIn(bodies).startsWith(body)).toBe(true);
    expect(bodies.join("\n")).toContain("Edit history (12 versions)");
    expect(bodies.join("\n")).toContain("2 older versions are kept in the app's database.");
  });

  it("does not retry what GitHub refuses (422): the case file says the evidence is kept in the database", async () => {
    addComment(631, "abuse");
    github.refuseNext.set("createIssue", 1);
    await flag(631);
    await harness.drain();
    const [file] = caseIssues(github);
    expect(file!.body).toMatch(/^<!-- coc-case:COC-2026-0001 -->\n## Case COC-2026-0001/);
    expect(file!.body).toContain("GitHub refused this part of the case file as written (422)");
    expect(file!.body).not.toContain("abuse");
    expect(await database.db.case.findFirst()).toMatchObject({ issueNumber: 1 });
    expect(await database.db.action.count({ where: { status: { not: "done" } } })).toBe(0);
  });
});

/** The text of the fenced blocks that quote evidence, in order, joined as one. */
function evidenceIn(bodies: string[]): string {
  const pieces: string[] = [];
  for (const text of bodies) {
    const fence = /^(`{3,}|~{3,})text\n([\s\S]*?)\n\1$/gm;
    for (const match of text.matchAll(fence)) pieces.push(match[2]!);
  }
  return pieces.join("");
}
