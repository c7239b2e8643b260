/**
 * `/coc ban [@login] <length|permanent> [reason]` and `/coc unban [@login]`:
 * a committee member bans a person at once, e.g.
 *
 *   /coc ban 30d threats after a warning
 *   /coc ban @sock-puppet permanent evading the ban of the subject
 *   /coc unban
 *
 * One member acting alone, before consensus: the ban is an emergency act,
 * which another member who is not recused signs off (`/coc signoff`) within
 * `deadlines.emergency_signoff`, or it is lifted. A ban the committee decides
 * is the `temporary-ban` or `permanent-ban` outcome. The person defaults to
 * the case's subject.
 */
import { sameLogin, typedLogin } from "../../cases/logins.js";
import { contentKeyRepo } from "../../cases/plan-flag.js";
import { formatUtc } from "../../cases/case-state.js";
import { parseBanLength } from "../../cases/sanction-terms.js";
import { deadlineKey } from "../../deadlines/deadline-rules.js";
import { commandKey } from "../../events/command-event.js";
import { quietLogin } from "../../messages/safe-markdown.js";
import { activeBanOf, liftBan } from "../../store/bans.js";
import { scheduleDeadline } from "../../store/deadline-jobs.js";
import type { SubjectRef } from "../../store/strikes.js";
import { caseCommand, type CaseCommandContext } from "../command-spec.js";
import { UserError } from "../user-error.js";
import { banFromCase } from "./ban-subject.js";
import { recordCommandResult } from "./case-change.js";

export const banCommand = caseCommand({
  name: "ban",
  usage: "/coc ban [@login] <length|permanent> [reason]",
  summary: "Ban a person at once, as an emergency act another member signs off.",
  details:
    "Bans the case's subject (or the person named) from the account's repositories for the length given (`30d`, `2w`) or `permanent`: " +
    "blocked in the organization where GitHub allows it, else enforced by the app. Another committee member who is not recused must write `/coc signoff` " +
    "within `deadlines.emergency_signoff`, or the ban is lifted. For a ban the committee decides, use the `temporary-ban` or `permanent-ban` outcome.",
  async run(ctx) {
    const [first, ...rest] = ctx.event.command.args;
    const named = first?.startsWith("@") ? typedLogin(first) : null;
    if (first?.startsWith("@") && !named) throw new UserError(`\`${first.slice(0, 60)}\` is not a GitHub login: write \`@login\`.`);
    const [lengthWord, ...reasonWords] = named ? rest : ctx.event.command.args;
    if (lengthWord === undefined) throw new UserError("give the ban's length: `/coc ban [@login] <length|permanent> [reason]`, e.g. `/coc ban 30d`.");
    const length = parseBanLength(lengthWord);
    if (!length.ok) throw new UserError(length.reason);
    const subject = await subjectOf(ctx, named);
    const reason = reasonWords.join(" ");
    const due = new Date(ctx.now.getTime() + ctx.config.deadlines.emergency_signoff);
    await recordCommandResult(ctx, {
      apply: async (tx) => {
        const banned = await banFromCase(tx, ctx.caseFile, { subject, lengthMs: length.value, reason, issuedBy: ctx.event.sender, issueKey: `ban:${commandKey(ctx.event)}` }, ctx.config, ctx.now);
        if (!banned.ban) throw new UserError(banned.lines.join(" "));
        const act = await tx.emergencyAct.create({ data: { caseId: ctx.caseFile.id, kind: "ban", actor: ctx.event.sender, target: { banId: banned.ban.id }, actedAt: ctx.now } });
        await scheduleDeadline(tx, { kind: "emergency-signoff", key: deadlineKey(ctx.caseFile.id, "emergency-signoff", act.id), dueAt: due, itemId: act.id, nextUpdateBy: null });
        return { actions: [...(banned.actions ?? []), banned.subjectNotice!], audit: banned.audit ?? [], reply: banned.lines.join("\n") };
      },
      audit: [{ actor: ctx.event.sender, action: "emergency.acted", detail: { kind: "ban", subject: subject.login } }],
      reply: `emergency ban. Another committee member who is not recused must write \`/coc signoff\` by ${formatUtc(due)}, or the ban is lifted.`,
    });
  },
});

