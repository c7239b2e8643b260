/**
 * Decides what a `/coc flag` (or a private report from the report form) does on
 * GitHub, as data: protect first (hide the content when it can be hidden and
 * hiding is on), then remove the command, when there is one, then write the case
 * file (a new case issue, or a new report on the open case).
 */
import type { PlannedAction, Protection } from "../actions/planned-action.js";
import type { CommandLocation, ContentSnapshot } from "../domain/content.js";
import type { RepoRef } from "../domain/repository.js";

export interface FlagPlanInput {
  caseId: string;
  reportId: string;
  isNewCase: boolean;
  snapshot: ContentSnapshot;
  hideOnFlag: boolean;
  /** The `/coc flag` comment to remove; null for a report from the report form, which left nothing on GitHub. */
  command: { location: CommandLocation; remainingBody: string | null } | null;
  /** Set when the cases repository cannot receive the case yet; the reporter is told, without details. */
  casesRepoProblemReply: { repo: RepoRef; issueNumber: number; body: string } | null;
}

export function protectionFor(snapshot: ContentSnapshot, hideOnFlag: boolean): Protection {
  if (!snapshot.hideable) return "not-hideable";
  if (snapshot.isMinimized) return "already-hidden";
  return hideOnFlag ? "hidden" : "hiding-disabled";
}

export function planFlagActions(input: FlagPlanInput): PlannedAction[] {
  const protection = protectionFor(input.snapshot, input.hideOnFlag);
  const actions: PlannedAction[] = [];
  if (protection === "hidden") {
    actions.push({
      kind: "hide-content",
      repo: { owner: input.snapshot.ref.owner, repo: input.snapshot.ref.repo },
      nodeId: input.snapshot.nodeId,
      classifier: "ABUSE",
    });
  }
  if (input.command) actions.push({ kind: "remove-command", location: input.command.location, remainingBody: input.command.remainingBody });
  actions.push(
    input.isNewCase
      ? { kind: "open-case-issue", caseId: input.caseId, protection }
      : { kind: "post-report-to-case", caseId: input.caseId, reportId: input.reportId, protection },
  );
  if (input.casesRepoProblemReply) actions.push({ kind: "reply", ...input.casesRepoProblemReply });
  return actions;
}

/** Identifies flagged content across reports, so a second flag joins the open case. */
export function contentKey(webHost: string, snapshot: ContentSnapshot): string {
  const ref = snapshot.ref;
  const base = `${webHost}/${ref.owner}/${ref.repo}`.toLowerCase();
  switch (ref.kind) {
    case "issue":
      return `${base}#${ref.number}`;
    case "issue_comment":
      return `${base}:issuecomment-${ref.commentId}`;
    case "review_comment":
      return `${base}:discussion_r${ref.commentId}`;
    case "review":
      return `${base}:pullrequestreview-${ref.reviewId}`;
  }
}

/**
 * The repository of a case's content, read back from its content key: the account whose strike
 * ledger and repositories the case's sanctions apply to. Lower-cased, as the key is.
 */
export function contentKeyRepo(key: string): { owner: string; repo: string } {
  const [, owner, rest] = key.split("/");
  const repo = rest?.split(/[#:]/)[0];
  if (!owner || !repo) throw new Error(`content key ${key} names no repository`);
  return { owner, repo };
}
