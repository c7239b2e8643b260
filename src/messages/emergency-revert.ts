/**
 * What the case says when an emergency act was not signed off in time: what
 * the app undid, or what it left as it is and why (the committee did the same
 * again since, the text changed since, or it was undone already). Only the
 * committee reads it.
 */
import type { EmergencyKind } from "../commands/case/emergency-acts.js";

export type RevertOutcome =
  /** The app undid the act's change (or found it undone exactly as the revert would). */
  | { result: "undone" }
  /**
   * The act's change stays: a later command or flag did the same (`done-again`), the text
   * changed after the removal (`edited-since`), or the app has no way to undo it (`cannot-undo`).
   */
  | { result: "left"; because: "done-again" | "edited-since" | "cannot-undo" }
  /** Nothing of the act's change was left to undo: a later command undid it, the content is gone, or the act itself never got done. */
  | { result: "nothing-left"; because: "undone-since" | "gone" | "never-done" };

interface Words {
  undone: string;
  stays: string;
  again: string;
  /** How a later command undid it; removed text is put back by a revert only. */
  since?: string;
}

const WORDS: Record<EmergencyKind, Words> = {
  hide: {
    undone: "is shown again",
    stays: "hidden",
    again: "it was hidden again after the emergency act (a later `/coc hide`, or a new flag)",
    since: "was shown again after the emergency act (a later `/coc unhide`)",
  },
  lock: {
    undone: "is unlocked again",
    stays: "locked",
    again: "the committee locked it again after the emergency act (a later `/coc lock`)",
    since: "was unlocked after the emergency act (a later `/coc unlock`, or the end of a timed lock)",
  },
  close: {
    undone: "is open again",
    stays: "closed",
    again: "the committee closed it again after the emergency act (a later `/coc close`)",
    since: "was reopened after the emergency act",
  },
  remove: {
    undone: "has its original text again",
    stays: "removed",
    again: "the committee removed it again after the emergency act (a later `/coc remove`)",
  },
};

/** @param subject what the act changed, e.g. "the flagged comment" or "`acme/widgets#7`" */
export function revertReport(act: { kind: string; actor: string }, kind: EmergencyKind | null, subject: string | null, outcome: RevertOutcome): string {
  const head = `The emergency act (\`${act.kind}\` by \`${act.actor}\`) was not signed off in time`;
  if (!kind || !subject || (outcome.result === "left" && outcome.because === "cannot-undo")) return `${head}, but the app cannot undo it: restore it by hand.`;
  const words = WORDS[kind];
  switch (outcome.result) {
    case "undone":
      return `${head}, so the app reverted it: ${subject} ${words.undone}.`;
    case "left":
      return outcome.because === "edited-since"
        ? `${head}, but the app left ${subject} as it is: its text changed after the removal, and putting the original back would overwrite the newer text.`
        : `${head}, but the app left ${subject} ${words.stays}: ${words.again}, and that stands.`;
    case "nothing-left":
      if (outcome.because === "never-done") return `${head}; nothing of it was left to revert: the app could not carry the act out on ${subject}, so it changed nothing there.`;
      return `${head}; nothing of it was left to revert: ${subject} ${outcome.because === "gone" ? "no longer exists" : (words.since ?? "was changed back after the emergency act")}.`;
  }
}
