/**
 * The shape of one kind of action (one GitHub side effect): how urgent it is,
 * how often it is tried, which actions it must wait behind, and how it is
 * carried out, idempotently. Each kind lives in its own module under `kinds/`
 * and is listed in `action-kinds.ts`.
 */
import type { ActionRun } from "./perform-action.js";
import type { ActionKind, PlannedAction } from "./planned-action.js";

export type ActionOf<K extends ActionKind> = Extract<PlannedAction, { kind: K }>;

export interface ActionKindSpec<K extends ActionKind> {
  kind: K;
  /** Lower runs first: protecting people (hiding) never waits behind paperwork. */
  priority: number;
  /**
   * Attempts before the action is given up (the queue backs off exponentially, up to about six
   * hours apart). An action that must wait (`WaitingError`) never runs out: it starts over.
   */
  maxAttempts: number;
  /** Actions of one queue run one at a time, in order (a case's file; a notice board). */
  queue?(action: ActionOf<K>, caseId: string | null): string;
  /** Carries the action out; running it twice leaves GitHub as running it once. */
  perform(action: ActionOf<K>, run: ActionRun): Promise<void>;
}
