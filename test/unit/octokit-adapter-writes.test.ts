/**
 * The Octokit adapter's write verbs, the ones `/coc flag` performs on GitHub
 * (hide the content, remove the command, label and open the case issue), against
 * strict nock with GitHub's REST and GraphQL contracts checked. Each "ensure"
 * verb must be safe to run twice, so "already done" answers count as success.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { OctokitGitHub } from "../../src/github/octokit-adapter.js";
import { githubApi, useStrictNock } from "../support/strict-nock.js";
import { NOT_FOUND, recorder, TEST_BOT_LOGIN, TEST_IDENTITY, testOctokit } from "../support/test-octokit.js";

useStrictNock();

const PROJECT = { owner: "acme", repo: "widgets" };
const CASES = { owner: "acme", repo: "coc-cases" };
const github = () => new OctokitGitHub(testOctokit(), TEST_IDENTITY);
const minimized = { data: { minimizeComment: { minimizedComment: { isMinimized: true } } } };

describe("ensureHidden", () => {
  it("minimizes the comment through GraphQL with the classifier", async () => {
    const sent = recorder();
    githubApi().post("/graphql").reply(sent.reply(200, minimized));
    await github().ensureHidden("IC_abusive555", "ABUSE");
    expect(sent.bodies).toEqual([{ query: expect.stringContaining("minimizeComment(input:"), variables: { id: "IC_abusive555", classifier: "ABUSE" } }]);
  });

  it("rejects when GitHub answers with a GraphQL error, so the action is retried", async () => {
    githubApi().post("/graphql").reply(200, { data: null, errors: [{ type: "FORBIDDEN", message: "Resource not accessible by integration" }] });
    await expect(github().ensureHidden("IC_abusive555", "ABUSE")).rejects.toThrow(/Resource not accessible/);
  });
});

describe("ensureCommandRemoved", () => {
  const issueComment = { kind: "issue_comment" as const, ...PROJECT, commentId: 9001 };
  const reviewComment = { kind: "review_comment" as const, ...PROJECT, commentId: 7001 };

  it("deletes an issue comment that held only the command", async () => {
    githubApi().delete("/repos/acme/widgets/issues/comments/9001").reply(204);
    await github().ensureCommandRemoved(issueComment, null);
  });

  it("rewrites an issue comment that has other text, keeping that text", async () => {
    const sent = recorder();
    githubApi().patch("/repos/acme/widgets/issues/comments/9001").reply(sent.reply(200, { id: 9001 }));
    await github().ensureCommandRemoved(issueComment, "thanks for the patch");
    expect(sent.bodies).toEqual([{ body: "thanks for the patch" }]);
  });

  it("deletes or rewrites a review comment", async () => {
    const sent = recorder();
    githubApi().delete("/repos/acme/widgets/pulls/comments/7001").reply(204);
    githubApi().patch("/repos/acme/widgets/pulls/comments/7001").reply(sent.reply(200, { id: 7001 }));
    await github().ensureCommandRemoved(reviewComment, null);
    await github().ensureCommandRemoved(reviewComment, "nit: rename this");
    expect(sent.bodies).toEqual([{ body: "nit: rename this" }]);
  });

  it("counts a comment that is already gone as removed", async () => {
    githubApi().delete("/repos/acme/widgets/issues/comments/9001").reply(404, NOT_FOUND);
    githubApi().patch("/repos/acme/widgets/pulls/comments/7001").reply(404, NOT_FOUND);
    await expect(github().ensureCommandRemoved(issueComment, null)).resolves.toBeUndefined();
    await expect(github().ensureCommandRemoved(reviewComment, "kept")).resolves.toBeUndefined();
  });

  it("folds a review away as outdated, since a review cannot be deleted", async () => {
    const sent = recorder();
    githubApi().post("/graphql").reply(sent.reply(200, minimized));
    await github().ensureCommandRemoved({ kind: "review", ...PROJECT, nodeId: "PRR_review5001" }, null);
    expect(sent.bodies).toEqual([{ query: expect.stringContaining("minimizeComment"), variables: { id: "PRR_review5001", classifier: "OUTDATED" } }]);
  });

  it("rejects other failures, so the action is retried", async () => {
    githubApi().delete("/repos/acme/widgets/issues/comments/9001").reply(502, { message: "Bad Gateway" });
    await expect(github().ensureCommandRemoved(issueComment, null)).rejects.toMatchObject({ status: 502 });
  });
});

describe("ensureLabel", () => {
  const label = { name: "state: new", color: "d93f0b", description: "Awaiting acknowledgement by the committee" };
  const validationFailed = (code: string, field: string) => ({
    message: "Validation Failed",
    errors: [{ resource: "Label", code, field }],
    documentation_url: "https://docs.github.com/rest/issues/labels#create-a-label",
  });

  const missing = () => githubApi().get("/repos/acme/coc-cases/labels/state%3A%20new").reply(404, { message: "Not Found" });

  it("creates a missing label with its colour and description", async () => {
    const sent = recorder();
    missing();
    githubApi().post("/repos/acme/coc-cases/labels").reply(sent.reply(201, { id: 1, ...label }));
    await github().ensureLabel(CASES, label);
    expect(sent.bodies).toEqual([label]);
  });

  it("leaves an existing label alone, without a write", async () => {
    githubApi().get("/repos/acme/coc-cases/labels/state%3A%20new").reply(200, { id: 1, ...label });
    await expect(github().ensureLabel(CASES, label)).resolves.toBeUndefined();
  });

  it("accepts a label created by someone else in the meantime", async () => {
    missing();
    githubApi().post("/repos/acme/coc-cases/labels").reply(422, validationFailed("already_exists", "name"));
    await expect(github().ensureLabel(CASES, label)).resolves.toBeUndefined();
  });

  it("rejects any other validation failure, and other errors", async () => {
    missing();
    missing();
    githubApi().post("/repos/acme/coc-cases/labels").reply(422, validationFailed("invalid", "color"));
    githubApi().post("/repos/acme/coc-cases/labels").reply(403, { message: "Resource not accessible by integration" });
    await expect(github().ensureLabel(CASES, { ...label, color: "red" })).rejects.toMatchObject({ status: 422 });
    await expect(github().ensureLabel(CASES, label)).rejects.toMatchObject({ status: 403 });
  });
});

describe("findOwnIssue", () => {
  const marker = "<!-- coc-case:COC-2026-0001 -->";
  const app = { login: TEST_BOT_LOGIN, type: "Bot" };
  const list = () =>
    githubApi()
      .get("/repos/acme/coc-cases/issues")
      .query({ creator: TEST_BOT_LOGIN, labels: "coc-case", state: "all", sort: "created", direction: "desc", per_page: "100" });

  it("finds the app's own case issue whose body starts with the marker, open or closed", async () => {
    list().reply(200, [
      { number: 3, body: null, user: app },
      { number: 2, body: "<!-- coc-case:COC-2026-0002 -->\n## Case COC-2026-0002", user: app },
      { number: 1, body: `${marker}\n## Case COC-2026-0001`, state: "closed", user: app },
    ]);
    expect(await github().findOwnIssue(CASES, marker, "coc-case")).toBe(1);
  });

  it("never takes a marker quoted inside a body, or an issue someone else wrote, for the app's", async () => {
    list().reply(200, [
      // Case 1's file quotes evidence that contains case 2's marker.
      { number: 4, body: `<!-- coc-case:COC-2026-0009 -->\n## Case\n\n\`\`\`text\n${marker}\n\`\`\``, user: app },
      // Someone with access to the cases repository writes an issue that starts with the marker.
      { number: 5, body: `${marker}\nforged`, user: { login: "mallory", type: "User" } },
      // A user account named like the bot is not the bot.
      { number: 6, body: `${marker}\nforged`, user: { login: TEST_BOT_LOGIN, type: "User" } },
    ]);
    expect(await github().findOwnIssue(CASES, marker, "coc-case")).toBeNull();
  });
});

describe("hasOwnComment", () => {
  const marker = "<!-- coc-case:COC-2026-0001 report:r1 -->";
  const comments = () => githubApi().get("/repos/acme/coc-cases/issues/17/comments").query({ per_page: "100" });

  it("is true only for the app's own comment that starts with the marker", async () => {
    comments().reply(200, [
      { id: 1, body: `quoted: ${marker}`, user: { login: TEST_BOT_LOGIN, type: "Bot" } },
      { id: 2, body: marker, user: { login: "mallory", type: "User" } },
    ]);
    comments().reply(200, [{ id: 3, body: `${marker}\n### Report 2`, user: { login: TEST_BOT_LOGIN, type: "Bot" } }]);
    expect(await github().hasOwnComment(CASES, 17, marker)).toBe(false);
    expect(await github().hasOwnComment(CASES, 17, marker)).toBe(true);
  });
});

describe("swapIssueLabel", () => {
  it("adds the state label and removes the other state labels the issue carries, leaving hand-made labels", async () => {
    const added = recorder();
    githubApi()
      .post("/repos/acme/coc-cases/issues/17/labels")
      .reply(added.reply(200, [{ name: "coc-case" }, { name: "state: new" }, { name: "harassment" }, { name: "state: acknowledged" }]));
    githubApi().delete("/repos/acme/coc-cases/issues/17/labels/state%3A%20new").reply(200, []);
    await github().swapIssueLabel(CASES, 17, "state: acknowledged", ["state: new", "state: acknowledged", "state: closed"]);
    expect(added.bodies).toEqual([{ labels: ["state: acknowledged"] }]);
  });

  it("counts a label removed meanwhile as removed", async () => {
    githubApi().post("/repos/acme/coc-cases/issues/17/labels").reply(200, [{ name: "state: new" }, { name: "state: closed" }]);
    githubApi().delete("/repos/acme/coc-cases/issues/17/labels/state%3A%20new").reply(404, NOT_FOUND);
    await github().swapIssueLabel(CASES, 17, "state: closed", ["state: new", "state: closed"]);
  });
});

describe("the committee's acts on content", () => {
  it("shows minimized content again through GraphQL, and counts gone content as done", async () => {
    const sent = recorder();
    githubApi().post("/graphql").reply(sent.reply(200, { data: { unminimizeComment: { unminimizedComment: { isMinimized: false } } } }));
    await github().ensureUnhidden("IC_abusive555");
    expect(sent.bodies).toEqual([{ query: expect.stringContaining("unminimizeComment(input:"), variables: { id: "IC_abusive555" } }]);
  });

  it("locks a conversation with GitHub's reason, and without one", async () => {
    const sent = recorder();
    githubApi().put("/repos/acme/widgets/issues/7/lock").reply(sent.reply(204));
    githubApi().put("/repos/acme/widgets/issues/8/lock").reply(sent.reply(204));
    await github().ensureThreadLocked(PROJECT, 7, "too heated");
    await github().ensureThreadLocked(PROJECT, 8, null);
    expect(sent.bodies).toEqual([{ lock_reason: "too heated" }, undefined]);
  });

  it("unlocks, counting a conversation that is not locked (404) as unlocked", async () => {
    githubApi().delete("/repos/acme/widgets/issues/7/lock").reply(204);
    githubApi().delete("/repos/acme/widgets/issues/8/lock").reply(404, NOT_FOUND);
    await github().ensureThreadUnlocked(PROJECT, 7);
    await github().ensureThreadUnlocked(PROJECT, 8);
  });

  it("replaces the text of an issue, an issue comment and a review comment, and refuses a review", async () => {
    const sent = recorder();
    githubApi().patch("/repos/acme/widgets/issues/7").reply(sent.reply(200, {}));
    githubApi().patch("/repos/acme/widgets/issues/comments/555").reply(sent.reply(200, {}));
    githubApi().patch("/repos/acme/widgets/pulls/comments/7001").reply(sent.reply(200, {}));
    await github().replaceContentBody({ kind: "issue", ...PROJECT, number: 7 }, "removed");
    await github().replaceContentBody({ kind: "issue_comment", ...PROJECT, number: 7, commentId: 555 }, "removed");
    await github().replaceContentBody({ kind: "review_comment", ...PROJECT, number: 12, commentId: 7001 }, "removed");
    expect(sent.bodies).toEqual([{ body: "removed" }, { body: "removed" }, { body: "removed" }]);
    await expect(github().replaceContentBody({ kind: "review", ...PROJECT, number: 12, reviewId: 3 }, "removed")).rejects.toThrow("review's author");
  });

  it("closes an issue with GitHub's state reason", async () => {
    const sent = recorder();
    githubApi().patch("/repos/acme/coc-cases/issues/17").reply(sent.reply(200, {}));
    await github().ensureIssueClosed(CASES, 17, "completed");
    expect(sent.bodies).toEqual([{ state: "closed", state_reason: "completed" }]);
  });

  it("reopens an issue", async () => {
    const sent = recorder();
    githubApi().patch("/repos/acme/coc-cases/issues/17").reply(sent.reply(200, {}));
    await github().ensureIssueReopened(CASES, 17);
    expect(sent.bodies).toEqual([{ state: "open" }]);
  });

  it("rewrites an issue's body from what it reads, and writes nothing when the text stays the same", async () => {
    const sent = recorder();
    githubApi().get("/repos/acme/coc-cases/issues/17").twice().reply(200, { number: 17, body: "<!-- coc-case:X -->\nold" });
    githubApi().patch("/repos/acme/coc-cases/issues/17").reply(sent.reply(200, {}));
    await github().rewriteIssueBody(CASES, 17, (body) => body.replace("old", "new"));
    expect(sent.bodies).toEqual([{ body: "<!-- coc-case:X -->\nnew" }]);
    // Unchanged, or refused by the rewrite: no PATCH (strict nock fails on an unexpected request).
    await github().rewriteIssueBody(CASES, 17, () => null);
  });

  it("lists a team's members, every page, and none for a team that does not exist", async () => {
    githubApi().get("/orgs/acme/teams/coc-committee/members").query({ per_page: "100" }).reply(200, [{ login: "mod-ana" }, { login: "mod-ben" }]);
    githubApi().get("/orgs/acme/teams/nobody/members").query({ per_page: "100" }).reply(404, NOT_FOUND);
    expect(await github().listTeamMembers("acme", "coc-committee")).toEqual(["mod-ana", "mod-ben"]);
    expect(await github().listTeamMembers("acme", "nobody")).toEqual([]);
  });
});

describe("createIssue and createComment", () => {
  it("opens an issue with title, body and labels, and returns its number", async () => {
    const sent = recorder();
    githubApi().post("/repos/acme/coc-cases/issues").reply(sent.reply(201, { number: 17 }));
    const issue = { title: "COC-2026-0001: flagged comment", body: "<!-- coc-case:COC-2026-0001 -->", labels: ["coc-case", "state: new"] };
    expect(await github().createIssue(CASES, issue)).toBe(17);
    expect(sent.bodies).toEqual([issue]);
  });

  it("comments on an issue", async () => {
    const sent = recorder();
    githubApi().post("/repos/acme/coc-cases/issues/17/comments").reply(sent.reply(201, { id: 1 }));
    await github().createComment(CASES, 17, "### Report 2");
    expect(sent.bodies).toEqual([{ body: "### Report 2" }]);
  });

  it("sends a create once even where Octokit retries: GitHub may have created it before the answer was lost", async () => {
    const retrying = new OctokitGitHub(testOctokit(undefined, { retry: true }), TEST_IDENTITY);
    // Reads are still retried (the test would be meaningless if retries were off altogether)...
    githubApi().get("/repos/acme/coc-cases").reply(502, { message: "Bad Gateway" });
    githubApi().get("/repos/acme/coc-cases").reply(200, { name: "coc-cases", owner: { login: "acme" }, private: true });
    expect(await retrying.getRepository(CASES)).toMatchObject({ private: true });
    // ...creates are not: strict nock fails the test on a second POST.
    githubApi().post("/repos/acme/coc-cases/issues").reply(502, { message: "Bad Gateway" });
    githubApi().post("/repos/acme/coc-cases/issues/17/comments").replyWithError({ code: "ECONNRESET", message: "socket hang up" });
    await expect(retrying.createIssue(CASES, { title: "t", body: "b", labels: [] })).rejects.toMatchObject({ status: 502 });
    await expect(retrying.createComment(CASES, 17, "b")).rejects.toBeDefined();
  });

  it("never sends a create that still waits for GitHub's pacing when its job is aborted", async () => {
    // A real server, not nock: nock intercepts even a request whose signal is aborted, which fetch never sends.
    const received: string[] = [];
    const server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        received.push(body);
        response.writeHead(201, { "content-type": "application/json" }).end('{"id":1}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const paced = new OctokitGitHub(testOctokit(`http://127.0.0.1:${port}`, { paced: true }), TEST_IDENTITY);
      const job = new AbortController();
      const first = paced.createComment(CASES, 17, "first", { signal: job.signal });
      // The throttling plugin holds the second write behind the first.
      const second = paced.createComment(CASES, 17, "second", { signal: job.signal });
      await first;
      job.abort(new Error("job timed out"));
      await expect(second).rejects.toThrow();
      expect(received.map((body) => JSON.parse(body))).toEqual([{ body: "first" }]);
    } finally {
      server.close();
    }
  });
});
