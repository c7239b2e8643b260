/**
 * Bans the app enforces itself, through the webhook path: where GitHub cannot
 * block (`acme` is a personal account here), `/coc ban 1w` makes the app
 * hide what the banned person comments or reviews and close and lock what
 * they open, in the account's repositories, each noted in the case. Once per
 * delivery; nothing for anyone else (no query, no GitHub call); nothing once
 * the ban is lifted; nothing app-made where GitHub blocked the person.
 */
import { describe, expect, it, vi } from "vitest";
import { fakeAccountId } from "../../src/github/in-memory-github.js";
import { issueCommentCreated, issueOpened, pullRequestOpened, reviewCommentCreated, reviewSubmitted } from "../factories/webhooks.js";
import { OTHER_MEMBER, useCommitteeCase } from "../support/committee-case.js";
import { startHarness } from "../support/probot-harness.js";
import { testBackend } from "../support/test-database.js";

const SUBJECT = "troll-tom";

describe(`bans the app enforces itself (${testBackend})`, () => {
  const committee = useCommitteeCase();
  const db = () => committee.database.db;
  const enforcementNotes = () => committee.answers().filter((a) => a.includes("enforced:**"));

  async function banByApp() {
    committee.github.blocks.userAccounts.add("acme");
    await committee.inCase("/coc ack");
    await committee.inCase("/coc ban 1w");
    expect(await db().ban.findFirstOrThrow()).toMatchObject({ enforcement: "app" });
    await committee.harness.bannedPeople.refresh();
    committee.github.writes.length = 0;
  }

  async function deliverAndRun(name: string, payload: object, id?: string) {
    const delivered = await committee.harness.deliver(name, payload, id);
    await committee.harness.drain();
    return delivered;
  }

  /** Everything a delivery could leave in the database or ask of GitHub. */
  async function footprint() {
    const [deliveries, actions, audit, jobs] = await Promise.all([
      db().delivery.count(),
      db().action.count(),
      db().auditEvent.count(),
      db().$queryRawUnsafe<Array<{ n: bigint }>>("SELECT count(*) AS n FROM graphile_worker._private_jobs"),
    ]);
    return { deliveries, actions, audit, jobs: Number(jobs[0]!.n), githubCalls: committee.github.calls.length };
  }

  it("hides a new comment by the banned person at once, notes it in the case, and does it once per delivery", async () => {
    await banByApp();
    const id = await deliverAndRun("issue_comment", issueCommentCreated({ sender: SUBJECT, body: "You still can't stop me.", commentId: 777 }));
    expect(committee.github.hidden.get("IC_command777")).toBe("ABUSE");
    expect(committee.contentWrites()).toEqual([{ verb: "hide", nodeId: "IC_command777", classifier: "ABUSE" }]);
    expect(enforcementNotes()).toEqual([
      "**Ban of `troll-tom` in `acme` enforced:** a new comment they wrote was hidden as abuse: `https://github.com/acme/widgets/issues/7#issuecomment-777`.",
    ]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "ban.enforced-on-content" } });
    expect(audit.detail).toMatchObject({ delivery: id, content: "comment", done: "hidden" });

    // GitHub (or an owner) redelivers it: nothing more is recorded or done.
    const before = await footprint();
    const writes = committee.github.writes.length;
    await deliverAndRun("issue_comment", issueCommentCreated({ sender: SUBJECT, body: "You still can't stop me.", commentId: 777 }), id);
    expect(await footprint()).toEqual(before);
    expect(committee.github.writes).toHaveLength(writes);
  });

  it("closes and locks a new issue or pull request, and hides a review and a review comment", async () => {
    await banByApp();
    await deliverAndRun("issues", issueOpened({ sender: SUBJECT, issueNumber: 40, title: "@mod-maria you are next" }));
    expect(committee.github.closedThreads.has("acme/widgets#40")).toBe(true);
    expect(committee.github.locks.get("acme/widgets#40")).toBe("no reason");
    await deliverAndRun("pull_request", pullRequestOpened({ sender: SUBJECT, pullNumber: 41 }));
    await deliverAndRun("pull_request_review", reviewSubmitted({ sender: SUBJECT, body: "", reviewId: 5005, pullNumber: 12 }));
    await deliverAndRun("pull_request_review_comment", reviewCommentCreated({ sender: SUBJECT, body: "nope", commentId: 7007, pullNumber: 12 }));
    expect(committee.contentWrites()).toEqual([
      { verb: "lock", repo: "acme/widgets", issueNumber: 40, reason: null },
      { verb: "close-issue", repo: "acme/widgets", issueNumber: 40, reason: "not_planned" },
      { verb: "lock", repo: "acme/widgets", issueNumber: 41, reason: null },
      { verb: "close-issue", repo: "acme/widgets", issueNumber: 41, reason: "not_planned" },
      { verb: "hide", nodeId: "PRR_review5005", classifier: "ABUSE" },
      { verb: "hide", nodeId: "PRRC_comment7007", classifier: "ABUSE" },
    ]);
    expect(enforcementNotes()).toEqual([
      "**Ban of `troll-tom` in `acme` enforced:** a new issue they opened was closed and locked: `https://github.com/acme/widgets/issues/40`.",
      "**Ban of `troll-tom` in `acme` enforced:** a new pull request they opened was closed and locked: `https://github.com/acme/widgets/pull/41`.",
      "**Ban of `troll-tom` in `acme` enforced:** a new review they submitted was hidden as abuse: `https://github.com/acme/widgets/pull/12#pullrequestreview-5005`.",
      "**Ban of `troll-tom` in `acme` enforced:** a new review comment they wrote was hidden as abuse: `https://github.com/acme/widgets/pull/12#discussion_r7007`.",
    ]);
    // Nothing was said in the public repository.
    expect(committee.github.writes.filter((w) => w.verb === "comment" && w.repo === "acme/widgets")).toEqual([]);
  });

  it("costs nothing for a comment by anyone else: no query, no write, no GitHub call", async () => {
    await banByApp();
    const before = await footprint();
    const queries = vi.spyOn(db(), "$queryRaw");
    const transactions = vi.spyOn(db(), "$transaction");
    try {
      await committee.harness.deliver("issue_comment", issueCommentCreated({ sender: "kind-kim", body: "Thanks for the fix!", commentId: 778 }));
      await committee.harness.deliver("issues", issueOpened({ sender: "kind-kim", issueNumber: 42 }));
      // The banned person's login in another account's repositories is not banned there.
      await committee.harness.deliver("issue_comment", issueCommentCreated({ owner: "elsewhere", sender: SUBJECT, body: "hello", commentId: 779 }));
      expect(queries).not.toHaveBeenCalled();
      expect(transactions).not.toHaveBeenCalled();
    } finally {
      queries.mockRestore();
      transactions.mockRestore();
    }
    expect(await footprint()).toEqual(before);
  });

  it("hides a banned person's /coc comment too, and the command path takes it in as ever", async () => {
    await banByApp();
    const id = await deliverAndRun("issue_comment", issueCommentCreated({ sender: SUBJECT, body: "/coc flag the committee", commentId: 780 }));
    expect(committee.github.hidden.get("IC_command780")).toBe("ABUSE");
    expect(await db().delivery.findUnique({ where: { id } })).toMatchObject({ event: "issue_comment" });
    expect(await db().delivery.findUnique({ where: { id: `${id}:ban-enforcement` } })).toMatchObject({ event: "issue_comment" });
  });

  it("finds a person who renamed their account by its id, and says under which login they wrote", async () => {
    await banByApp();
    await deliverAndRun("issue_comment", issueCommentCreated({ sender: "tom-renamed", senderId: fakeAccountId(SUBJECT), body: "new name", commentId: 781 }));
    expect(committee.github.hidden.get("IC_command781")).toBe("ABUSE");
    expect(enforcementNotes().at(-1)).toContain("a new comment they wrote as `tom-renamed` was hidden as abuse");
    // Someone else who took the old login is not the banned person.
    await deliverAndRun("issue_comment", issueCommentCreated({ sender: SUBJECT, senderId: 424242, body: "I am new here", commentId: 782 }));
    expect(committee.github.hidden.has("IC_command782")).toBe(false);
  });

  it("is reloaded by the enforce-ban action itself, and by another replica from the database", async () => {
    committee.github.blocks.userAccounts.add("acme");
    await committee.inCase("/coc ack");
    // Another process of the app, started before the ban, with its own set.
    const replica = await startHarness({ database: committee.database, gateway: committee.github, now: () => committee.clock });
    await committee.inCase("/coc ban 1w");
    // No refresh() by the test: the action that found GitHub cannot block reloaded this process's set.
    await vi.waitFor(() => expect(committee.harness.bannedPeople.size).toBe(1));
    expect(replica.bannedPeople.size).toBe(0);
    await replica.bannedPeople.refresh(); // what its timer does every 2 s
    await replica.deliver("issue_comment", issueCommentCreated({ sender: SUBJECT, body: "hi", commentId: 783 }));
    await replica.drain();
    expect(committee.github.hidden.get("IC_command783")).toBe("ABUSE");
  });

  it("enforces nothing once the ban is lifted with /coc unban", async () => {
    await banByApp();
    await committee.inCase("/coc unban", OTHER_MEMBER);
    expect(committee.lastAnswer()).toContain("is lifted:** lifted early with `/coc unban`.");
    await committee.harness.bannedPeople.refresh();
    expect(committee.harness.bannedPeople.size).toBe(0);
    const before = await footprint();
    await deliverAndRun("issue_comment", issueCommentCreated({ sender: SUBJECT, body: "back again", commentId: 784 }));
    await deliverAndRun("issues", issueOpened({ sender: SUBJECT, issueNumber: 43 }));
    expect(committee.github.hidden.has("IC_command784")).toBe(false);
    expect(committee.github.closedThreads.has("acme/widgets#43")).toBe(false);
    expect(await footprint()).toEqual(before);
  });

  it("leaves to GitHub a ban it enforces with an organization block", async () => {
    await committee.inCase("/coc ack");
    await committee.inCase("/coc ban 1w");
    expect(await db().ban.findFirstOrThrow()).toMatchObject({ enforcement: "block" });
    await committee.harness.bannedPeople.refresh();
    expect(committee.harness.bannedPeople.size).toBe(0);
    const actions = await db().action.count();
    await deliverAndRun("issue_comment", issueCommentCreated({ sender: SUBJECT, body: "hi", commentId: 785 }));
    expect(committee.github.hidden.has("IC_command785")).toBe(false);
    expect(await db().action.count()).toBe(actions);
  });
});
