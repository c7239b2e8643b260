/**
 * The subject's history, as a new case file shows it under the case's
 * summary: earlier cases and what was decided, every strike (voided ones
 * marked, with who voided them and why) and every ban, each linked to its case.
 *
 * Case links are real links: they point into the private cases repository,
 * where a back-link on the earlier case is seen only by the committee, and
 * are built from the app's own values (codes, numbers), never from user text.
 */
import { termsInWords } from "../cases/sanction-terms.js";
import { strikeName } from "../store/strikes.js";
import { HISTORY_LIMIT, type SubjectHistory } from "../store/subject-history.js";
import { inlineSafe, quietLogin } from "./safe-markdown.js";

type CaseRef = { code: string; casesOwner: string; casesRepo: string; issueNumber: number | null };

export function subjectHistoryText(history: SubjectHistory, subjectLogin: string, webOrigin: string): string {
  const link = (c: CaseRef) => (c.issueNumber === null ? c.code : `[${c.code}](${webOrigin}/${c.casesOwner}/${c.casesRepo}/issues/${c.issueNumber})`);
  const lines = [`### History of ${quietLogin(subjectLogin)} in \`${history.account}\``, ""];
  if (history.cases.length === 0 && history.strikes.length === 0 && history.bans.length === 0) {
    lines.push("No earlier cases in this repository, no strikes and no bans.", "");
    return lines.join("\n");
  }
  lines.push(`- Earlier cases: ${history.caseCount === 0 ? "none" : history.caseCount}`);
  for (const c of history.cases) {
    const decided = c.proposals[0];
    const outcome = decided ? ` · \`${decided.outcome}\`${termsSuffix(decided.outcome, decided.terms)}` : "";
    lines.push(`  - ${link(c)}, opened ${day(c.createdAt)} · ${c.state.replace("_", " ")}${outcome}`);
  }
  if (history.caseCount > HISTORY_LIMIT) lines.push(`  - and ${history.caseCount - HISTORY_LIMIT} older`);
  const counting = history.strikes.filter((s) => s.voidedAt === null).length;
  lines.push(`- Strikes: ${history.strikes.length === 0 ? "none" : `${history.strikes.length} (${counting} not voided; \`strikes.window\` may age some out)`}`);
  for (const strike of history.strikes.slice(-HISTORY_LIMIT)) {
    const state = strike.voidedAt
      ? `voided ${day(strike.voidedAt)} by ${quietLogin(strike.voidedBy ?? "unknown")}${strike.voidReason ? `: ${inlineSafe(strike.voidReason, { maxChars: 200 })}` : ""}`
      : "counts";
    const reason = strike.reason ? `: ${inlineSafe(strike.reason, { maxChars: 200 })}` : "";
    lines.push(`  - ${strikeName(strike.number)}, ${day(strike.issuedAt)} in ${link(strike.case)}${reason} · ${state}`);
  }
  if (history.strikes.length > HISTORY_LIMIT) lines.push(`  - and ${history.strikes.length - HISTORY_LIMIT} older`);
  lines.push(`- Bans: ${history.bans.length === 0 ? "none" : history.bans.length}`);
  for (const ban of history.bans) {
    const where = ban.case ? ` in ${link(ban.case)}` : " (a block made by hand on GitHub)";
    const until = ban.endsAt ? `until ${day(ban.endsAt)}` : "with no end";
    const state = ban.liftedAt ? `ended ${day(ban.liftedAt)} (${ban.liftReason ?? "lifted"})` : "in force";
    lines.push(`  - ${day(ban.startsAt)} ${until}${where} · ${state}`);
  }
  lines.push("");
  return lines.join("\n");
}

function termsSuffix(outcome: string, terms: string | null): string {
  const words = termsInWords(outcome, terms);
  return words ? ` ${words}` : "";
}

function day(at: Date): string {
  return at.toISOString().slice(0, 10);
}
