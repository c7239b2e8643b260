/**
 * What a flag costs on GitHub, and what commands from people who may not use
 * them cost: answers every command needs (configuration, permissions,
 * visibility, labels) are cached for all replicas, and webhooks that change
 * them drop them at once.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { InMemoryGitHub } from "../../src/github/in-memory-github.js";
import { SENDER_LIMIT } from "../../src/commands/sender-limit.js";
import { issueCommentCreated, memberChanged, pushed } from "../factories/webhooks.js";
import { abusiveComment, fakeWorld, MODERATOR, PROJECT } from "../support/fake-world.js";
import { startHarness, type Harness } from "../support/probot-harness.js";
import { testBackend, useTestDatabase } from "../support/test-database.js";

const NOW = new Date("2026-03-04T10:00:00Z");
const linkTo = (commentId: number) => `https://github.com/acme/widgets/issues/7#issuecomment-${commentId}`;
const WRITES = new Set(["ensureHidden", "ensureCommandRemoved", "createIssue", "createComment", "ensureLabel"]);

describe(`GitHub requests per command (${testBackend})`, () => {
  const database = useTestDatabase();
  let github: InMemoryGitHub;
  let harness: Harness;
  let commandId = 9000;

  beforeEach(async () => {
    github = fakeWorld();
    for (const id of [701, 702, 703]) {
      github.addContent(abusiveComment({ ref: { kind: "issue_comment", ...PROJECT, number: 7, commentId: id }, nodeId: `IC_${id}`, url: linkTo(id), editHistory: [] }));
    }
    harness = await startHarness({ database, gateway: github, now: () => NOW });
  });

  const flag = async (id: number, sender = MODERATOR) => {
    github.calls.length = 0;
    await harness.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${linkTo(id)}`, sender, commentId: ++commandId }));
    await harness.drain();
    return [...github.calls];
  };

  it("makes five requests for a flag once the caches are warm: the read, the hide, the edit history, the removal, the case issue", async () => {
    const cold = await flag(701);
    const warm = await flag(702);
    // The subject's access to the cases repository was checked a moment ago, for the same person: cached too.
    expect(warm).toEqual(["fetchContent", "ensureHidden", "fetchEditHistory", "ensureCommandRemoved", "createIssue"]);
    expect(cold.length).toBeGreaterThan(warm.length);
    expect(warm.filter((c) => WRITES.has(c))).toEqual(["ensureHidden", "ensureCommandRemoved", "createIssue"]);
  });

  it("reads a changed configuration at once after a push, on every replica", async () => {
    await flag(701);
    github.configs.set("acme/widgets", { flag: { hide: false } });
    await harness.deliver("push", pushed({ ...PROJECT }));
    // A second app on the same database: another replica, with its own process state.
    const replica = await startHarness({ database, gateway: github, now: () => NOW });
    github.calls.length = 0;
    await replica.deliver("issue_comment", issueCommentCreated({ body: `/coc flag ${linkTo(702)}`, sender: MODERATOR, commentId: 9500 }));
    await replica.drain();
    expect(github.calls).toContain("readRepoConfig");
    expect(github.calls).not.toContain("ensureHidden");
  });

  it("asks again about a permission a member webhook changed", async () => {
    github.setPermission(PROJECT, "new-mod", "read");
    await flag(701, "new-mod");
    expect(await database.db.report.count()).toBe(0);
    github.setPermission(PROJECT, "new-mod", "write");
    await harness.deliver("member", memberChanged({ ...PROJECT, action: "edited", member: "new-mod" }));
    await flag(701, "new-mod");
    expect(await database.db.report.count()).toBe(1);
  });

  it("stops asking GitHub about someone refused too often, across repositories", async () => {
    for (let i = 0; i < SENDER_LIMIT + 5; i++) {
      const repo = { owner: "acme", repo: `repo-${i}` };
      github.addRepository(repo, { private: false });
      await harness.deliver("issue_comment", issueCommentCreated({ ...repo, body: "/coc flag spam", sender: "spammer", commentId: 10_000 + i }));
    }
    github.calls.length = 0;
    await harness.drain();
    // One permission question per repository until the limit, then none.
    expect(github.calls.filter((c) => c === "getPermission")).toHaveLength(SENDER_LIMIT);
    expect(github.writes).toEqual([]);
  });

  it("hears again from someone refused too often once they are made a moderator", async () => {
    github.setPermission(PROJECT, "newcomer", "read");
    for (let i = 0; i < SENDER_LIMIT; i++) await flag(701, "newcomer");
    github.setPermission(PROJECT, "newcomer", "write");
    await harness.deliver("member", memberChanged({ ...PROJECT, action: "edited", member: "newcomer" }));
    await flag(701, "newcomer");
    expect(await database.db.report.count()).toBe(1);
  });
});
