/**
 * `/coc strike void <id> <reason>`: takes a strike out of the count, e.g.
 *
 *   /coc strike void S-4 issued in the wrong case
 *
 * The strike stays on the record (who voided it, when and why) and every
 * later case about the person still shows it, marked void; the strike rule no
 * longer counts it. Only strikes against this case's subject, in this case's
 * account, can be voided from here.
 */
import { sameLogin } from "../../cases/logins.js";
import { contentKeyRepo } from "../../cases/plan-flag.js";
import { inlineSafe } from "../../messages/safe-markdown.js";
import { parseStrikeNumber, strikeName } from "../../store/strikes.js";
import { caseCommand } from "../command-spec.js";
import { UserError } from "../user-error.js";
import { recordCommandResult } from "./case-change.js";

export const strikeCommand = caseCommand({
  name: "strike",
  decides: true,
  usage: "/coc strike void <id> <reason>",
  summary: "Void a strike against this case's subject; it stays on the record.",
  details: "Voids the strike with that id (`S-4`, as its confirmation showed it) so the strike rule no longer counts it. A written reason is required.",
  async run(ctx) {
    const { caseFile, event } = ctx;
    const [verb, id, ...reasonWords] = event.command.args;
    if (verb?.toLowerCase() !== "void") throw new UserError("the form is `/coc strike void <id> <reason>`, e.g. `/coc strike void S-4 issued in the wrong case`.");
    const number = id === undefined ? undefined : parseStrikeNumber(id);
    if (number === undefined) throw new UserError("name the strike by its id, as its confirmation showed it: `/coc strike void S-4 <reason>`.");
    const reason = reasonWords.join(" ").trim();
    if (!reason) throw new UserError(`give the reason for voiding ${strikeName(number)}: \`/coc strike void ${strikeName(number)} <reason>\`.`);
    const account = contentKeyRepo(caseFile.contentKey).owner;
    const strike = await ctx.db.strike.findUnique({ where: { account_number: { account, number } } });
    if (!strike) throw new UserError(`there is no strike ${strikeName(number)} in \`${account}\`.`);
    const sameSubject = caseFile.subjectId !== null && strike.subjectId !== null ? caseFile.subjectId === strike.subjectId : sameLogin(strike.subjectLogin, caseFile.subjectLogin);
    if (!sameSubject) throw new UserError(`${strikeName(number)} is against someone else; void it from a case about that person.`);
    if (strike.voidedAt) throw new UserError(`${strikeName(number)} was voided already, by \`${strike.voidedBy}\`.`);
    await recordCommandResult(ctx, {
      apply: async (tx) => {
        const voided = await tx.strike.updateMany({ where: { id: strike.id, voidedAt: null }, data: { voidedAt: ctx.now, voidedBy: event.sender, voidReason: reason } });
        return voided.count > 0;
      },
      audit: [{ actor: event.sender, action: "strike.voided", detail: { strike: strikeName(number), account, reason } }],
      reply: `you voided strike ${strikeName(number)} (${inlineSafe(reason, { maxChars: 300 })}); it stays on the record but no longer counts.`,
    });
  },
});
