/**
 * Bans a person from a case: the ban is recorded with its timers, the action
 * that enforces it is queued, and the person is told what, why and until
 * when. Shared by `/coc ban`, the ban outcomes and the strike rule's
 * `on_threshold: ban`, so each bans the same way, once per command or decision.
 */
import type { PlannedAction } from "../../actions/planned-action.js";
import { contentKeyRepo } from "../../cases/plan-flag.js";
import type { CocConfig } from "../../config/schema.js";
import { banForSubjectNotice, banTerm } from "../../messages/bans.js";
import { quietLogin } from "../../messages/safe-markdown.js";
import type { ChangeConsequences } from "../../store/case-records.js";
import type { Transaction } from "../../store/database.js";
import { timerDurations } from "../../store/deadline-jobs.js";
import { activeBanOf, recordBan, type BanRow } from "../../store/bans.js";
import type { SubjectRef } from "../../store/strikes.js";

export interface BanRequest {
  subject: SubjectRef;
  lengthMs: number | null;
  reason: string;
  issuedBy: string;
  issueKey: string;
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
  const standing = await activeBanOf(tx, account, request.subject);
  if (standing) {
    return { ban: null, lines: [`${quietLogin(request.subject.login)} is already banned in \`${account}\` ${banTerm(standing)}; \`/coc unban\` first to change it.`], subjectNotice: null };
  }
  const { ban, actions } = await recordBan(tx, { caseId: caseFile.id, account, ...request }, timerDurations(config), now);
  const notice: PlannedAction = {
    kind: "deliver-notice",
    caseId: caseFile.id,
    to: request.subject.login,
    ...(request.subject.id !== null ? { accountId: Number(request.subject.id) } : {}),
    about: "subject",
    body: banForSubjectNotice(caseFile.code, ban, request.reason),
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
