/**
 * What a new strike does in its case: the confirmation shows the strike and
 * the person's active count, and when the count reaches `strikes.threshold`
 * the rule's action follows. With `on_threshold: propose` the app opens a
 * `permanent-ban` proposal in the case (the most the policy allows; the
 * committee votes on it, or withdraws it and proposes what it decides). With
 * `on_threshold: ban <length|permanent>` the app bans at once, as an
 * emergency act another committee member must sign off, or it is lifted.
 */
import { appealRouteOf } from "../../messages/people-notices.js";
import type { PlannedAction } from "../../actions/planned-action.js";
import { contentKeyRepo } from "../../cases/plan-flag.js";
import { activeStrikeCount, thresholdReached } from "../../cases/strike-rule.js";
import type { CocConfig } from "../../config/schema.js";
import { describeDuration } from "../../config/duration.js";
import { warningForSubjectNotice } from "../../messages/sanction-notices.js";
import type { ChangeConsequences } from "../../store/case-records.js";
import type { Transaction } from "../../store/database.js";
import { replanDeadlines, timerDurations, type deadlineCaseOf } from "../../store/deadline-jobs.js";
import { issueStrike, strikeName, strikesOf, type NewStrike } from "../../store/strikes.js";
import { formatUtc } from "../../cases/case-state.js";
import { deadlineKey } from "../../deadlines/deadline-rules.js";
import { scheduleDeadline } from "../../store/deadline-jobs.js";
import { banFromCase } from "./ban-subject.js";

/** Who proposes what the strike rule calls for: not a login (brackets cannot be in one), so never a member's vote. */
export const APP_PROPOSER = "[app]";

export interface StrikeConsequences extends ChangeConsequences {
  /** What the case says of the strike and what followed from it. */
  lines: string[];
  /** The subject's notice of the warning; the caller decides whether a decision's notice says it instead. */
  subjectNotice: PlannedAction;
  proposalOpened: boolean;
}

type CaseForStrike = Parameters<typeof deadlineCaseOf>[0] & { id: string; code: string; contentKey: string; subjectLogin: string; subjectId: bigint | null };

/**
 * Issues the strike against the case's subject and answers what the case says of it; `proposalFrom` is the state a
 * threshold proposal may open from (`acknowledged` for `/coc warn`, `decided` for an enacted warning), or null when none can.
 */
export async function strikeAgainstSubject(
  tx: Transaction,
  caseFile: CaseForStrike,
  strike: Pick<NewStrike, "reason" | "issuedBy" | "source" | "issueKey">,
  config: CocConfig,
  now: Date,
  proposalFrom: "acknowledged" | "decided" | null,
): Promise<StrikeConsequences> {
  const account = contentKeyRepo(caseFile.contentKey).owner;
  const subject = { login: caseFile.subjectLogin, id: caseFile.subjectId };
  const issued = await issueStrike(tx, { ...strike, account, subject, caseId: caseFile.id }, now);
  const rule = { threshold: config.strikes.threshold, windowMs: config.strikes.window ?? null };
  const active = activeStrikeCount(await strikesOf(tx, account, subject), rule, now);
  const within = rule.windowMs === null ? "" : ` within ${describeDuration(rule.windowMs)}`;
  const lines = [`Strike **${strikeName(issued.number)}** recorded against \`${caseFile.subjectLogin}\`: ${active} active of the threshold ${rule.threshold}${within}.`];
  const subjectNotice: PlannedAction = {
    kind: "deliver-notice",
    caseId: caseFile.id,
    to: caseFile.subjectLogin,
    ...(caseFile.subjectId !== null ? { accountId: Number(caseFile.subjectId) } : {}),
    about: "subject",
    body: warningForSubjectNotice(caseFile.code, strike.reason, active, rule, appealRouteOf(config.appeals, caseFile.code, now)),
  };
  const audit: NonNullable<ChangeConsequences["audit"]> = [
    { actor: strike.issuedBy, action: "strike.issued", detail: { strike: strikeName(issued.number), account, subject: caseFile.subjectLogin, active } },
  ];
  if (!thresholdReached(active, rule)) return { lines, subjectNotice, audit, proposalOpened: false };
  const onThreshold = config.strikes.on_threshold;
  if (onThreshold.action === "ban") {
    const banned = await banAtThreshold(tx, caseFile, strike.issuedBy, onThreshold.lengthMs, `${strike.issueKey}:threshold-ban`, active, within, config, now);
    return { lines: [...lines, ...banned.lines], subjectNotice, actions: banned.actions, audit: [...audit, ...banned.audit], proposalOpened: false };
  }
  if (proposalFrom === null) {
    lines.push(`That reaches the strike threshold. A proposal is already open here, so the app opens none: withdraw it to put a \`permanent-ban\` to the vote, or decide as you see fit.`);
    audit.push({ actor: "app", action: "strike.threshold-reached", detail: { active, proposal: "none: one is open" } });
    return { lines, subjectNotice, audit, proposalOpened: false };
  }
  const reason = `strike threshold reached: ${active} active strikes${within}`;
  await tx.proposal.create({ data: { caseId: caseFile.id, outcome: "permanent-ban", reason, proposer: APP_PROPOSER, createdAt: now } });
  await tx.case.update({ where: { id: caseFile.id }, data: { state: "decision_proposed", decidedAt: null } });
  const before = deadlineCaseAt(caseFile, proposalFrom, null);
  await replanDeadlines(tx, before, { ...before, state: "decision-proposed", proposedAt: now, decidedAt: null }, timerDurations(config), now);
  lines.push(
    `That reaches the strike threshold (\`strikes.on_threshold: propose\`), so the app proposed \`permanent-ban\` (${reason}). ` +
      "Vote with `/coc approve` or `/coc object`, or `/coc withdraw` it and propose what the committee decides.",
  );
  audit.push({ actor: "app", action: "decision.proposed", detail: { outcome: "permanent-ban", reason } });
  return { lines, subjectNotice, actions: [{ kind: "sync-case-state", caseId: caseFile.id }], audit, proposalOpened: true };
}

