/**
 * Turns the sweep benchmark's samples into what it prints: how long from the
 * `/coc sweep` webhook's delivery until GitHub had hidden all 100 items and
 * the case had its report (p50, max), which GitHub requests one sweep costs,
 * and, for comparison, how long the same 100 would take hidden one paced
 * `minimizeComment` request each.
 */
import type { RecordedRequest } from "../support/github-stand-in.js";
import { describeRequest, percentile } from "./flag-path-report.js";

export interface SweepSample {
  account: string;
  /** All times are performance.now() on one clock: the bench and the stand-in share the process. */
  sentAt: number;
  webhookAnsweredAt: number;
  webhookStatus: number;
  /** When the stand-in received the first search request. */
  firstSearchAt: number | null;
  /** When the stand-in received the first batched hide. */
  firstHideAt: number | null;
  /** When the stand-in had answered the request that hid the last of the raid's items. */
  allHiddenAt: number | null;
  /** When the stand-in received the case's sweep report. */
  reportAt: number | null;
  hiddenCount: number;
  /** Every request GitHub got between this delivery and the sweep settling. */
  requests: RecordedRequest[];
  problem: string | null;
}

export interface OneByOne {
  /** How many single hides were measured, fired at once. */
  measured: number;
  /** performance.now() when they were fired, and when each was answered, in order. */
  startedAt: number;
  answeredAt: number[];
  /** What the bench reports for 100: measured when `measured` is 100, else extrapolated. */
  target: number;
}

export interface SweepReport {
  backend: string;
  trials: number;
  raidSize: number;
  samples: SweepSample[];
  oneByOne: OneByOne | null;
  unexpected: RecordedRequest[];
  unmodelled: string[];
  contractProblems: string[];
  appWarnings: string[];
}

const ms = (value: number) => `${Math.round(value)} ms`;

/** As flag-path prints a request, with a batch's repeated mutation counted instead of listed: `SweepHide (minimizeComment ×50)`. */
function describe(r: RecordedRequest): string {
  const [field, ...others] = r.rootFields;
  if (r.route === "/graphql" && field && others.length > 0 && others.every((f) => f === field)) {
    return `POST /graphql ${r.operationType ?? "?"} ${r.operationName ?? "(anonymous)"} (${field} ×${r.rootFields.length})`;
  }
  return describeRequest(r);
}

/** One letter per request, in order of arrival: S search, H batched hide, W write, R read, G other GraphQL, T token. */
function shape(requests: RecordedRequest[]): string {
  return requests
    .map((r) => (r.operationName === "SweepFind" ? "S" : r.operationType === "mutation" ? "H" : r.kind === "graphql" ? "G" : r.kind === "write" ? "W" : r.kind === "token" ? "T" : "R"))
    .join("");
}

function timingRow(name: string, values: Array<number | null>): string {
  const seen = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const missing = values.length - seen.length;
  const cells = seen.length === 0 ? ["-", "-"] : [percentile(seen, 0.5), seen[seen.length - 1]!].map(ms);
  return `  ${name.padEnd(44)}${String(seen.length).padStart(3)}${cells.map((c) => c.padStart(10)).join("")}${missing > 0 ? `   (${missing} never)` : ""}`;
}

function kindCounts(requests: RecordedRequest[]): string {
  const counts = { read: 0, write: 0, graphql: 0, token: 0 };
  for (const r of requests) counts[r.kind] += 1;
  const mutations = requests.filter((r) => r.operationType === "mutation").length;
  return `${requests.length} (read ${counts.read}, write ${counts.write}, GraphQL ${counts.graphql} of which ${mutations} mutation${mutations === 1 ? "" : "s"}, token ${counts.token})`;
}

/** For 100 one-by-one hides: the first answer, then one per measured interval between answers. */
export function oneByOneEstimate(run: OneByOne): { first: number; interval: number; total: number; measuredTotal: number } {
  const offsets = run.answeredAt.map((t) => t - run.startedAt);
  const first = offsets[0]!;
  const measuredTotal = offsets.at(-1)!;
  const interval = offsets.length > 1 ? (measuredTotal - first) / (offsets.length - 1) : 0;
  const total = run.measured >= run.target ? measuredTotal : first + interval * (run.target - 1);
  return { first, interval, total, measuredTotal };
}

