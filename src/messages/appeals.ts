/**
 * What the app says about appeals: the appeal posted in its case for the
 * reviewers (the appellant's text quoted as inert evidence), the confirmations
 * of an answer, and the answer as its appellant reads it.
 */
import { formatUtc } from "../cases/case-state.js";
import type { AppealableDecision } from "../cases/appealable.js";
import { fencedEvidence, inlineSafe, quietLogin } from "./safe-markdown.js";

export type AppealAnswer = "uphold" | "overturn" | "modify";

/** The decision in words, as the appeal page and the case say it. */
export function decisionInWords(decision: Pick<AppealableDecision, "kind" | "outcome" | "terms">): string {
  switch (decision.kind) {
    case "decision":
      return `the committee's decision \`${decision.outcome}\`${decision.terms ? ` (${decision.terms})` : ""}`;
    case "warning":
      return `the warning ${decision.terms ?? ""}`.trim();
    case "ban":
      return `the emergency ban (${decision.outcome === "permanent-ban" ? "permanent" : "temporary"})`;
  }
}

export function appealFiledText(facts: {
  name: string;
  decision: AppealableDecision;
  appellant: string;
  body: string;
  reviewers: string | null;
  filedAt: Date;
}): string {
  const excluded = facts.decision.takers.length > 0 ? facts.decision.takers.map(quietLogin).join(", ") : "nobody";
  return [
    `**Appeal ${facts.name}** of ${decisionInWords(facts.decision)}, filed ${formatUtc(facts.filedAt)} by the subject, ${quietLogin(facts.appellant)}, on the appeal page.`,
    fencedEvidence(facts.body, { maxChars: 20_000 }),
    `Reviewers: ${facts.reviewers ?? "the committee"}, except those who took part in the decision (${excluded}) and anyone recused from this case. ` +
      "Answer with `/coc appeal uphold <reason>`, `/coc appeal overturn <reason>` or `/coc appeal modify <outcome> [terms] <reason>`; the reason is sent to the appellant.",
  ].join("\n\n");
}

const ANSWER_DONE: Record<AppealAnswer, string> = {
  uphold: "upheld",
  overturn: "overturned",
  modify: "modified",
};

/** The reviewer's confirmation in the case; what the app undid or carried out follows it, as the case change adds it. */
export function appealAnsweredText(name: string, answer: AppealAnswer, reason: string): string {
  return `you ${ANSWER_DONE[answer]} the decision on appeal ${name} (${inlineSafe(reason, { maxChars: 1_000 })}); the appellant is told, with your reason.`;
}

/** The answer as the appellant reads it: on the appeal page, and in the notice sent to them. */
export function appealAnswerForAppellant(code: string, answer: AppealAnswer, reason: string, replacement: string | null): string {
  const what =
    answer === "uphold"
      ? "upheld the decision: it stands"
      : answer === "overturn"
        ? "overturned the decision: what it did has been undone"
        : `replaced the decision with \`${replacement ?? ""}\``;
  return `Your appeal in case ${code} was reviewed by people who did not take the decision. They ${what}. Their reason: ${inlineSafe(reason, { maxChars: 1_000 })}.`;
}
