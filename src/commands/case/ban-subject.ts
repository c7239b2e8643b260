/**
 * Bans a person from a case: the ban is recorded with its timers, the action
 * that enforces it is queued, and the person is told what, why and until
 * when. Shared by `/coc ban`, the ban outcomes and the strike rule's
 * `on_threshold: ban`, so each bans the same way, once per command or decision.
 */
import { appealRouteOf } from "../../messages/people-notices.js";
import type { PlannedAction } from "../../actions/planned-action.js";
import { contentKeyRepo } from "../../cases/plan-flag.js";
import type { CocConfig } from "../../config/schema.js";
import { banForSubjectNotice, banTerm } from "../../messages/bans.js";
import { quietLogin } from "../../messages/safe-markdown.js";
import type { ChangeConsequences } from "../../store/case-records.js";
import type { Transaction } from "../../store/database.js";
import { timerDurations } from "../../store/deadline-jobs.js";
import { activeBanOf, recordBan, registerSyncOf, replanBanTimers, type BanRow } from "../../store/bans.js";
import type { SubjectRef } from "../../store/strikes.js";

export interface BanRequest {
  subject: SubjectRef;
  lengthMs: number | null;
  reason: string;
  issuedBy: string;
  issueKey: string;
  /** A decision: it takes over a ban already in force (an emergency ban, say) instead of being refused. */
  takesOver?: boolean;
}

export interface BanConsequences extends ChangeConsequences {
  ban: BanRow | null;
  lines: string[];
  /** The person's notice of the ban; a decision's closing notice says it instead. */
  subjectNotice: PlannedAction | null;
}

export async function banFromCase(tx: Transaction, caseFile: { id: string; code: string; contentKey: string }, request: BanRequest, config: CocConfig, now: Date): Promise<BanConsequences> {
  const account = contentKeyRepo(caseFile.contentKey).owner;
  const replayed = await tx.ban.findUnique({ where: { issueKey: request.issueKey } });
  if (replayed) return { ban: replayed, lines: [bannedLine(request.subject.login, account, replayed)], actions: [], subjectNotice: null };
  // One ban in force per person and account, however many cases ban them at once.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`ban:${account}:${request.subject.login.toLowerCase()}`}))`;
  const standing = await activeBanOf(tx, account, request.subject, "case");
  if (standing && request.takesOver) return takeOver(tx, caseFile, standing, request, config, now);
  if (standing) {
    return { ban: null, lines: [`${quietLogin(request.subject.login)} is already banned in \`${account}\` ${banTerm(standing)}; \`/coc unban\` first to change it.`], subjectNotice: null };
  }
  const { takesOver: _decision, ...recorded } = request;
  const { ban, actions } = await recordBan(tx, { caseId: caseFile.id, account, ...recorded }, timerDurations(config), now);
  const notice: PlannedAction = {
    kind: "deliver-notice",
    caseId: caseFile.id,
    to: request.subject.login,
    ...(request.subject.id !== null ? { accountId: Number(request.subject.id) } : {}),
    about: "subject",
    body: banForSubjectNotice(caseFile.code, ban, request.reason, appealRouteOf(config.appeals, caseFile.code, now)),
  };
  return {
    ban,
    lines: [bannedLine(request.subject.login, account, ban)],
    actions,
    subjectNotice: notice,
    audit: [{ actor: request.issuedBy, action: "ban.recorded", detail: { ban: ban.id, account, subject: request.subject.login, endsAt: ban.endsAt?.toISOString() ?? null } }],
  };
}

function bannedLine(login: string, account: string, ban: BanRow): string {
  return `${quietLogin(login)} is banned in \`${account}\` ${banTerm(ban)}; the case will say how it is enforced.`;
}

/**
 * A decided ban where one is in force already (a member's emergency ban, typically): the decision becomes that ban's
 * term from now, its emergency act needs no sign-off any more, and its timers follow. Nothing is unblocked and blocked
 * again in between.
 */
async function takeOver(tx: Transaction, caseFile: { id: string; code: string }, standing: BanRow, request: BanRequest, config: CocConfig, now: Date): Promise<BanConsequences> {
  const before = standing;
  const endsAt = request.lengthMs === null ? null : new Date(now.getTime() + request.lengthMs);
  const ban = await tx.ban.update({ where: { id: standing.id }, data: { startsAt: now, endsAt, reason: request.reason, issueKey: request.issueKey } });
  await tx.emergencyAct.updateMany({ where: { kind: "ban", signedOffAt: null, revertedAt: null, target: { path: ["banId"], equals: ban.id } }, data: { signedOffAt: now, signedOffBy: "decision" } });
  await replanBanTimers(tx, before, ban, timerDurations(config), now);
  const account = ban.account;
  return {
    ban,
    lines: [`The decision takes over the ban of ${quietLogin(request.subject.login)} in \`${account}\` already in force: it now lasts ${banTerm(ban)}.`],
    actions: [await registerSyncOf(tx, ban.caseId ?? caseFile.id)],
    subjectNotice: null,
    audit: [{ actor: request.issuedBy, action: "ban.taken-over", detail: { ban: ban.id, endsAt: ban.endsAt?.toISOString() ?? null } }],
  };
}
