/**
 * Every kind of action by name. The mapped type makes a new kind in
 * `PlannedAction` fail to compile until it is registered here. Kind modules
 * are imported only from this file (the store reads scheduling from it, and
 * the kinds use the store; one entry point keeps that cycle safe to load).
 */
import type { ActionKindSpec, ActionOf } from "./action-kind.js";
import { openCaseIssueKind, postCasePartKind, postReportToCaseKind } from "./kinds/case-file.js";
import { hideContent } from "./kinds/hide-content.js";
import { notify } from "./kinds/notify.js";
import { removeCommand } from "./kinds/remove-command.js";
import { reply } from "./kinds/reply.js";
import { syncCaseState } from "./kinds/sync-case-state.js";
import { closeCaseIssue } from "./kinds/close-case-issue.js";
import { deliverNotice } from "./kinds/deliver-notice.js";
import { caseComment } from "./kinds/case-comment.js";
import { publicNotice } from "./kinds/public-notice.js";
import { revertEmergency } from "./kinds/revert-emergency.js";
import { removeInteractionLimit, setInteractionLimit } from "./kinds/interaction-limits.js";
import { enforceBan, liftBanKind } from "./kinds/bans.js";
import { syncBanRegister } from "./kinds/sync-ban-register.js";
import { sweep } from "./kinds/sweep.js";
import { closeThread, lockThread, reopenThread, replaceBody, unhideContent, unlockThread } from "./kinds/content-moderation.js";
import type { ActionKind, PlannedAction } from "./planned-action.js";

const KINDS: { [K in ActionKind]: ActionKindSpec<K> } = {
  "hide-content": hideContent,
  "remove-command": removeCommand,
  "open-case-issue": openCaseIssueKind,
  "post-case-part": postCasePartKind,
  "post-report-to-case": postReportToCaseKind,
  reply,
  notify,
  "sync-case-state": syncCaseState,
  "close-case-issue": closeCaseIssue,
  "unhide-content": unhideContent,
  "lock-thread": lockThread,
  "unlock-thread": unlockThread,
  "replace-body": replaceBody,
  "close-thread": closeThread,
  "reopen-thread": reopenThread,
  "deliver-notice": deliverNotice,
  "case-comment": caseComment,
  "public-notice": publicNotice,
  "revert-emergency": revertEmergency,
  "set-interaction-limit": setInteractionLimit,
  "remove-interaction-limit": removeInteractionLimit,
  "enforce-ban": enforceBan,
  "lift-ban": liftBanKind,
  "sync-ban-register": syncBanRegister,
  sweep,
};

export function actionKind<K extends ActionKind>(kind: K): ActionKindSpec<K> {
  return KINDS[kind];
}

/** How the job queue runs an action: its priority, attempts and queue. */
export function scheduleOf(action: PlannedAction, caseId: string | null): { priority: number; maxAttempts: number; queueName: string | null } {
  const spec = KINDS[action.kind] as ActionKindSpec<ActionKind>;
  return { priority: spec.priority, maxAttempts: spec.maxAttempts, queueName: spec.queue?.(action as ActionOf<ActionKind>, caseId) ?? null };
}
