/**
 * The text of a case file in the private cases repository: the case issue
 * (summary and first report) and one comment per later report. Everything a
 * user wrote is quoted inertly, so nothing in a case file notifies, mentions or
 * cross-links anyone.
 */
import type { Protection } from "../actions/planned-action.js";
import type { CaseView } from "../store/cases.js";
import { fencedEvidence, inlineSafe, quietLogin, quietUrl } from "./safe-markdown.js";

const MAX_EDITS_SHOWN = 10;

type ReportView = CaseView["reports"][number];

/** Hidden marker that lets the app find its own case issue again after a crash. */
export function caseMarker(code: string): string {
  return `<!-- coc-case:${code} -->`;
}

/** Hidden marker on a report comment, so a retried post is not posted twice. */
export function reportMarker(reportId: string): string {
  return `<!-- coc-report:${reportId} -->`;
}

export function caseIssueTitle(view: CaseView): string {
  const evidence = view.reports[0]?.evidence;
  const what = evidence ? describeKind(evidence.contentKind) : "content";
  return `${view.code}: flagged ${what}`;
}

const PROTECTION_TEXT: Record<Protection, string> = {
  hidden: "Hidden on GitHub (marked as abuse).",
  "already-hidden": "Already hidden on GitHub when flagged.",
  "not-hideable":
    "Not hidden: GitHub cannot hide an issue or pull request body. The committee decides whether to lock, edit or close it.",
  "hiding-disabled": "Not hidden: hiding on flag is turned off in this repository's configuration (`flag.hide`).",
};

export function caseIssueBody(view: CaseView, protection: Protection): string {
  const first = view.reports[0];
  return [
    caseMarker(view.code),
    `## Case ${view.code}`,
    "",
    "| | |",
    "|---|---|",
    `| State | new: awaiting acknowledgement by the committee |`,
    `| Subject | ${quietLogin(view.subjectLogin)} |`,
    `| Content | ${first?.evidence ? quietUrl(first.evidence.url) : "unknown"} |`,
    `| Protection | ${PROTECTION_TEXT[protection]} |`,
    `| Opened | ${view.createdAt.toISOString()} |`,
    "",
    "This case file is private to the committee. The reporter's identity is confidential: do not share it outside this repository.",
    "",
    first ? reportSection(first, 1, null) : "",
  ].join("\n");
}

export function reportComment(view: CaseView, reportId: string, protection: Protection): string {
  const index = view.reports.findIndex((r) => r.id === reportId);
  const report = view.reports[index];
  if (!report) throw new Error(`report ${reportId} is not part of case ${view.code}`);
  return [caseMarker(view.code), reportMarker(report.id), reportSection(report, index + 1, protection)].join("\n");
}

function reportSection(report: ReportView, number: number, protection: Protection | null): string {
  const lines = [
    `### Report ${number}`,
    "",
    `- Reporter: ${quietLogin(report.reporterLogin)}`,
    `- Reason: ${report.reason.trim() ? inlineSafe(report.reason) : "none given"}`,
    `- Flagged at: ${report.createdAt.toISOString()}`,
  ];
  if (protection) lines.push(`- Protection: ${PROTECTION_TEXT[protection]}`);
  const evidence = report.evidence;
  if (evidence) lines.push("", ...evidenceSection(evidence));
  return lines.join("\n");
}

function evidenceSection(evidence: NonNullable<ReportView["evidence"]>): string[] {
  const lines = [
    `#### Evidence: ${describeKind(evidence.contentKind)} by ${quietLogin(evidence.authorLogin)}`,
    "",
    `- Link: ${quietUrl(evidence.url)}`,
    ...(evidence.title !== null ? [`- Title: ${inlineSafe(evidence.title)}`] : []),
    `- Written: ${evidence.contentCreatedAt.toISOString()}`,
    `- Last edited: ${evidence.contentEditedAt ? evidence.contentEditedAt.toISOString() : "never"}`,
    `- Captured: ${evidence.capturedAt.toISOString()}`,
    "",
    fencedEvidence(evidence.body, { maxChars: 30_000 }),
  ];
  const edits = Array.isArray(evidence.editHistory) ? (evidence.editHistory as Array<Record<string, unknown>>) : [];
  if (edits.length > 0) {
    lines.push("", `<details><summary>Edit history (${edits.length} ${edits.length === 1 ? "version" : "versions"})</summary>`, "");
    // GitHub caps an issue body at 65,536 characters: show the latest versions, keep all in the database.
    for (const edit of edits.slice(0, MAX_EDITS_SHOWN)) {
      const editor = typeof edit.editor === "string" ? quietLogin(edit.editor) : "unknown";
      lines.push(`- ${String(edit.editedAt)} by ${editor}`, "", fencedEvidence(String(edit.diff ?? ""), { maxChars: 2_000 }), "");
    }
    if (edits.length > MAX_EDITS_SHOWN) lines.push(`${edits.length - MAX_EDITS_SHOWN} older versions are kept in the app's database.`, "");
    lines.push("</details>");
  }
  return lines;
}

function describeKind(kind: string): string {
  switch (kind) {
    case "issue":
      return "issue or pull request body";
    case "issue_comment":
      return "comment";
    case "review_comment":
      return "review comment";
    case "review":
      return "review";
    default:
      return "content";
  }
}
