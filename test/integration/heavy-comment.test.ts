/**
 * A moderator's 64 KiB comment that is costly to parse does not hold up the
 * app: while it is parsed, Probot's HTTP server keeps answering webhooks and
 * `GET /ping`. The real app runs behind Probot's server, on the in-memory
 * GitHub and a test database; the job queue is drained as in production.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { drainDueJobs } from "../../src/actions/worker.js";
import type { InMemoryGitHub } from "../../src/github/in-memory-github.js";
import { issueCommentCreated } from "../factories/webhooks.js";
import { HEAVY_COMMAND, longListComment, pathologicalComment } from "../factories/heavy-comments.js";
import { capturingLog, type CapturedLog } from "../support/capturing-log.js";
import { caseIssues, fakeWorld, MODERATOR, noticesOn, PROJECT, writesIn } from "../support/fake-world.js";
import { startProbotServer, type RunningServer } from "../support/probot-server.js";
import { testBackend, useTestDatabase } from "../support/test-database.js";

const NOW = new Date("2026-03-04T10:00:00Z");
const ANSWERS = ["ordinary comment answered 200", "command from a non-moderator answered 200", "ping answered PONG"];

describe(`a heavy comment from a moderator (${testBackend})`, { timeout: 120_000 }, () => {
  const database = useTestDatabase();
  let github: InMemoryGitHub;
  let server: RunningServer;
  let captured: CapturedLog;
  /** What happened, in the order it happened. */
  let events: string[];

  beforeEach(async () => {
    github = fakeWorld();
    server = await startProbotServer({ db: database.db, gateway: github, now: () => NOW });
    captured = capturingLog();
    events = [];
  });
  afterEach(async () => {
    await server.stop();
  });

  const drain = () => drainDueJobs(database.url, { ...server.deps, log: captured.log });

  /** Resolves once the comment job has found the moderator may use commands: its next step is reading the comment. */
  function readingStarts(): Promise<void> {
    const permission = github.getPermission.bind(github);
    return new Promise((resolve) => {
      github.getPermission = async (repo, login) => {
        const answer = await permission(repo, login);
        if (login === MODERATOR) resolve();
        return answer;
      };
    });
  }

  /** Webhooks and a health check from everyone else, each noted when the server has answered it. */
  function ordinaryTraffic(): Promise<unknown> {
    return Promise.all([
      server
        .deliver("issue_comment", issueCommentCreated({ body: "Looks good to me, thanks!", sender: "contributor-carl", commentId: 9101 }))
        .then((status) => events.push(`ordinary comment answered ${status}`)),
      server
        .deliver("issue_comment", issueCommentCreated({ body: "/coc flag everyone", sender: "troll-tom", commentId: 9102 }))
        .then((status) => events.push(`command from a non-moderator answered ${status}`)),
      server.ping().then((text) => events.push(`ping answered ${text}`)),
    ]);
  }

  it("answers webhooks and /ping while the comment is parsed, then runs its command", async () => {
    const fetchContent = github.fetchContent.bind(github);
    github.fetchContent = async (ref) => (events.push("command running"), fetchContent(ref));
    const reading = readingStarts();
    expect(await server.deliver("issue_comment", issueCommentCreated({ body: longListComment, sender: MODERATOR }))).toBe(200);

    const job = drain();
    await reading;
    await Promise.all([ordinaryTraffic(), job]);
    await drain(); // whatever the traffic queued

    expect(events.slice(0, ANSWERS.length).sort()).toEqual([...ANSWERS].sort());
    expect(events.slice(ANSWERS.length)).toEqual(["command running"]);
    // The command ran: a private case; in this public thread the comment goes whole, and its list is given back privately.
    expect(caseIssues(github)).toHaveLength(1);
    expect(await database.db.report.findMany({ select: { reporterLogin: true, reason: true } })).toEqual([{ reporterLogin: MODERATOR, reason: "personal attack" }]);
    const removal = github.writes.find((w) => w.verb === "remove-command");
    expect(removal).toMatchObject({ location: { kind: "issue_comment", commentId: 9001 }, remainingBody: null });
    expect(noticesOn(github).join("\n")).toContain(longListComment.replace(`${HEAVY_COMMAND}\n`, "").slice(0, 200));
  });

  it("answers webhooks and /ping while a parse runs into its bound, then runs no command and removes the comment", async () => {
    const secret = "reason-that-must-stay-private";
    captured.onLine = (line) => {
      if (/no command runs, and the comment is removed/.test(line.msg)) events.push("comment refused");
    };
    const reading = readingStarts();
    const body = pathologicalComment.replace("personal attack", secret);
    expect(await server.deliver("issue_comment", issueCommentCreated({ body, sender: MODERATOR }))).toBe(200);

    const job = drain();
    await reading;
    await Promise.all([ordinaryTraffic(), job]);
    await drain();

    expect(events.slice(0, ANSWERS.length).sort()).toEqual([...ANSWERS].sort());
    expect(events.slice(ANSWERS.length)).toEqual(["comment refused"]);
    // Nothing ran, and the comment, which may hold a command, is not left public; its author is told privately.
    expect(github.writes.filter((w) => w.verb === "remove-command")).toEqual([
      { verb: "remove-command", location: { kind: "issue_comment", owner: "acme", repo: "widgets", commentId: 9001 }, remainingBody: null },
    ]);
    expect(writesIn(github, PROJECT)).toEqual([]);
    expect(noticesOn(github).join("\n")).toContain("too intricate to read in time");
    expect(await database.db.report.count()).toBe(0);
    // Operators can find the delivery; nobody can read the comment in the logs.
    expect(captured.lines.find((line) => line.reason !== undefined)).toMatchObject({ delivery: expect.any(String), reason: "timeout", which: "new body" });
    expect(JSON.stringify(captured.lines)).not.toContain(secret);
  });
});