export function formatSweepReport(report: SweepReport): string {
  const done = report.samples;
  const at = (pick: (s: SweepSample) => number | null) => done.map((s) => {
    const t = pick(s);
    return t === null ? null : t - s.sentAt;
  });
  const lines = [
    "",
    `sweep on ${report.backend}: ${done.length} of ${report.trials} trials; each a case on its own installation (Octokit's limiters idle, its token cached by the flag before), then a committee member's`,
    `\`/coc sweep @troll-tom\` over ${report.raidSize} items by the raider in 10 threads (80 issue comments, 10 on a pull request, a review and 9 of its line comments);`,
    "the app as `npm start` runs it (Probot's server, its default Octokit with throttling and retries on, the job worker), the GitHub stand-in over HTTP on 127.0.0.1",
    `  ${"from the /coc sweep webhook's delivery to".padEnd(44)}${"n".padStart(3)}${"p50".padStart(10)}${"max".padStart(10)}`,
    timingRow("webhook answered", at((s) => s.webhookAnsweredAt)),
    timingRow("first search request received", at((s) => s.firstSearchAt)),
    timingRow("first batched hide received", at((s) => s.firstHideAt)),
    timingRow(`all ${report.raidSize} hidden (last hide answered)`, at((s) => s.allHiddenAt)),
    timingRow("the case's sweep report received", at((s) => s.reportAt)),
    timingRow("first hide received → all hidden", done.map((s) => (s.firstHideAt === null || s.allHiddenAt === null ? null : s.allHiddenAt - s.firstHideAt))),
  ];
  const spans = done.flatMap((s) => (s.firstHideAt !== null && s.allHiddenAt !== null ? [s.allHiddenAt - s.firstHideAt] : [])).sort((a, b) => a - b);
  const totals = done.flatMap((s) => (s.allHiddenAt !== null ? [s.allHiddenAt - s.sentAt] : [])).sort((a, b) => a - b);
  const first = done[0];
  if (first) {
    lines.push(
      "",
      `GitHub requests per sweep: ${kindCounts(first.requests)} in the first trial` +
        (done.every((s) => s.requests.map(describe).sort().join() === first.requests.map(describe).sort().join()) ? `, the same in all ${done.length}` : ", others differ") +
        "; in order of arrival:",
      `  ${"+ms".padStart(7)}  ${"kind".padEnd(8)}request`,
      ...first.requests.map((r) => `  ${String(Math.round(r.receivedAt - first.sentAt)).padStart(7)}  ${r.kind.padEnd(8)}${describe(r)}${r.status !== null && r.status >= 400 ? `  → ${r.status}` : ""}`),
      "each trial (requests: R read, S search, H batched hide, W write):",
      ...done.map(
        (s, k) =>
          `  ${String(k + 1).padStart(2)}. ${s.account.padEnd(12)} all hidden ${s.allHiddenAt === null ? "never" : ms(s.allHiddenAt - s.sentAt)}, report ${s.reportAt === null ? "never" : ms(s.reportAt - s.sentAt)}; ${shape(s.requests)}`,
      ),
    );
  }
  if (report.oneByOne) {
    const run = report.oneByOne;
    const estimate = oneByOneEstimate(run);
    const how =
      run.measured >= run.target
        ? `measured directly: ${run.measured} fired at once`
        : `measured with ${run.measured} fired at once and extrapolated to ${run.target} as first answer + ${run.target - 1} × the mean interval between answers`;
    lines.push(
      "",
      `for comparison, ${run.target} items hidden one paced minimizeComment request each (the flag path's ensureHidden, over Probot's default Octokit on a fresh installation):`,
      `  ${how}`,
      `  first answered after ${ms(estimate.first)}, one more every ${ms(estimate.interval)}; ${run.measured} took ${ms(estimate.measuredTotal)}; ${run.target} ${run.measured >= run.target ? "took" : "would take"} ≈ ${(estimate.total / 1000).toFixed(1)} s`,
      `  against the sweep's batched requests: first hide received → all ${report.raidSize} hidden p50 ${spans.length ? ms(percentile(spans, 0.5)) : "-"}, and webhook → all hidden p50 ${
        totals.length ? ms(percentile(totals, 0.5)) : "-"
      }`,
    );
  }
  const list = (items: string[]) => (items.length === 0 ? "none" : `\n${items.map((i) => `    ${i}`).join("\n")}`);
  lines.push(
    "",
    `  unexpected requests (answered 404): ${list(report.unexpected.map((r) => `#${r.seq} ${r.method} ${r.path}${r.query}`))}`,
    `  GraphQL fields the stand-in does not model: ${list(report.unmodelled)}`,
    `  requests GitHub's published descriptions would reject: ${list(report.contractProblems)}`,
    `  sweeps that did not complete: ${list(report.samples.filter((s) => s.problem).map((s) => `${s.account}: ${s.problem}`))}`,
    `  app warnings and errors: ${list(report.appWarnings)}`,
  );
  return lines.join("\n");
}
