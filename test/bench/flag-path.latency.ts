/**
 * How fast `/coc flag <link> personal attack` protects, end to end, as
 * production runs it: Probot's HTTP server with its default Octokit
 * (throttling and retries on), the app from src/index.ts with its job worker
 * on a real database, and a local GitHub stand-in over HTTP on 127.0.0.1.
 * Signed `issue_comment.created` webhooks go in over HTTP; the bench prints,
 * per database backend, the time from delivery until the stand-in received
 * the minimizeComment request and the case issue, and every GitHub request
 * one flag costs. `npm run bench` (embedded PGlite; PostgreSQL too when
 * TEST_DATABASE_URL is set). Figures are printed, never asserted: they
 * depend on the machine. Only completion is asserted.
 *
 * Each cold flag runs on its own account and installation, so it starts on
 * an installation whose pacing limiters (writes and GraphQL 1 s apart,
 * notifying writes 3 s apart) are idle and whose token is not cached, and
 * flags run one after another, so no flag waits behind another's work. Each
 * warm flag repeats one on the same installation, repository and subject
 * once that installation's limiters are idle again: what differs is only
 * what the app and Probot could cache (token, installation, labels).
 */
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { issueCommentCreated } from "../factories/webhooks.js";
import { APP_ID, startAppServer, type AppServer } from "../support/app-server.js";
import { startGitHubStandIn, type GitHubStandIn } from "../support/github-stand-in.js";
import type { IssueComment, Repository } from "../support/github-stand-in-world.js";
import { TEST_PRIVATE_KEY } from "../support/probot-harness.js";
import { createTestDatabase } from "../support/test-database.js";
import { formatReport, type FlagPathReport, type FlagSample } from "./flag-path-report.js";

/** Cold flags (and as many warm ones) per backend; bounded so the whole bench stays near two minutes. */
const FLAGS = Math.min(Math.max(Number(process.env.FLAG_BENCH_FLAGS ?? 4) || 4, 1), 20);
/** A flag that has not hidden, removed the command and opened its case by then counts as failed. */
const COMPLETE_WITHIN_MS = 30_000;
/** After GitHub's side is complete, how long the job queue may take to empty (marking actions done). */
const DRAIN_WITHIN_MS = 5_000;
/** Octokit's slowest per-installation limiter spaces notifying writes 3 s apart; a little more makes the installation idle. */
const INSTALLATION_IDLE_MS = 3_200;

/**
 * graphile-worker's pollInterval (src/actions/worker.ts). Where LISTEN/NOTIFY does not reach the
 * worker (embedded PGlite), a new job waits for the next poll, which comes this long after the
 * worker last found the queue empty. A flag sent right after the previous one settled would always
 * wait almost a whole interval; production webhooks arrive at any point of the cycle.
 */
const WORKER_POLL_MS = 1_000;

const MODERATOR = "mod-maria";
const SUBJECT = "troll-tom";

const backends = [
  { name: "embedded PGlite", serverUrl: null as string | null },
  ...(process.env.TEST_DATABASE_URL ? [{ name: "PostgreSQL", serverUrl: process.env.TEST_DATABASE_URL }] : []),
];

interface Account {
  owner: string;
  installationId: number;
  widgets: Repository;
  cases: Repository;
  /** Comments by the subject: the first is flagged cold, the second warm. */
  targets: [IssueComment, IssueComment];
}

function seedAccount(stand: GitHubStandIn, owner: string, installationId: number): Account {
  const { world } = stand;
  world.addAccount(owner, { installationId });
  const widgets = world.addRepository(owner, "widgets", { private: false });
  const cases = world.addRepository(owner, "coc-cases", { private: true });
  world.setPermission(widgets, MODERATOR, "maintain");
  const target = (n: number) =>
    world.addIssueComment(widgets, 7, {
      author: SUBJECT,
      body: `You are all idiots (${n}).`,
      edits: [{ editedAt: "2026-03-04T09:05:00Z", editor: SUBJECT, diff: "You are idiots." }],
    });
  return { owner, installationId, widgets, cases, targets: [target(1), target(2)] };
}

