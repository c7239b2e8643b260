/**
 * A raid sweep through the real app against the local GitHub stand-in over
 * HTTP: a moderator flags one comment by the raider, the case opens, and a
 * committee member's `/coc sweep @troll-tom` in the case issue finds the
 * raider's other 100 comments, reviews and review comments across ten
 * threads through GitHub's search, hides them in two batched GraphQL
 * requests (50 each), and lists every one of them in the case. Every request
 * is checked against GitHub's published REST and GraphQL descriptions.
 */
import { afterEach, describe, expect, it } from "vitest";
import { HIDE_BATCH } from "../../src/github/octokit-sweep.js";
import { APP_ID, startAppServer, type AppServer } from "../support/app-server.js";
import { capturingLog } from "../support/capturing-log.js";
import { startGitHubStandIn, type GitHubStandIn } from "../support/github-stand-in.js";
import { TEST_PRIVATE_KEY } from "../support/probot-harness.js";
import { caseCommentWebhook, flagWebhook, RAID_SIZE, RAIDER, seedRaid, seedRaidAccount } from "../support/stand-in-raid-world.js";
import { testBackend, useTestDatabase } from "../support/test-database.js";

describe(`a raid sweep against the GitHub stand-in (${testBackend})`, { timeout: 90_000 }, () => {
  const database = useTestDatabase();
  let stand: GitHubStandIn | undefined;
  let app: AppServer | undefined;

  afterEach(async () => {
    await app?.stop();
    await stand?.close();
  });

  it("hides the raider's 100 comments in two requests and lists them in the case", async () => {
    stand = await startGitHubStandIn({ app: { id: APP_ID, privateKey: TEST_PRIVATE_KEY } });
    const { world } = stand;
    const account = seedRaidAccount(world, "acme", 4242);
    const log = capturingLog();
    app = await startAppServer({ database, baseUrl: stand.baseUrl, pacing: "off", log: log.log });
    // What the app logged at warn or above, to say why when the raid is not hidden.
    const complaints = () => log.lines.filter((l) => Number(l.level) >= 40).map((l) => l.msg.slice(0, 300));

    expect((await app.deliver("issue_comment", flagWebhook(account))).status).toBe(200);
    await stand.until(() => world.issuesIn(account.cases).length > 0 && world.isMinimized(account.flagged.nodeId), 20_000, "a case issue and the flagged comment hidden");
    await app.idle(10_000);
    const caseIssue = world.issuesIn(account.cases)[0]!;
    const raid = seedRaid(world, account.widgets);
    const from = stand.requests.length;

    expect((await app.deliver("issue_comment", caseCommentWebhook(account, caseIssue.number, `/coc sweep @${RAIDER}`, 9100))).status).toBe(200);
    const report = () => world.commentsOn(account.cases, caseIssue.number).find((c) => c.body.includes("\n**Sweep of"));
    await stand.until(() => raid.every((id) => world.isMinimized(id)) && report() !== undefined, 20_000, "the raid hidden and the sweep's report").catch((error: Error) => {
      throw new Error(`${error.message}; the app said: ${complaints().join(" | ") || "nothing"}`);
    });
    await app.idle(10_000);
    await app.stop();
    app = undefined;

    expect(raid.filter((id) => world.minimized.get(id)?.classifier !== "ABUSE")).toEqual([]);
    const sweep = stand.requests.slice(from);
    const mutations = sweep.filter((r) => r.operationType === "mutation");
    expect(mutations.map((r) => [r.operationName, r.rootFields.length])).toEqual([
      ["SweepHide", HIDE_BATCH],
      ["SweepHide", RAID_SIZE - HIDE_BATCH],
    ]);
    // One search page per qualifier: ten threads involve the raider, one pull request was reviewed by them.
    expect(sweep.filter((r) => r.operationName === "SweepFind")).toHaveLength(2);

    // The case lists each of the 100, with its link, and keeps them.
    const listed = report()!.body;
    expect(listed).toMatch(new RegExp(`^<!-- coc-reply:[\\w-]+ -->\\n\\*\\*Sweep of \`${RAIDER}\` in \`acme\` since .* UTC:\\*\\* hid ${RAID_SIZE}\\.\\n`));
    for (const id of raid) {
      const content = world.node(id)!;
      const url = content.kind === "issue_comment"
        ? `https://github.com/acme/widgets/issues/${content.issueNumber}#issuecomment-${content.id}`
        : content.kind === "review_comment"
          ? `https://github.com/acme/widgets/pull/30#discussion_r${content.id}`
          : `https://github.com/acme/widgets/pull/30#pullrequestreview-${content.id}`;
      expect(listed).toContain(url);
    }
    expect(listed.split("\n").filter((line) => line.startsWith("- "))).toHaveLength(RAID_SIZE);
    expect(await database.db.sweptContent.count({ where: { login: RAIDER } })).toBe(RAID_SIZE);
    // The flagged comment was hidden by the flag already, and other people's comments are left alone.
    expect(world.minimized.get(account.flagged.nodeId)?.bySeq).toBeLessThan(from + 1);
    expect(world.commentsOn(account.widgets, 20).filter((c) => c.author.login !== RAIDER).map((c) => world.isMinimized(c.nodeId))).toEqual([false, false, false, false]);

    expect(stand.unexpected()).toEqual([]);
    expect(stand.requests.filter((r) => r.unmodelled.length > 0)).toEqual([]);
    expect(stand.requests.filter((r) => r.status === null || r.status >= 500)).toEqual([]);
    expect(await stand.contractProblems()).toEqual([]);
  });
});
