/**
 * What each emergency act changes on GitHub, and what would undo it: the act
 * (`/coc emergency`) and its revert (when nobody signed it off in time) both
 * read it from here, so a revert undoes exactly the change its act made.
 */
import type { ContentAction } from "../../actions/planned-action.js";
import { removalNotice } from "../../messages/removal-notice.js";
import type { CaseTarget } from "./case-target.js";

export const EMERGENCY_KINDS = ["hide", "lock", "close", "remove"] as const;
export type EmergencyKind = (typeof EMERGENCY_KINDS)[number];

export function emergencyKind(word: string | undefined): EmergencyKind | undefined {
  return EMERGENCY_KINDS.find((kind) => kind === word?.toLowerCase());
}

/** What an emergency act targeted, and what undoing it needs (stored with the act). */
export interface EmergencyTarget {
  target: CaseTarget;
  /** The text a removal replaced. */
  originalBody: string | null;
  /** The removal notice the act wrote: the revert puts the original back only over exactly this text. */
  notice?: string;
}

/** What the act does on GitHub. */
export function actFor(kind: EmergencyKind, { ref, nodeId, thread }: CaseTarget): ContentAction {
  switch (kind) {
    case "hide":
      return { kind: "hide-content", repo: thread.repo, nodeId, classifier: "ABUSE" };
    case "lock":
      return { kind: "lock-thread", repo: thread.repo, issueNumber: thread.number, reason: "too heated" };
    case "close":
      return { kind: "close-thread", repo: thread.repo, issueNumber: thread.number };
    case "remove":
      return { kind: "replace-body", ref, body: removalNotice() };
  }
}

/**
 * The command that does the opposite of the act. After the act, it or the act's own kind on
 * the same target is someone's later word on it, which a revert leaves standing. Nothing
 * puts removed text back but a revert.
 */
export const OPPOSITE: Record<EmergencyKind, ContentAction["kind"] | null> = {
  hide: "unhide-content",
  lock: "unlock-thread",
  close: "reopen-thread",
  remove: null,
};

/** The key of the act's own action: its revert tells by it what was recorded after the act. */
export function emergencyActKey(actId: string): string {
  return `emergency-act:${actId}`;
}

const onThread = (kind: EmergencyKind) => kind === "lock" || kind === "close";
const threadName = ({ thread }: CaseTarget) => `${thread.repo.owner}/${thread.repo.repo}#${thread.number}`;

/** What the act changes, as the committee reads it: the conversation, or the content itself. */
export function subjectOf(kind: EmergencyKind, target: CaseTarget): string {
  return onThread(kind) ? `\`${threadName(target)}\`` : target.description;
}

/** What the act changes, as the audit log names it: the conversation, or the content's node. */
export function auditTargetOf(kind: EmergencyKind, target: CaseTarget): string {
  return onThread(kind) ? threadName(target) : target.nodeId;
}
