/**
 * The Octokit adapter's reads of what an emergency act must know before it
 * acts, against GitHub's real wire format (strict nock, every request checked
 * against GitHub's REST and GraphQL descriptions): whether content is hidden,
 * by anyone, and whether a conversation is locked or closed.
 */
import { describe, expect, it } from "vitest";
import { OctokitGitHub } from "../../src/github/octokit-adapter.js";
import { githubApi, useStrictNock } from "../support/strict-nock.js";
import { NOT_FOUND, recorder, TEST_IDENTITY, testOctokit } from "../support/test-octokit.js";

useStrictNock();

const REPO = { owner: "acme", repo: "widgets" };
const github = () => new OctokitGitHub(testOctokit(), TEST_IDENTITY);

describe("fetchThread", () => {
  const issue = (number: number, fields: { state: "open" | "closed"; locked: boolean }) => ({
    number,
    node_id: `I_${number}`,
    html_url: `https://github.com/acme/widgets/issues/${number}`,
    title: "A heated thread",
    body: "text",
    user: { login: "troll-tom", id: 4242, type: "User" },
    active_lock_reason: fields.locked ? "too heated" : null,
    ...fields,
  });

  it("says whether an issue or pull request is locked and whether it is closed, in one REST read", async () => {
    githubApi().get("/repos/acme/widgets/issues/7").reply(200, issue(7, { state: "open", locked: true }));
    githubApi().get("/repos/acme/widgets/issues/12").reply(200, issue(12, { state: "closed", locked: false }));
    expect(await github().fetchThread(REPO, 7)).toEqual({ locked: true, closed: false });
    expect(await github().fetchThread(REPO, 12)).toEqual({ locked: false, closed: true });
  });

  it("returns null for a thread that is gone (404, or 410 for a deleted issue)", async () => {
    githubApi().get("/repos/acme/widgets/issues/8").reply(404, NOT_FOUND);
    githubApi().get("/repos/acme/widgets/issues/9").reply(410, { message: "This issue was deleted" });
    expect(await github().fetchThread(REPO, 8)).toBeNull();
    expect(await github().fetchThread(REPO, 9)).toBeNull();
  });

  it("rejects other failures, so the command is tried again rather than acting blind", async () => {
    githubApi().get("/repos/acme/widgets/issues/7").reply(502, { message: "Bad Gateway" });
    await expect(github().fetchThread(REPO, 7)).rejects.toMatchObject({ status: 502 });
  });
});

describe("fetchMinimized", () => {
  const query = () => githubApi().post("/graphql", (body: { query?: string }) => body.query?.includes("query Minimized") === true);

  it("asks GraphQL whether the content is minimized, through the reader", async () => {
    const sent = recorder();
    query().reply(sent.reply(200, { data: { node: { isMinimized: true } } }));
    let writerUsed = false;
    const writer = testOctokit();
    writer.hook.before("request", () => {
      writerUsed = true;
    });
    expect(await new OctokitGitHub(writer, TEST_IDENTITY, testOctokit()).fetchMinimized("IC_abusive555")).toBe(true);
    expect(sent.bodies).toEqual([{ query: expect.stringContaining("... on Minimizable { isMinimized }"), variables: { id: "IC_abusive555" } }]);
    expect(writerUsed).toBe(false);
  });

  it("answers false for shown content and for an issue body, which cannot be minimized", async () => {
    query().reply(200, { data: { node: { isMinimized: false } } });
    query().reply(200, { data: { node: {} } });
    expect(await github().fetchMinimized("IC_shown")).toBe(false);
    expect(await github().fetchMinimized("I_issue7")).toBe(false);
  });

  it("returns null for content that is gone", async () => {
    query().reply(200, { data: { node: null }, errors: [{ type: "NOT_FOUND", message: "Could not resolve to a node" }] });
    expect(await github().fetchMinimized("IC_gone")).toBeNull();
  });
});