function deadlineCaseAt(caseFile: CaseForStrike, state: "acknowledged" | "decided", proposedAt: Date | null) {
  return {
    caseId: caseFile.id,
    state,
    reportedAt: caseFile.createdAt,
    acknowledgedAt: caseFile.acknowledgedAt,
    reopenedAt: caseFile.reopenedAt ?? null,
    proposedAt,
    decidedAt: caseFile.decidedAt ?? null,
    emergencyActions: [],
    timedLocks: [],
  } as const;
}

/** The strike rule's ban: recorded like `/coc ban`, as an emergency act by the app that a committee member signs off. */
async function banAtThreshold(
  tx: Transaction,
  caseFile: CaseForStrike,
  /** Who issued the strike that reached the threshold: they are the act's actor, so another member signs it off. */
  actor: string,
  lengthMs: number | null,
  issueKey: string,
  active: number,
  within: string,
  config: CocConfig,
  now: Date,
): Promise<{ lines: string[]; actions: PlannedAction[]; audit: NonNullable<ChangeConsequences["audit"]> }> {
  const reason = `strike threshold reached: ${active} active strikes${within}`;
  const subject = { login: caseFile.subjectLogin, id: caseFile.subjectId };
  const banned = await banFromCase(tx, caseFile, { subject, lengthMs, reason, issuedBy: "app", issueKey }, config, now);
  if (!banned.ban) return { lines: [`That reaches the strike threshold. ${banned.lines.join(" ")}`], actions: [], audit: [] };
  const due = new Date(now.getTime() + config.deadlines.emergency_signoff);
  const act = await tx.emergencyAct.create({ data: { caseId: caseFile.id, kind: "ban", actor, target: { banId: banned.ban.id }, actedAt: now } });
  await scheduleDeadline(tx, { kind: "emergency-signoff", key: deadlineKey(caseFile.id, "emergency-signoff", act.id), dueAt: due, itemId: act.id, nextUpdateBy: null });
  return {
    lines: [
      `That reaches the strike threshold (\`strikes.on_threshold\`), so the app banned them at once, as an emergency act: ${banned.lines.join(" ")} ` +
        `${actor === "app" ? "A committee member" : `A committee member other than \`${actor}\``} who is not recused must write \`/coc signoff\` by ${formatUtc(due)}, or the ban is lifted.`,
    ],
    actions: [...(banned.actions ?? []), ...(banned.subjectNotice ? [banned.subjectNotice] : [])],
    audit: [...(banned.audit ?? []), { actor: "app", action: "emergency.acted", detail: { kind: "ban", reason } }],
  };
}