async function flag(app: AppServer, stand: GitHubStandIn, account: Account, target: IssueComment, label: FlagSample["label"]): Promise<FlagSample> {
  const { world } = stand;
  const link = `https://github.com/${account.owner}/widgets/issues/7#issuecomment-${target.id}`;
  const id = world.id();
  // The moderator's comment exists on GitHub before its webhook is sent, with the node id the payload names.
  const command = world.addIssueComment(account.widgets, 7, { author: MODERATOR, body: `/coc flag ${link} personal attack`, id, nodeId: `IC_command${id}` });
  const payload = issueCommentCreated({ owner: account.owner, installationId: account.installationId, body: command.body, sender: MODERATOR, commentId: id });
  const caseIssue = () => world.issuesIn(account.cases).find((issue) => issue.body.startsWith("<!-- coc-case:") && issue.body.includes(link));

  const from = stand.requests.length;
  const delivery = await app.deliver("issue_comment", payload);
  let problem: string | null = delivery.status === 200 ? null : `webhook answered ${delivery.status}`;
  try {
    await stand.until(
      () => world.isMinimized(target.nodeId) && world.wasDeleted(command.id) && caseIssue() !== undefined,
      COMPLETE_WITHIN_MS,
      "a hidden comment, a removed command and a case issue",
    );
    await app.idle(DRAIN_WITHIN_MS);
  } catch (error) {
    problem = (error as Error).message;
  }
  const arrival = (seq: number | null | undefined) => (seq ? stand.requests[seq - 1]!.receivedAt : null);
  return {
    label,
    account: account.owner,
    sentAt: delivery.sentAt,
    webhookAnsweredAt: delivery.answeredAt,
    webhookStatus: delivery.status,
    hiddenAt: arrival(world.minimized.get(target.nodeId)?.bySeq),
    caseIssueAt: arrival(caseIssue()?.createdBySeq),
    requests: stand.requests.slice(from),
    problem,
  };
}

/**
 * The k-th flag of a group is sent this long after the previous one settled: evenly spread over
 * one polling cycle, so the samples meet the worker at every point of its cycle, the same way
 * on every run (no randomness in the figures).
 */
function spread(k: number): number {
  return ((k + 0.5) / FLAGS) * WORKER_POLL_MS;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the installation's last request is long enough ago that Octokit's limiters hold nothing for it. */
async function idleInstallation(stand: GitHubStandIn, account: Account): Promise<void> {
  const last = Math.max(...stand.requests.filter((r) => r.installationId === account.installationId).map((r) => r.receivedAt));
  const wait = last + INSTALLATION_IDLE_MS - performance.now();
  if (wait > 0) await pause(wait);
}

/** The app's own log at production level, kept in memory; warnings and errors are printed with the figures. */
function capturingLog(noted: string[]) {
  return pino(
    { level: "info" },
    {
      write(line: string) {
        const entry = JSON.parse(line) as { level: number; msg?: string };
        if (entry.level >= 40) noted.push(`${pino.levels.labels[entry.level]}: ${entry.msg ?? ""}`.slice(0, 200));
      },
    },
  );
}

async function measure(backend: (typeof backends)[number], index: number): Promise<FlagPathReport> {
  const database = await createTestDatabase({ serverUrl: backend.serverUrl });
  const stand = await startGitHubStandIn({ app: { id: APP_ID, privateKey: TEST_PRIVATE_KEY } });
  const appWarnings: string[] = [];
  let app: AppServer | undefined;
  const samples: FlagSample[] = [];
  try {
    app = await startAppServer({ database, baseUrl: stand.baseUrl, pacing: "production", log: capturingLog(appWarnings) as never });
    // Octokit's limiters are shared by the whole process and keyed by installation id: ids never repeat across backends.
    const installation = (n: number) => 100_000 * (index + 1) + n;
    const first = seedAccount(stand, "start-up", installation(0));
    const accounts = Array.from({ length: FLAGS }, (_, i) => seedAccount(stand, `acme-${i + 1}`, installation(i + 1)));
    // The first flag after start-up also pays for loading code and opening connections: shown apart.
    samples.push(await flag(app, stand, first, first.targets[0], "first"));
    for (const [k, account] of accounts.entries()) {
      await pause(spread(k));
      samples.push(await flag(app, stand, account, account.targets[0], "cold"));
    }
    for (const [k, account] of accounts.entries()) {
      await idleInstallation(stand, account);
      await pause(spread(k));
      samples.push(await flag(app, stand, account, account.targets[1], "warm"));
    }
  } finally {
    await app?.stop();
    await stand.close();
    await database.close();
  }
  return {
    backend: backend.name,
    samples,
    unexpected: stand.unexpected(),
    unmodelled: [...new Set(stand.requests.flatMap((r) => r.unmodelled))],
    contractProblems: await stand.contractProblems(),
    appWarnings,
  };
}

describe("flag path", () => {
  backends.forEach((backend, index) => {
    it(`on ${backend.name}`, { timeout: 180_000 }, async () => {
      const report = await measure(backend, index);
      console.log(formatReport(report));
      expect(report.samples.filter((s) => s.hiddenAt === null || s.caseIssueAt === null).map((s) => `${s.label} ${s.account}: ${s.problem}`)).toEqual([]);
    });
  });
});