export const unbanCommand = caseCommand({
  name: "unban",
  decides: true,
  usage: "/coc unban [@login]",
  summary: "Lift a ban early.",
  details: "Lifts the ban in force against the case's subject (or the person named) in the account: they are unblocked, or the app stops enforcing it. The ban register and the case say so.",
  async run(ctx) {
    const [first, ...rest] = ctx.event.command.args;
    if (rest.length > 0) throw new UserError("the form is `/coc unban [@login]`.");
    const named = first === undefined ? null : typedLogin(first);
    if (first !== undefined && !named) throw new UserError(`\`${first.slice(0, 60)}\` is not a GitHub login: write \`@login\`.`);
    const subject = await subjectOf(ctx, named);
    const account = contentKeyRepo(ctx.caseFile.contentKey).owner;
    const ban = await activeBanOf(ctx.db, account, subject, "case");
    if (!ban) {
      const owners = await activeBanOf(ctx.db, account, subject, "owner");
      if (owners) throw new UserError(`${quietLogin(subject.login)} is blocked in \`${account}\` by ${quietLogin(owners.issuedBy)} by hand on GitHub, not by a case: unblock them there, and the ban register follows.`);
      throw new UserError(`${quietLogin(subject.login)} is not banned in \`${account}\`.`);
    }
    await refuseIfRecusedFromBanCase(ctx, ban.caseId);
    await recordCommandResult(ctx, {
      apply: async (tx) => {
        const { lifted, actions } = await liftBan(tx, ban.id, ctx.event.sender, "unban", ctx.now);
        if (!lifted) return false;
        // An emergency ban lifted early needs no sign-off any more.
        const acts = await tx.emergencyAct.findMany({ where: { kind: "ban", signedOffAt: null, revertedAt: null, target: { path: ["banId"], equals: ban.id } } });
        for (const act of acts) {
          await tx.emergencyAct.update({ where: { id: act.id }, data: { revertedAt: ctx.now } });
          await tx.$executeRaw`SELECT graphile_worker.remove_job(${deadlineKey(act.caseId, "emergency-signoff", act.id)}::text)`;
        }
        return { actions };
      },
      audit: [{ actor: ctx.event.sender, action: "ban.unbanned", detail: { ban: ban.id, subject: subject.login } }],
      reply: `lifting the ban of ${quietLogin(subject.login)} in \`${account}\`.`,
    });
  },
});

/**
 * A ban from another case is lifted by someone who may act in that case: not a member recused from it, nor its
 * subject, a reporter or an affected party there.
 */
async function refuseIfRecusedFromBanCase(ctx: CaseCommandContext, caseId: string | null): Promise<void> {
  if (!caseId || caseId === ctx.caseFile.id) return;
  const sender = ctx.event.sender.toLowerCase();
  const banCase = await ctx.db.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { code: true, subjectLogin: true, recusals: { select: { login: true } }, reports: { select: { reporterLogin: true } }, affectedParties: { select: { login: true } } },
  });
  const involved = [banCase.subjectLogin, ...banCase.recusals.map((r) => r.login), ...banCase.reports.map((r) => r.reporterLogin), ...banCase.affectedParties.map((p) => p.login)];
  if (involved.some((login) => login.toLowerCase() === sender)) {
    throw new UserError(`the ban was decided in case ${banCase.code}, in which you take no part, so you cannot lift it.`);
  }
}

/** The case's subject, or the person named (found by their account, so a later rename keeps the ban on them). */
async function subjectOf(ctx: CaseCommandContext, named: string | null): Promise<SubjectRef> {
  if (!named || sameLogin(named, ctx.caseFile.subjectLogin)) return { login: ctx.caseFile.subjectLogin, id: ctx.caseFile.subjectId };
  const caseRepo = contentKeyRepo(ctx.caseFile.contentKey);
  const found = await (await ctx.gateway.forRepository(caseRepo)).getAccountPermission(caseRepo, named);
  if (!found) throw new UserError(`no GitHub account has the login \`${named}\`.`);
  return { login: named, id: BigInt(found.accountId) };
}
