/**
 * The three writes of a case file in the cases repository: the case issue, a
 * report comment per later report, and the follow-up parts of a file too long
 * for one body. They share one queue per case, so the issue comes before its
 * reports and parts come in order.
 */
import type { ActionKindSpec } from "../action-kind.js";
import { openCaseIssue, postCasePart, postReportToCase } from "../case-file-actions.js";

const caseQueue = (action: { caseId: string }, caseId: string | null) => `case:${caseId ?? action.caseId}`;

export const openCaseIssueKind: ActionKindSpec<"open-case-issue"> = {
  kind: "open-case-issue",
  priority: 20,
  maxAttempts: 100,
  queue: caseQueue,
  perform: openCaseIssue,
};

export const postCasePartKind: ActionKindSpec<"post-case-part"> = {
  kind: "post-case-part",
  priority: 25,
  maxAttempts: 100,
  queue: caseQueue,
  perform: postCasePart,
};

export const postReportToCaseKind: ActionKindSpec<"post-report-to-case"> = {
  kind: "post-report-to-case",
  priority: 30,
  maxAttempts: 100,
  queue: caseQueue,
  perform: postReportToCase,
};
