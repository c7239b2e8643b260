import { describe, expect, it } from "vitest";
import { performAction } from "../../src/actions/perform-action.js";
import type { PlannedAction } from "../../src/actions/planned-action.js";
import { InMemoryGitHub } from "../../src/github/in-memory-github.js";
import type { Database } from "../../src/store/database.js";

const hide: PlannedAction = { kind: "hide-content", repo: { owner: "acme", repo: "widgets" }, nodeId: "IC_1", classifier: "ABUSE" };
const noDatabase = {} as Database; // hiding needs no database
const run = (github: InMemoryGitHub) => ({
  db: noDatabase,
  gateway: github,
  now: () => new Date(),
  actionId: "a1",
  writeStarted: false,
  markWriteStarted: async () => {},
});

describe("performAction", () => {
  it("hides content through the port", async () => {
    const github = new InMemoryGitHub();
    await performAction(hide, run(github));
    expect(github.writes).toEqual([{ verb: "hide", nodeId: "IC_1", classifier: "ABUSE" }]);
  });

  it("starts no GitHub call once its job has timed out", async () => {
    const github = new InMemoryGitHub();
    const controller = new AbortController();
    controller.abort(new Error("job timed out"));
    await expect(performAction(hide, run(github), controller.signal)).rejects.toThrow("job timed out");
    expect(github.writes).toEqual([]);
  });

  it("hands the job's signal to every create, so one held back by GitHub's pacing is dropped at the timeout", async () => {
    const github = new InMemoryGitHub();
    const seen: Array<AbortSignal | undefined> = [];
    const createComment = github.createComment.bind(github);
    github.createComment = async (repo, issueNumber, body, options) => {
      seen.push(options?.signal);
      return createComment(repo, issueNumber, body);
    };
    const reply: PlannedAction = { kind: "reply", repo: { owner: "acme", repo: "coc-cases" }, issueNumber: 3, body: "done" };
    const controller = new AbortController();
    await performAction(reply, run(github), controller.signal);
    expect(seen).toEqual([controller.signal]);
  });
});
