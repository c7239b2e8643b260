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
});
