/**
 * The text of a case file in the private cases repository: the case issue
 * (summary and first report) and one comment per later report, each continued
 * in follow-up comments when it would not fit in one GitHub body. Everything a
 * user wrote is quoted inertly, so nothing in a case file notifies, mentions or
 * cross-links anyone.
 *
 * Every body starts with a hidden marker. The app recognises its own case
 * files by that marker at the very start of a body it wrote itself: quoted
 * evidence can contain marker text, but never at position 0 of the app's body.
 */
import type { Protection } from "../actions/planned-action.js";
import type { CaseView } from "../store/cases.js";
import { STATUS_BLOCK_ROOM, statusBlock, type StatusFacts } from "./case-status-block.js";
import { packMessages, type Block } from "./message-packer.js";
import { privateReportBlocks } from "./private-report-file.js";
import { fencedEvidence, inlineSafe, quietLogin, quietUrl } from "./safe-markdown.js";

const MAX_EDITS_SHOWN = 10;
const MAX_EDIT_CHARS = 2_000;

type ReportView = CaseView["reports"][number];

/** First line of a case issue. */
export function caseMarker(code: string): string {
  return `<!-- coc-case:${code} -->`;
}

/** First line of the comment that adds a report to a case. */
export function reportMarker(code: string, reportId: string): string {
  return `<!-- coc-case:${code} report:${reportId} -->`;
}

/** First line of the `part`-th follow-up (1, 2, …) of a report that did not fit in one body. */
export function partMarker(code: string, reportId: string, part: number): string {
  return `<!-- coc-case:${code} report:${reportId} part:${part} -->`;
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

/**
 * The case issue body, then the follow-up comments its first report needs. `history` is the subject's
 * history (see `subject-history.ts`), shown between the summary and the first report.
 */
export function caseIssueParts(view: CaseView, protection: Protection, history: string | null = null): string[] {
  const first = view.reports[0];
  const summary: Block = {
    kind: "text",
    text: [
      `## Case ${view.code}`,
      "",
      "| | |",
      "|---|---|",
      `| Subject | ${quietLogin(view.subjectLogin)} |`,
      `| Content | ${first?.evidence ? quietUrl(first.evidence.url) : "unknown"} |`,
      `| Protection | ${PROTECTION_TEXT[protection]} |`,
      `| Opened | ${view.createdAt.toISOString()} |`,
      "",
      "This case file is private to the committee. The reporter's identity is confidential: do not share it outside this repository.",
      "",
    ].join("\n"),
  };
  const blocks: Block[] = [summary, ...(history ? [{ kind: "text" as const, text: history }] : []), ...(first ? reportBlocks(first, 1, null) : [])];
  return packMessages(blocks, {
    head: (index) => (index === 0 ? `${caseMarker(view.code)}\n${statusBlock(statusFactsOf(view))}` : continuationHead(view.code, first?.id ?? "none", index, 1)),
    firstReserve: STATUS_BLOCK_ROOM,
  });
}

/** Where a case stands, for its status block; a case file is written while the case is new, with no proposal yet. */
function statusFactsOf(view: CaseView): StatusFacts {
  return { ...view, proposal: null };
}

/** The comment that adds report `reportId` to its case, then its follow-ups. */
export function reportParts(view: CaseView, reportId: string, protection: Protection): string[] {
  const index = view.reports.findIndex((r) => r.id === reportId);
  const report = view.reports[index];
  if (!report) throw new Error(`report ${reportId} is not part of case ${view.code}`);
  return packMessages(reportBlocks(report, index + 1, protection), {
    head: (part) => (part === 0 ? reportMarker(view.code, report.id) : continuationHead(view.code, report.id, part, index + 1)),
  });
}

function continuationHead(code: string, reportId: string, part: number, reportNumber: number): string {
  return [partMarker(code, reportId, part), `### Report ${reportNumber}, continued (${part + 1})`, ""].join("\n");
}

function reportBlocks(report: ReportView, number: number, protection: Protection | null): Block[] {
  const fromForm = report.privateReport;
  const lines = [
    `### Report ${number}`,
    "",
    `- Reporter: ${quietLogin(report.reporterLogin)}`,
    // A private report's reasons are its own fields, below.
    ...(fromForm ? [] : [`- Reason: ${report.reason.trim() ? inlineSafe(report.reason) : "none given"}`]),
    `- ${fromForm ? "Reported" : "Flagged"} at: ${report.createdAt.toISOString()}`,
  ];
  if (protection) lines.push(`- Protection: ${PROTECTION_TEXT[protection]}`);
  const blocks: Block[] = [{ kind: "text", text: lines.join("\n") }];
  if (fromForm) blocks.push(...privateReportBlocks(fromForm));
  const evidence = report.evidence;
  if (evidence) blocks.push(...evidenceBlocks(evidence));
  return blocks;
}

function evidenceBlocks(evidence: NonNullable<ReportView["evidence"]>): Block[] {
  const header = [
    "",
    `#### Evidence: ${describeKind(evidence.contentKind)} by ${quietLogin(evidence.authorLogin)}`,
    "",
    `- Link: ${quietUrl(evidence.url)}`,
    ...(evidence.title !== null ? [`- Title: ${inlineSafe(evidence.title)}`] : []),
    `- Written: ${evidence.contentCreatedAt.toISOString()}`,
    `- Last edited: ${evidence.contentEditedAt ? evidence.contentEditedAt.toISOString() : "never"}`,
    `- Captured: ${evidence.capturedAt.toISOString()}`,
    "",
  ].join("\n");
  const blocks: Block[] = [{ kind: "text", text: header }, { kind: "evidence", text: evidence.body }];
  const edits = Array.isArray(evidence.editHistory) ? (evidence.editHistory as Array<Record<string, unknown>>) : [];
  if (edits.length === 0) return blocks;
  blocks.push({ kind: "text", text: `\n#### Edit history (${edits.length} ${edits.length === 1 ? "version" : "versions"})\n` });
  // Each earlier version is folded away on its own and kept whole (it is capped), so a case file
  // that must be split never cuts one, or its <details>, in two.
  for (const edit of edits.slice(0, MAX_EDITS_SHOWN)) {
    const editor = typeof edit.editor === "string" ? quietLogin(edit.editor) : "unknown";
    const quoted = fencedEvidence(String(edit.diff ?? ""), { maxChars: MAX_EDIT_CHARS });
    blocks.push({ kind: "text", text: `<details><summary>${String(edit.editedAt)} by ${editor}</summary>\n\n${quoted}\n\n</details>\n` });
  }
  if (edits.length > MAX_EDITS_SHOWN) {
    blocks.push({ kind: "text", text: `${edits.length - MAX_EDITS_SHOWN} older versions are kept in the app's database.` });
  }
  return blocks;
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
