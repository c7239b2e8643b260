/**
 * Turns the flag-path benchmark's samples into the table it prints: how long
 * from a webhook's delivery until GitHub received the hide and the case
 * issue (p50, p99, max), and which GitHub requests one flag costs, by kind,
 * in the order they arrived.
 */
import type { RecordedRequest } from "../support/github-stand-in.js";

export interface FlagSample {
  label: "first" | "cold" | "warm";
  account: string;
  /** All times are performance.now() on one clock: the bench and the stand-in share the process. */
  sentAt: number;
  webhookAnsweredAt: number;
  webhookStatus: number;
  hiddenAt: number | null;
  caseIssueAt: number | null;
  /** Every request GitHub got between this delivery and the flag settling. */
  requests: RecordedRequest[];
  problem: string | null;
}

/** Nearest-rank percentile: with few samples p99 is the maximum, and says so by being equal to it. */
export function percentile(sorted: number[], q: number): number {
  return sorted[Math.max(Math.ceil(q * sorted.length) - 1, 0)]!;
}

const ms = (value: number) => `${Math.round(value)} ms`;

function timingRow(name: string, values: Array<number | null>): string {
  const seen = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const missing = values.length - seen.length;
  const cells = seen.length === 0 ? ["-", "-", "-"] : [percentile(seen, 0.5), percentile(seen, 0.99), seen[seen.length - 1]!].map(ms);
  return `  ${name.padEnd(30)}${String(seen.length).padStart(3)}${cells.map((c) => c.padStart(10)).join("")}${missing > 0 ? `   (${missing} never arrived)` : ""}`;
}

export function describeRequest(r: RecordedRequest): string {
  if (r.route === "/graphql") return `POST /graphql ${r.operationType ?? "?"} ${r.operationName ?? "(anonymous)"} (${r.rootFields.join(", ")})`;
  return `${r.method} ${r.route ?? `${r.path} (unknown to the stand-in)`}`;
}

function kindCounts(requests: RecordedRequest[]): Record<RecordedRequest["kind"], number> {
  const counts = { read: 0, write: 0, graphql: 0, token: 0 };
  for (const r of requests) counts[r.kind] += 1;
  return counts;
}

function requestSection(title: string, samples: FlagSample[]): string[] {
  if (samples.length === 0) return [];
  // Jobs run side by side, so the same requests may interleave differently: compare which requests, not their order.
  const signatures = samples.map((s) => s.requests.map(describeRequest).sort().join("\n"));
  const alike = signatures.filter((s) => s === signatures[0]).length;
  const mean = (pick: (s: FlagSample) => number) => samples.reduce((sum, s) => sum + pick(s), 0) / samples.length;
  const round = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
  const kinds = (["read", "write", "graphql", "token"] as const).map((k) => `${k === "graphql" ? "GraphQL" : k} ${round(mean((s) => kindCounts(s.requests)[k]))}`);
  const first = samples[0]!;
  return [
    `GitHub requests per ${title} flag: ${round(mean((s) => s.requests.length))} (${kinds.join(", ")}); ` +
      (alike === samples.length
        ? `the same requests for all ${samples.length}; the first flag's, in order of arrival:`
        : `${alike} of ${samples.length} flags made these requests; the first flag's, in order of arrival:`),
    `  ${"+ms".padStart(7)}  ${"kind".padEnd(8)}request`,
    ...first.requests.map((r) => `  ${String(Math.round(r.receivedAt - first.sentAt)).padStart(7)}  ${r.kind.padEnd(8)}${describeRequest(r)}${r.status !== null && r.status >= 400 ? `  → ${r.status}` : ""}`),
  ];
}

export interface FlagPathReport {
  backend: string;
  samples: FlagSample[];
  unexpected: RecordedRequest[];
  unmodelled: string[];
  contractProblems: string[];
  appWarnings: string[];
}

export function formatReport(report: FlagPathReport): string {
  const of = (label: FlagSample["label"]) => report.samples.filter((s) => s.label === label);
  const cold = of("cold");
  const warm = of("warm");
  const first = of("first")[0];
  const lines = [
    "",
    `flag path on ${report.backend}: ${cold.length} cold flags (each on an installation that made no request before) and ${warm.length} warm flags (a second flag on the same installation, repository and subject)`,
    `  ${"from the webhook's delivery to".padEnd(30)}${"n".padStart(3)}${"p50".padStart(10)}${"p99".padStart(10)}${"max".padStart(10)}`,
    ...[
      ["cold", cold],
      ["warm", warm],
    ].flatMap(([name, samples]) => {
      const list = samples as FlagSample[];
      return [
        timingRow(`${name}: webhook answered`, list.map((s) => s.webhookAnsweredAt - s.sentAt)),
        timingRow(`${name}: minimizeComment`, list.map((s) => (s.hiddenAt === null ? null : s.hiddenAt - s.sentAt))),
        timingRow(`${name}: case issue created`, list.map((s) => (s.caseIssueAt === null ? null : s.caseIssueAt - s.sentAt))),
      ];
    }),
  ];
  if (first) {
    const at = (t: number | null) => (t === null ? "never" : ms(t - first.sentAt));
    lines.push(`  first flag after start-up (not counted above): minimizeComment ${at(first.hiddenAt)}, case issue ${at(first.caseIssueAt)}`);
  }
  lines.push("", ...requestSection("cold", cold), "", ...requestSection("warm", warm), "");
  const list = (items: string[]) => (items.length === 0 ? "none" : `\n${items.map((i) => `    ${i}`).join("\n")}`);
  lines.push(`  unexpected requests (answered 404): ${list(report.unexpected.map((r) => `#${r.seq} ${r.method} ${r.path}${r.query}`))}`);
  lines.push(`  GraphQL fields the stand-in does not model: ${list(report.unmodelled)}`);
  lines.push(`  requests GitHub's published descriptions would reject: ${list(report.contractProblems)}`);
  lines.push(`  flags that did not complete: ${list(report.samples.filter((s) => s.problem).map((s) => `${s.label} ${s.account}: ${s.problem}`))}`);
  lines.push(`  app warnings and errors: ${list(report.appWarnings)}`);
  return lines.join("\n");
}
