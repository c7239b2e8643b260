/**
 * `/coc appeal uphold|overturn|modify`: reviewers answer an appeal filed on
 * the appeal page, with a written reason that the appellant reads, e.g.
 *
 *   /coc appeal uphold the comments were abusive, as the evidence shows
 *   /coc appeal overturn the quoted text was someone else's
 *   /coc appeal modify warning a ban was out of proportion for a first offence
 *
 * Reviewers are the appeals team (`appeals.team`), or the committee without
 * one; whoever took part in the decision, and anyone recused from the case,
 * is refused. `overturn` undoes what the decision did (strikes voided, bans
 * and cooldowns lifted; for the case's decision, its content shown and
 * unlocked again); `modify` undoes its sanctions and carries out the outcome
 * given instead. With several appeals waiting, name one: `/coc appeal uphold A-2 …`.
 */
import type { PlannedAction } from "../../actions/planned-action.js";
import { APPEAL_PROPOSER, appealableDecisions } from "../../cases/appealable.js";
import { isOutcome, parseOutcome, type Outcome } from "../../cases/outcomes.js";
import { parseOutcomeTerms, writeTerms } from "../../cases/sanction-terms.js";
import { appealAnsweredText, appealAnswerForAppellant, type AppealAnswer } from "../../messages/appeals.js";
import { appealName, decisionFactsOf } from "../../store/appeals.js";
import { caseCommand, type CaseCommandContext } from "../command-spec.js";
import { reviewsAppeals } from "../committee.js";
import { UserError } from "../user-error.js";
import { undoContentActions, undoSanctions } from "./appeal-undo.js";
import { recordCommandResult } from "./case-change.js";
import { carryOutSanction } from "./enactment.js";
import { isRecused } from "./recusals.js";

const FORMS = "`/coc appeal uphold <reason>`, `/coc appeal overturn <reason>` or `/coc appeal modify <outcome> [terms] <reason>`";
const STATUS: Record<AppealAnswer, string> = { uphold: "upheld", overturn: "overturned", modify: "modified" };

export const appealCommand = caseCommand({
  name: "appeal",
  // Reviewers are not the deciding team: who may answer is checked below.
  openToRecused: true,
  usage: "/coc appeal uphold|overturn|modify [A-<n>] [<outcome> [terms]] <reason>",
  summary: "Answer the appeal waiting in this case: uphold, overturn or modify the decision, with a reason.",
  details:
    "For the appeals team (`appeals.team`), or the committee without one; members who took part in the decision, and anyone recused from the case, cannot answer. " +
    "`overturn` undoes what the decision did: strikes voided, bans and cooldowns lifted and, for the case's decision, its hidden content shown and locked conversations unlocked. " +
    "`modify <outcome> [terms]` undoes its sanctions and carries out that outcome instead (e.g. `modify temporary-ban 7d <reason>`). The reason is required and goes to the appellant.",
  async run(ctx) {
    const [verbWord, ...rest] = ctx.event.command.args;
    const verb = verbWord?.toLowerCase();
    if (verb !== "uphold" && verb !== "overturn" && verb !== "modify") throw new UserError(`the forms are ${FORMS}.`);
    if (!reviewsAppeals(ctx.standing, ctx.config.appeals)) {
      throw new UserError(ctx.config.appeals.team ? `only members of the appeals team (\`${ctx.event.repo.owner}/${ctx.config.appeals.team}\`) answer appeals.` : "only members of the committee answer appeals.");
    }
    if (isRecused(ctx.caseFile, ctx.event.sender)) throw new UserError("you take no part in this case (recused, or its subject, a reporter or an affected party), so you cannot answer its appeals.");
    const { appeal, words } = await waitingAppeal(ctx, rest);
    const decision = appealableDecisions(await decisionFactsOf(ctx.db, ctx.caseFile.id), ctx.config.appeals.window, new Set([appeal.decisionKey])).find((d) => d.key === appeal.decisionKey);
    if (!decision) throw new Error(`appeal ${appeal.id} is of a decision the case no longer has`);
    if (decision.takers.includes(ctx.event.sender.toLowerCase())) throw new UserError(`you took part in the decision appealed in ${appealName(appeal.number)}, so you cannot review its appeal: people who did not take part review it.`);
    const replacement = verb === "modify" ? readReplacement(words) : null;
    const reason = (replacement ? replacement.rest : words).join(" ").trim();
    if (!reason) throw new UserError(`give the reason, which the appellant reads: ${FORMS}.`);
    await answer(ctx, { appeal, verb, reason, replacement, decisionKind: decision.kind });
  },
});

