/**
 * How fast `/coc sweep @troll-tom` hides a raid of 100 comments, end to end,
 * as production runs it: Probot's HTTP server with its default Octokit
 * (throttling and retries on: writes and GraphQL spaced 1 s apart per
 * installation, notifying writes 3 s), the app from src/index.ts with its job
 * worker on a real database, and the local GitHub stand-in over HTTP on
 * 127.0.0.1, whose GraphQL search finds the raid. `npm run bench` (embedded
 * PGlite; PostgreSQL too when TEST_DATABASE_URL is set). Figures are printed,
 * never asserted: they depend on the machine. Only completion is asserted.
 *
 * Each trial is a case of its own on its own account and installation: the
 * moderator's `/coc flag` opens it, the raid is seeded, and once the
 * installation's limiters are idle again (the flag's own writes paced out) a
 * committee member's `/coc sweep @troll-tom` is delivered, signed, over HTTP.
 * Measured from that delivery: the search, the batched hides (50 aliased
 * `minimizeComment` per request) and the report in the case.
 *
 * For comparison, the same 100 hidden one paced `minimizeComment` request each,
 * the way the flag path hides one (OctokitGitHub.ensureHidden over Probot's
 * default Octokit), on a fresh installation: SWEEP_BENCH_SINGLE_HIDES of them
 * (10 by default) are fired at once, and 100 are extrapolated from when they
 * were answered; SWEEP_BENCH_SINGLE_HIDES=100 measures all 100 (about 100 s).
 */
import { pino } from "pino";
import { Probot } from "probot";
import { describe, expect, it } from "vitest";
import { ProbotGitHubGateway } from "../../src/github/probot-gateway.js";
import { APP_ID, startAppServer, type AppServer } from "../support/app-server.js";
import { startGitHubStandIn, type GitHubStandIn } from "../support/github-stand-in.js";
import { TEST_PRIVATE_KEY } from "../support/probot-harness.js";
import { caseCommentWebhook, flagWebhook, RAID_SIZE, RAIDER, seedRaid, seedRaidAccount, type RaidAccount } from "../support/stand-in-raid-world.js";
import { createTestDatabase } from "../support/test-database.js";
import { formatSweepReport, type OneByOne, type SweepReport, type SweepSample } from "./sweep-report.js";

const bounded = (value: string | undefined, fallback: number, max: number) => Math.min(Math.max(Number(value ?? fallback) || fallback, 1), max);
/** Sweeps per backend; bounded so the bench stays near a minute. */
const TRIALS = bounded(process.env.SWEEP_BENCH_TRIALS, 4, 10);
/** Single paced hides measured for the comparison (100 measures it directly). */
const SINGLE_HIDES = bounded(process.env.SWEEP_BENCH_SINGLE_HIDES, 10, RAID_SIZE);
/** A flag that has not opened its case, or a sweep that has not hidden the raid and reported, by then counts as failed. */
const COMPLETE_WITHIN_MS = 30_000;
/** After GitHub's side is complete, how long the job queue may take to empty. */
const DRAIN_WITHIN_MS = 10_000;
/** Octokit's slowest per-installation limiter spaces notifying writes 3 s apart; a little more makes the installation idle. */
const INSTALLATION_IDLE_MS = 3_200;
/** graphile-worker's pollInterval (src/actions/worker.ts): sweeps are sent spread over one cycle, as flag-path's flags are. */
const WORKER_POLL_MS = 1_000;

