/**
 * `/coc flag https://github.com/acme/widgets/issues/7#issuecomment-… personal attack`
 * through the real app as it runs in production (Probot's HTTP server, the
 * job worker, the Octokit adapter) against the local GitHub stand-in over
 * HTTP, asserting on the stand-in's resulting state. This is what proves the
 * stand-in answers the app correctly, so the flag-path benchmark measures a
 * flag that really completes. Pacing is off here to keep the test fast; the
 * benchmark runs with it on.
 */
import { afterEach, describe, expect, it } from "vitest";
import { issueCommentCreated } from "../factories/webhooks.js";
import { APP_ID, startAppServer, type AppServer } from "../support/app-server.js";
import { startGitHubStandIn, type GitHubStandIn } from "../support/github-stand-in.js";
import { TEST_PRIVATE_KEY } from "../support/probot-harness.js";
import { seedFlaggedComment } from "../support/stand-in-flag-world.js";
import { testBackend, useTestDatabase } from "../support/test-database.js";

describe(`/coc flag against the GitHub stand-in (${testBackend})`, { timeout: 60_000 }, () => {
  const database = useTestDatabase();
  let stand: GitHubStandIn | undefined;
  let app: AppServer | undefined;

  afterEach(async () => {
    await app?.stop();
    await stand?.close();
  });

  it("hides the comment, deletes the command and opens one case issue in the private cases repository", async () => {
    stand = await startGitHubStandIn({ app: { id: APP_ID, privateKey: TEST_PRIVATE_KEY } });
    const { world } = stand;
    const { widgets, cases, abuse, command } = seedFlaggedComment(world, {
      body: "You are all idiots.",
      edits: [{ editedAt: "2026-03-04T09:05:00Z", editor: "troll-tom", diff: "You are idiots." }],
    });

    app = await startAppServer({ database, baseUrl: stand.baseUrl, pacing: "off" });
    const delivery = await app.deliver("issue_comment", issueCommentCreated({ body: command.body, sender: "mod-maria", commentId: command.id }));
    expect(delivery.status).toBe(200);
    // Waits on GitHub's side only, in whatever order the app does things; stopping the app then lets running jobs finish.
    await stand.until(
      () => world.isMinimized(abuse.nodeId) && world.wasDeleted(command.id) && world.issuesIn(cases).length > 0,
      20_000,
      "a hidden comment, a deleted command and a case issue",
    );
    await app.stop();
    app = undefined;

    expect(world.minimized.get(abuse.nodeId)?.classifier).toBe("ABUSE");
    expect(world.wasDeleted(command.id)).toBe(true);
    // Nothing else happened in the public thread: the flagged comment is still there, hidden, and the app wrote nothing.
    expect(world.commentsOn(widgets, 7).map((c) => c.id)).toEqual([abuse.id]);
    expect(world.issuesIn(widgets).map((i) => i.number)).toEqual([7]);

    const [caseIssue, ...others] = world.issuesIn(cases);
    expect(others).toEqual([]);
    expect(caseIssue!.body).toMatch(/^<!-- coc-case:COC-\d{4}-0001 -->\n/);
    expect(caseIssue!.body).toContain("You are all idiots.");
    expect(caseIssue!.author.login).toBe("coc-enforcer[bot]");
    expect(caseIssue!.labels).toEqual(["coc-case", "state: new"]);
    const [stored] = await database.db.case.findMany();
    expect(stored).toMatchObject({ subjectLogin: "troll-tom", casesRepo: "coc-cases" });

    expect(stand.unexpected()).toEqual([]);
    expect(stand.requests.filter((r) => r.unmodelled.length > 0)).toEqual([]);
    expect(stand.requests.filter((r) => r.status === null || r.status >= 500)).toEqual([]);
    expect(await stand.contractProblems()).toEqual([]);
  });
});
