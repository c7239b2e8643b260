/**
 * A whole case through the real app against the local GitHub stand-in over
 * HTTP: a moderator flags a comment, a committee member acknowledges the case
 * and resolves it in the case issue, and the case closes, with its labels,
 * status block, replies, notices and closing report. Every request the Octokit
 * adapter sends on the way is checked against GitHub's published REST and
 * GraphQL descriptions, as the flag's own stand-in test does.
 */
import { afterEach, describe, expect, it } from "vitest";
import { issueCommentCreated } from "../factories/webhooks.js";
import { APP_ID, startAppServer, type AppServer } from "../support/app-server.js";
import { startGitHubStandIn, type GitHubStandIn } from "../support/github-stand-in.js";
import { TEST_PRIVATE_KEY } from "../support/probot-harness.js";
import { seedFlaggedComment } from "../support/stand-in-flag-world.js";
import { testBackend, useTestDatabase } from "../support/test-database.js";

describe(`a case against the GitHub stand-in (${testBackend})`, { timeout: 90_000 }, () => {
  const database = useTestDatabase();
  let stand: GitHubStandIn | undefined;
  let app: AppServer | undefined;

  afterEach(async () => {
    await app?.stop();
    await stand?.close();
  });

  it("runs from flag to close through GitHub's real wire format", async () => {
    stand = await startGitHubStandIn({ app: { id: APP_ID, privateKey: TEST_PRIVATE_KEY } });
    const { world } = stand;
    const { widgets, cases, abuse, command } = seedFlaggedComment(world, { body: "You are all idiots." });
    world.setFile(world.addRepository("acme", ".github", { private: false }), ".github/coc.yml", "committee:\n  quorum: single\n");
    world.addTeamMember("acme", "coc-committee", "mod-ana");
    world.setPermission(cases, "mod-ana", "write");

    app = await startAppServer({ database, baseUrl: stand.baseUrl, pacing: "off" });
    expect((await app.deliver("issue_comment", issueCommentCreated({ body: command.body, sender: "mod-maria", commentId: command.id }))).status).toBe(200);
    await stand.until(() => world.issuesIn(cases).length > 0, 20_000, "a case issue");
    const caseIssue = world.issuesIn(cases)[0]!;

    let commentId = 9100;
    const inCase = async (body: string, until: () => boolean, what: string) => {
      const payload = issueCommentCreated({ owner: "acme", repo: "coc-cases", body, sender: "mod-ana", issueNumber: caseIssue.number, commentId: ++commentId });
      payload.repository.private = true;
      expect((await app!.deliver("issue_comment", payload)).status).toBe(200);
      await stand!.until(until, 20_000, what);
    };
    const said = () => world.commentsOn(cases, caseIssue.number).map((c) => c.body);

    await inCase("/coc ack", () => caseIssue.labels.includes("state: acknowledged") && caseIssue.body.includes("State: acknowledged"), "an acknowledged case");
    await inCase("/coc resolve reminder heated, not targeted", () => caseIssue.state === "closed" && said().some((b) => b.includes("To do for the committee") && b.includes("(the subject)")), "a closed case, its subject's notice");
    await app.stop();
    app = undefined;

    expect(caseIssue.labels).toEqual(["coc-case", "state: closed"]);
    expect(caseIssue.body).toMatch(/^<!-- coc-case:COC-\d{4}-0001 -->\n<!-- coc-status:begin -->\n> \*\*State: closed\*\* · Decided by: the committee team · Acknowledged: `mod-ana`/);
    expect(caseIssue.body).toContain("You are all idiots.");
    const all = said().join("\n");
    expect(all).toContain("@mod-ana the case is acknowledged.");
    expect(all).toContain("**Decided: `reminder`.**");
    expect(all).toContain("### Closing report for COC-");
    // Nothing reached the public thread but the hide: the flagged comment is still there, and the command is gone.
    expect(world.commentsOn(widgets, 7).map((c) => c.id)).toEqual([abuse.id]);

    expect(stand.unexpected()).toEqual([]);
    expect(stand.requests.filter((r) => r.unmodelled.length > 0)).toEqual([]);
    expect(stand.requests.filter((r) => r.status === null || r.status >= 500)).toEqual([]);
    expect(await stand.contractProblems()).toEqual([]);
  });
});