async function waitingAppeal(ctx: CaseCommandContext, words: string[]) {
  const waiting = await ctx.db.appeal.findMany({ where: { caseId: ctx.caseFile.id, status: "pending" }, orderBy: { number: "asc" } });
  const named = /^A-(\d+)$/i.exec(words[0] ?? "");
  if (named) {
    const appeal = waiting.find((a) => a.number === Number(named[1]));
    if (!appeal) throw new UserError(`no appeal ${words[0]!.toUpperCase()} is waiting for an answer in this case.`);
    return { appeal, words: words.slice(1) };
  }
  if (waiting.length === 0) throw new UserError("no appeal is waiting for an answer in this case.");
  if (waiting.length > 1) throw new UserError(`${waiting.length} appeals are waiting (${waiting.map((a) => appealName(a.number)).join(", ")}): name the one you answer, e.g. \`/coc appeal uphold ${appealName(waiting[0]!.number)} <reason>\`.`);
  return { appeal: waiting[0]!, words };
}

function readReplacement(words: string[]): { outcome: Outcome; terms: string | null; rest: string[] } {
  const [word, ...after] = words;
  if (!word) throw new UserError("name the outcome that replaces the decision: `/coc appeal modify <outcome> [terms] <reason>`.");
  const parsed = parseOutcome(word);
  if (!parsed.ok) throw new UserError(parsed.reason);
  if (!isOutcome(parsed.outcome)) throw new UserError(`\`${word}\` is not an outcome.`);
  const terms = parseOutcomeTerms(parsed.outcome, after);
  if (!terms.ok) throw new UserError(terms.reason);
  return { outcome: parsed.outcome, terms: writeTerms(terms.value.terms), rest: terms.value.rest };
}

interface Answer {
  appeal: { id: string; number: number; decisionKey: string; appellantLogin: string; appellantId: bigint };
  verb: AppealAnswer;
  reason: string;
  replacement: { outcome: Outcome; terms: string | null } | null;
  decisionKind: "decision" | "warning" | "ban";
}

async function answer(ctx: CaseCommandContext, given: Answer): Promise<void> {
  const { caseFile, event, now } = ctx;
  const name = appealName(given.appeal.number);
  const replacementText = given.replacement ? `${given.replacement.outcome}${given.replacement.terms ? ` ${given.replacement.terms}` : ""}` : null;
  await recordCommandResult(ctx, {
    apply: async (tx) => {
      const answered = await tx.appeal.updateMany({
        where: { id: given.appeal.id, status: "pending" },
        data: { status: STATUS[given.verb], answeredBy: event.sender, answeredAt: now, answerReason: given.reason, answerOutcome: given.replacement?.outcome ?? null, answerTerms: given.replacement?.terms ?? null },
      });
      if (answered.count === 0) return false;
      const lines: string[] = [];
      const actions: PlannedAction[] = [];
      if (given.verb !== "uphold") {
        const undone = await undoSanctions(tx, caseFile, given.appeal.decisionKey, event.sender, name, now);
        lines.push(...undone.lines);
        actions.push(...undone.actions);
      }
      if (given.verb === "overturn" && given.decisionKind === "decision") {
        const shown = await undoContentActions(tx, caseFile.id);
        lines.push(...shown.lines);
        actions.push(...shown.actions);
      }
      const audit = [];
      if (given.replacement) {
        // The replacement is a decision of its own, kept with the case; it is the appeal's answer and is not appealed again.
        const decided = await tx.proposal.create({
          data: { caseId: caseFile.id, outcome: given.replacement.outcome, terms: given.replacement.terms, reason: given.reason, proposer: APPEAL_PROPOSER, status: "decided", closedAt: now },
        });
        const enacted = await carryOutSanction(tx, caseFile, { id: decided.id, outcome: given.replacement.outcome, terms: given.replacement.terms, reason: given.reason }, ctx.config, now);
        lines.push(...enacted.sanctionLines);
        actions.push(...(enacted.actions ?? []));
        audit.push(...(enacted.audit ?? []));
      }
      actions.push({
        kind: "deliver-notice",
        caseId: caseFile.id,
        to: given.appeal.appellantLogin,
        accountId: Number(given.appeal.appellantId),
        about: "subject",
        body: appealAnswerForAppellant(caseFile.code, given.verb, given.reason, replacementText),
      });
      actions.push({ kind: "sync-case-state", caseId: caseFile.id });
      return { actions, audit, reply: lines.length > 0 ? lines.map((line) => `- ${line}`).join("\n") : undefined };
    },
    audit: [{ actor: event.sender, action: `appeal.${STATUS[given.verb]}`, detail: { appeal: name, reason: given.reason, ...(replacementText ? { replacement: replacementText } : {}) } }],
    reply: appealAnsweredText(name, given.verb, given.reason),
  });
}