const backends = [
  { name: "embedded PGlite", serverUrl: null as string | null },
  ...(process.env.TEST_DATABASE_URL ? [{ name: "PostgreSQL", serverUrl: process.env.TEST_DATABASE_URL }] : []),
];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function idleInstallation(stand: GitHubStandIn, installationId: number): Promise<void> {
  const last = Math.max(...stand.requests.filter((r) => r.installationId === installationId).map((r) => r.receivedAt));
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

async function openCase(app: AppServer, stand: GitHubStandIn, account: RaidAccount): Promise<number> {
  const { world } = stand;
  const delivery = await app.deliver("issue_comment", flagWebhook(account));
  if (delivery.status !== 200) throw new Error(`the flag's webhook answered ${delivery.status}`);
  await stand.until(() => world.issuesIn(account.cases).length > 0 && world.isMinimized(account.flagged.nodeId), COMPLETE_WITHIN_MS, "a case issue");
  await app.idle(DRAIN_WITHIN_MS);
  return world.issuesIn(account.cases)[0]!.number;
}

async function sweep(app: AppServer, stand: GitHubStandIn, account: RaidAccount, caseNumber: number, raid: string[], commentId: number): Promise<SweepSample> {
  const { world } = stand;
  const from = stand.requests.length;
  const delivery = await app.deliver("issue_comment", caseCommentWebhook(account, caseNumber, `/coc sweep @${RAIDER}`, commentId));
  let problem: string | null = delivery.status === 200 ? null : `webhook answered ${delivery.status}`;
  const reportRequest = () =>
    stand.requests.slice(from).find((r) => r.route === "/repos/{owner}/{repo}/issues/{issue_number}/comments" && r.method === "POST" && r.rawBody.includes("**Sweep of"));
  try {
    await stand.until(() => raid.every((id) => world.isMinimized(id)) && reportRequest()?.answeredAt != null, COMPLETE_WITHIN_MS, "the raid hidden and the case's report");
    await app.idle(DRAIN_WITHIN_MS);
  } catch (error) {
    problem = (error as Error).message;
  }
  const requests = stand.requests.slice(from);
  const hides = raid.flatMap((id) => {
    const seq = world.minimized.get(id)?.bySeq;
    return seq ? [stand.requests[seq - 1]!] : [];
  });
  const firstOf = (pick: (r: (typeof requests)[number]) => boolean) => requests.find(pick)?.receivedAt ?? null;
  return {
    account: account.owner,
    sentAt: delivery.sentAt,
    webhookAnsweredAt: delivery.answeredAt,
    webhookStatus: delivery.status,
    firstSearchAt: firstOf((r) => r.operationName === "SweepFind"),
    firstHideAt: firstOf((r) => r.operationType === "mutation" && r.rootFields.includes("minimizeComment")),
    allHiddenAt: hides.length === raid.length ? Math.max(...hides.map((r) => r.answeredAt ?? Number.POSITIVE_INFINITY)) : null,
    reportAt: reportRequest()?.receivedAt ?? null,
    hiddenCount: hides.length,
    requests,
    problem,
  };
}

/** The flag path's way to hide, one paced minimizeComment per item, fired at once on a fresh installation. */
async function hideOneByOne(stand: GitHubStandIn, installationId: number): Promise<OneByOne> {
  const account = seedRaidAccount(stand.world, `one-by-one-${installationId}`, installationId);
  const raid = seedRaid(stand.world, account.widgets).slice(0, SINGLE_HIDES);
  // As production builds it: Probot's default Octokit, throttling and retries on.
  const probot = new Probot({ appId: APP_ID, privateKey: TEST_PRIVATE_KEY, baseUrl: stand.baseUrl, log: pino({ level: "warn" }, { write() {} }) as never });
  const github = await new ProbotGitHubGateway(probot).forRepository({ owner: account.owner, repo: "widgets" });
  // The installation token is fetched before the clock starts: the sweep's installation had one cached too.
  await github.fetchMinimized(raid[0]!);
  await idleInstallation(stand, installationId);
  const startedAt = performance.now();
  const answeredAt: number[] = [];
  await Promise.all(raid.map((id) => github.ensureHidden(id, "ABUSE").then(() => answeredAt.push(performance.now()))));
  if (!raid.every((id) => stand.world.isMinimized(id))) throw new Error("the single hides did not all take effect");
  return { measured: raid.length, startedAt, answeredAt: answeredAt.sort((a, b) => a - b), target: RAID_SIZE };
}

async function measure(backend: (typeof backends)[number], index: number): Promise<SweepReport> {
  const database = await createTestDatabase({ serverUrl: backend.serverUrl });
  const stand = await startGitHubStandIn({ app: { id: APP_ID, privateKey: TEST_PRIVATE_KEY } });
  const appWarnings: string[] = [];
  let app: AppServer | undefined;
  const samples: SweepSample[] = [];
  let oneByOne: OneByOne | null = null;
  try {
    app = await startAppServer({ database, baseUrl: stand.baseUrl, pacing: "production", log: capturingLog(appWarnings) as never });
    // Octokit's limiters are shared by the whole process and keyed by installation id: ids never repeat across backends.
    const installation = (n: number) => 200_000 * (index + 1) + n;
    for (let k = 0; k < TRIALS; k++) {
      const account = seedRaidAccount(stand.world, `raided-${k + 1}`, installation(k + 1));
      const caseNumber = await openCase(app, stand, account);
      const raid = seedRaid(stand.world, account.widgets);
      await idleInstallation(stand, account.installationId);
      await pause(((k + 0.5) / TRIALS) * WORKER_POLL_MS);
      const sample = await sweep(app, stand, account, caseNumber, raid, 90_000 + k);
      samples.push(sample);
      // A sweep that never completes will not on the next installation either: say so now rather than wait again.
      if (sample.problem) break;
    }
    oneByOne = await hideOneByOne(stand, installation(99));
  } finally {
    await app?.stop();
    await stand.close();
    await database.close();
  }
  return {
    backend: backend.name,
    trials: TRIALS,
    raidSize: RAID_SIZE,
    samples,
    oneByOne,
    unexpected: stand.unexpected(),
    unmodelled: [...new Set(stand.requests.flatMap((r) => r.unmodelled))],
    contractProblems: await stand.contractProblems(),
    appWarnings,
  };
}

describe("sweep", () => {
  backends.forEach((backend, index) => {
    it(`on ${backend.name}`, { timeout: 300_000 }, async () => {
      const report = await measure(backend, index);
      console.log(formatSweepReport(report));
      expect(report.samples.filter((s) => s.problem !== null || s.allHiddenAt === null).map((s) => `${s.account}: ${s.problem}`)).toEqual([]);
    });
  });
});
