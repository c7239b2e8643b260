/**
 * The closing report the app writes in a case when it closes, with the facts
 * the ITK policy asks the committee to give its officers: where it happened,
 * what happened (the evidence), whether it was a violation, the subject, the
 * affected parties, whether anyone's safety was threatened, and the response.
 * The app fills in what the case record holds and says what it does not.
 * Posted in the case issue only; logins and links are quoted inertly.
 */
import { formatUtc } from "../cases/case-state.js";
import { OUTCOME_INFO, isBreach, isOutcome } from "../cases/outcomes.js";
import { inlineSafe, quietLogin, quietUrl } from "./safe-markdown.js";

export interface ClosingFacts {
  code: string;
  subject: string;
  /** Who the conduct affected, as the committee recorded them (`/coc affected`). */
  affected: string[];
  /** As the committee recorded it (`/coc safety`); null when it did not. */
  safetyThreatened: boolean | null;
  evidenceUrls: string[];
  outcome: string;
  /** The outcome's terms in words ("for 30 days"), when it takes any. */
  terms?: string;
  reason: string;
  decidedAt: Date;
  closedAt: Date;
}

export function closingReport(facts: ClosingFacts): string {
  const places = [...new Set(facts.evidenceUrls.map((url) => new URL(url).pathname.split("/").slice(1, 3).join("/")))];
  const described = isOutcome(facts.outcome) ? ` (${OUTCOME_INFO[facts.outcome].description})` : "";
  return [
    `### Closing report for ${facts.code}`,
    "",
    "| | |",
    "|---|---|",
    `| Where | ${places.map((p) => `\`${p}\``).join(", ") || "not recorded"} |`,
    `| What happened | ${facts.evidenceUrls.map((url) => quietUrl(url)).join(", ") || "not recorded"} (evidence in the case file above) |`,
    `| A violation? | ${isOutcome(facts.outcome) && isBreach(facts.outcome) ? "yes" : "no"} |`,
    `| Subject | ${quietLogin(facts.subject)} |`,
    `| Affected parties | ${facts.affected.length > 0 ? facts.affected.map(quietLogin).join(", ") : "none recorded (`/coc affected`)"} |`,
    `| Safety threatened? | ${facts.safetyThreatened === null ? "not recorded (`/coc safety yes|no`)" : facts.safetyThreatened ? "yes" : "no"} |`,
    `| Response | \`${facts.outcome}\`${facts.terms ? ` ${facts.terms}` : ""}${described}${facts.reason ? `: ${inlineSafe(facts.reason, { maxChars: 500 })}` : ""} |`,
    `| Decided | ${formatUtc(facts.decidedAt)} |`,
    `| Closed | ${formatUtc(facts.closedAt)} |`,
  ].join("\n");
}
