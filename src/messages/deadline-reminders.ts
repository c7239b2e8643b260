/**
 * What the app writes when a deadline from the policy comes: a reminder in the
 * case issue that mentions the committee team. The case issue is private to
 * the committee; a case still held (its file not written yet) is reminded on
 * the notice board by its code alone, since its subject can read the board.
 */
import { formatUtc } from "../cases/case-state.js";
import { describeDuration } from "../config/duration.js";

export interface ReminderFacts {
  code: string;
  team: string;
  reportedAt: Date;
  acknowledgedAt: Date | null;
  dueAt: Date;
  window: number;
  /** For a deadlock: `handed-over` (to the escalation team, now), `already` (escalated before) or `none` (no escalation team). */
  escalation?: "handed-over" | "already" | "none";
}

export type ReminderKind = "acknowledge" | "acknowledge-overdue" | "resolve" | "deadlock";

export function deadlineReminder(kind: ReminderKind, facts: ReminderFacts): string {
  const team = `@${facts.team}`;
  const within = describeDuration(facts.window);
  switch (kind) {
    case "acknowledge":
      return `${team} case ${facts.code} is waiting to be acknowledged: reported ${formatUtc(facts.reportedAt)}, to be acknowledged within ${within}. Write \`/coc ack\` here once someone handles it.`;
    case "acknowledge-overdue":
      return `${team} case ${facts.code} is overdue for acknowledgement: reported ${formatUtc(facts.reportedAt)}, and the policy asks for acknowledgement within ${within}. Write \`/coc ack\` here.`;
    case "resolve":
      return `${team} case ${facts.code} has reached its resolution target: acknowledged ${formatUtc(facts.acknowledgedAt ?? facts.reportedAt)}, to be resolved within ${within}. \`/coc status\` shows where it stands.`;
    case "deadlock":
      return `${team} case ${facts.code} is deadlocked: a proposal has had no decision for ${within}. ${DEADLOCK_NEXT[facts.escalation ?? "none"]} \`/coc status\` shows the votes.`;
  }
}

const DEADLOCK_NEXT: Record<NonNullable<ReminderFacts["escalation"]>, string> = {
  "handed-over":
    "It is escalated to you, and you decide it from now on: vote on the proposal with `/coc approve` or `/coc object`, or `/coc withdraw` it and propose another.",
  already: "You decide this case; it still needs your votes.",
  none: "There is no escalation team (`committee.escalation_team`): the whole committee is asked to settle it.",
};

/** For the notice board, while the case file is held: the code and the deadline, nothing else. */
export function heldCaseReminder(kind: ReminderKind, code: string, dueAt: Date): string {
  const what = kind === "resolve" ? "its resolution target" : kind === "deadlock" ? "a deadlock" : "its acknowledgement deadline";
  return `Case ${code} (still held) reached ${what} at ${formatUtc(dueAt)}.`;
}
