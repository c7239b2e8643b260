/**
 * What a sanctioned person is told of a sanction taken outside a decision
 * (a `/coc warn`): what it is, why, and where they stand under the strike
 * rule. Like every notice to a subject, it never says who reported.
 */
import { describeDuration } from "../config/duration.js";
import type { StrikeRule } from "../cases/strike-rule.js";
import type { AppealRoute } from "./people-notices.js";
import { formatUtc } from "../cases/case-state.js";
import { inlineSafe } from "./safe-markdown.js";

export function warningForSubjectNotice(code: string, reason: string, active: number, rule: StrikeRule, appeal: AppealRoute | null = null): string {
  const why = reason ? ` The committee's reason: ${inlineSafe(reason, { maxChars: 1_000 })}.` : "";
  const window = rule.windowMs === null ? "until they are voided" : `for ${describeDuration(rule.windowMs)} each`;
  return (
    `The conduct committee gave you a formal warning in case ${code}, about your conduct.${why} ` +
    `Warnings count ${window}; you have ${active}, and at ${rule.threshold} the committee considers further action. ` +
    (appeal ? `You may appeal the warning until ${formatUtc(appeal.until)}: ${appeal.url}` : "You may appeal the warning; the committee will tell you how.")
  );
}
