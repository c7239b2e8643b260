/**
 * Every kind of GitHub side effect the app performs, as data. Decisions produce
 * these; the store saves them with the state change; the runner carries them out.
 * Priorities put protection first: hiding abusive content must never wait
 * behind the case issue, labels or the command's removal.
 */
import type { CommandLocation, HideClassifier, RepoRef } from "../github/port.js";

export type PlannedAction =
  | { kind: "hide-content"; repo: RepoRef; nodeId: string; classifier: HideClassifier }
  | { kind: "remove-command"; location: CommandLocation; remainingBody: string | null }
  | { kind: "open-case-issue"; caseId: string; protection: Protection }
  | { kind: "post-report-to-case"; caseId: string; reportId: string; protection: Protection }
  /** The `part`-th follow-up of a case file too long for one body (`of`: the case issue, or a report comment). */
  | { kind: "post-case-part"; caseId: string; reportId: string; part: number; of: "case-issue" | "report"; protection: Protection }
  /** A reply in the thread of a private repository, to the person who wrote a command there. */
  | { kind: "reply"; repo: RepoRef; issueNumber: number; body: string }
  /** A notice on the cases repository's notice board: for the committee, or for a moderator whose thread is public. */
  /** `nameless`: names no person or thread, so it may be posted even while a case there is held (see `postNotice`). */
  | { kind: "notify"; casesRepo: RepoRef; body: string; nameless?: boolean };

/** What the app did to protect people from the flagged content, as the case file tells it. */
export type Protection = "hidden" | "already-hidden" | "not-hideable" | "hiding-disabled";

export type ActionKind = PlannedAction["kind"];

export const ACTION_PRIORITY: Record<ActionKind, number> = {
  "hide-content": 0,
  "remove-command": 10,
  "open-case-issue": 20,
  "post-case-part": 25,
  "post-report-to-case": 30,
  reply: 40,
  notify: 45,
};

/**
 * Attempts before an action is given up (graphile-worker backs off
 * exponentially, up to about six hours between attempts). An action that must
 * wait (see `WaitingError`) never runs out: after its last attempt it starts
 * over; making the cases repository private, or installing the app on it,
 * retries waiting case files at once.
 */
export const ACTION_MAX_ATTEMPTS: Record<ActionKind, number> = {
  "hide-content": 25,
  "remove-command": 25,
  "open-case-issue": 100,
  "post-case-part": 100,
  "post-report-to-case": 100,
  reply: 25,
  notify: 100,
};

/**
 * Actions that run one at a time, in order, per queue: a case's file (its issue
 * before its reports, parts in order) and each cases repository's notice board
 * (so two notices never create two boards).
 */
export function actionQueue(action: PlannedAction, caseId: string | null): string | null {
  switch (action.kind) {
    case "open-case-issue":
    case "post-report-to-case":
    case "post-case-part":
      return `case:${caseId ?? action.caseId}`;
    case "notify":
      return `notices:${action.casesRepo.owner}/${action.casesRepo.repo}`.toLowerCase();
    default:
      return null;
  }
}
