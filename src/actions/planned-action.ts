/**
 * Every kind of GitHub side effect the app performs, as data. Decisions produce
 * these; the store saves them with the state change; the runner carries them out
 * through each kind's module (`action-kinds.ts`), which also says how urgent it
 * is: protection first, hiding abusive content never waits behind paperwork.
 */
import type { CommandLocation, ContentRef } from "../domain/content.js";
import type { HideClassifier, InteractionPlace, LockReason } from "../domain/moderation.js";
import type { RepoRef } from "../domain/repository.js";

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
  | { kind: "notify"; casesRepo: RepoRef; body: string; nameless?: boolean }
  /** Brings the case issue's state label in step with the case's state, as it is when the action runs. */
  | { kind: "sync-case-state"; caseId: string }
  /** Closes the case issue as completed, if the case is still closed when it runs. */
  | { kind: "close-case-issue"; caseId: string }
  /** The committee's own acts on reported content, from the case (`/coc unhide`, `lock`, `unlock`, `remove`, `close`). */
  | { kind: "unhide-content"; repo: RepoRef; nodeId: string }
  | { kind: "lock-thread"; repo: RepoRef; issueNumber: number; reason: LockReason | null }
  | { kind: "unlock-thread"; repo: RepoRef; issueNumber: number }
  | { kind: "replace-body"; ref: ContentRef; body: string }
  | { kind: "close-thread"; repo: RepoRef; issueNumber: number }
  /** Reopens an issue: the case issue of a case reopened with `/coc reopen`. */
  | { kind: "reopen-thread"; repo: RepoRef; issueNumber: number }
  /** Undoes what an emergency act changed when nobody signed it off in time, unless something since took over; says so in the case. */
  | { kind: "revert-emergency"; caseId: string; actId: string }
  /** Tells the reporter or the subject something, through the channel that reaches them (see `kinds/deliver-notice.ts`). */
  | { kind: "deliver-notice"; caseId: string; to: string; accountId?: number; about: "reporter" | "subject"; body: string }
  /** The app's own comment in a case issue, posted once the issue exists (see `kinds/case-comment.ts`). */
  | { kind: "case-comment"; caseId: string; body: string }
  /** Sets the interaction limit a cooldown records (`/coc cooldown`, the `cooldown` outcome); GitHub's refusals are said in the case. */
  /** `via`: a repository of the account the app is installed on (the case's), whose installation acts. */
  | { kind: "set-interaction-limit"; caseId: string; cooldownId: string; via: RepoRef }
  /** Lifts the interaction limit in force at the place (`/coc cooldown off`). */
  | { kind: "remove-interaction-limit"; caseId: string; place: InteractionPlace; via: RepoRef }
  /** Enforces a recorded ban: an organization block where GitHub allows it, else the app's own enforcement; says which in the case. */
  | { kind: "enforce-ban"; caseId: string; banId: string }
  /** Undoes a lifted ban's block, and says in the case that it was lifted. */
  | { kind: "lift-ban"; caseId: string; banId: string }
  /** Rewrites the cases repository's ban register from the bans as they are when it runs (`webOrigin`: where case links point). */
  | { kind: "sync-ban-register"; casesRepo: RepoRef; webOrigin: string }
  /** A raid sweep: hides what the person wrote in the case's account since `since` (ISO time), and lists it in the case. */
  | { kind: "sweep"; caseId: string; login: string; since: string; requestedBy: string }
  /** The fixed, nameless notice that a thread was moderated (`decisions.public_notice: minimal`); it carries no text of its own. */
  | { kind: "public-notice"; repo: RepoRef; issueNumber: number };

/** What the app did to protect people from the flagged content, as the case file tells it. */
export type Protection = "hidden" | "already-hidden" | "not-hideable" | "hiding-disabled";

export type ActionKind = PlannedAction["kind"];

/** The actions that change reported content or its conversation. */
export type ContentAction = Extract<
  PlannedAction,
  { kind: "hide-content" | "unhide-content" | "lock-thread" | "unlock-thread" | "close-thread" | "reopen-thread" | "replace-body" }
>;
