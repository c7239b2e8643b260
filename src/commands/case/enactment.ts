/**
 * Enacting a decided case: the app carries out the sanction the decision
 * calls for where it can (a warning is a strike in the ledger), then closes
 * the case with its closing report, the subject's notice and the public
 * notice where the policy asks. Runs inside the transaction of the decision,
 * of `/coc enact` or of the timer that ends the reporter's feedback window,
 * so a replay after a crash enacts once: the strike is keyed by the decision.
 *
 * A warning that brings its subject to the strike threshold keeps the case
 * open with the strike rule's proposal (see `strike-threshold.ts`).
 */
import type { PlannedAction } from "../../actions/planned-action.js";
import { needsSanction, type Outcome } from "../../cases/outcomes.js";
import { describeTerms, readTerms, termsInWords } from "../../cases/sanction-terms.js";
import type { CocConfig } from "../../config/schema.js";
import { deadlineKey } from "../../deadlines/deadline-rules.js";
import { closingReport } from "../../messages/closing-report.js";
import { appealRouteOf, decisionForSubjectNotice, type AppealRoute } from "../../messages/people-notices.js";
import type { ChangeConsequences } from "../../store/case-records.js";
import type { Transaction } from "../../store/database.js";
import { publicNoticeActions } from "./public-notices.js";
import { strikeAgainstSubject } from "./strike-threshold.js";
import { interactionPlaceOf, placeKey } from "./cooldown-place.js";
import { contentKeyRepo } from "../../cases/plan-flag.js";
import { cooldownSetText } from "../../messages/cooldowns.js";
import { recordCooldown } from "../../store/cooldowns.js";
import { banFromCase } from "./ban-subject.js";
import { banTerm } from "../../messages/bans.js";

/** The outcomes whose sanction the app carries out itself; the others wait for the committee to carry them out by hand. */
const APP_ENACTED_SANCTIONS: ReadonlySet<Outcome> = new Set(["warning", "cooldown", "temporary-ban", "permanent-ban"]);

const LENGTH_UNKNOWN = "This decision was recorded before the app kept sanction lengths, so the app does not carry it out: carry it out by hand.";

/** Whether the app can enact the outcome by itself: it needs no sanction, or one the app carries out. */
export function appEnacts(outcome: Outcome): boolean {
  return !needsSanction(outcome) || APP_ENACTED_SANCTIONS.has(outcome);
}

export interface DecidedProposal {
  id: string;
  outcome: Outcome;
  terms: string | null;
  reason: string;
}

export interface EnactableCase {
  id: string;
  code: string;
  contentKey: string;
  subjectLogin: string;
  subjectId: bigint | null;
  createdAt: Date;
  acknowledgedAt: Date | null;
  decidedAt: Date | null;
  reopenedAt: Date | null;
  reports: ReadonlyArray<{ evidence: { url: string } | null }>;
}

export interface Enactment extends ChangeConsequences {
  /** The sanction's terms as the subject's closing notice says them ("for 30 days, until …"), when the sanction words them. */
  noticeTerms?: string;
  /** False when the case stays open (a warning reached the strike threshold and a proposal was opened). */
  closed: boolean;
  /** What the sanction did, for the case ("Strike S-3 recorded …"); empty without one. */
  sanctionLines: string[];
  closingReport: string | null;
}

export async function enactDecided(tx: Transaction, caseFile: EnactableCase, decided: DecidedProposal, config: CocConfig, now: Date): Promise<Enactment> {
  const sanction = await carryOutSanction(tx, caseFile, decided, config, now);
  if (!sanction.closed) return { ...sanction, closingReport: null };
  await tx.case.update({ where: { id: caseFile.id }, data: { state: "closed", closedAt: now, openContentKey: null } });
  await tx.$executeRaw`SELECT graphile_worker.remove_job(${deadlineKey(caseFile.id, "enact")}::text)`;
  return {
    closed: true,
    sanctionLines: sanction.sanctionLines,
    actions: [...(sanction.actions ?? []), { kind: "sync-case-state", caseId: caseFile.id }, ...closingActions(caseFile, decided, config, sanction.noticeTerms, now)],
    audit: [...(sanction.audit ?? []), { actor: "app", action: "case.closed", detail: { outcome: decided.outcome } }],
    closingReport: await closingReportFor(tx, caseFile.id),
  };
}

export async function carryOutSanction(tx: Transaction, caseFile: EnactableCase, decided: DecidedProposal, config: CocConfig, now: Date): Promise<Omit<Enactment, "closingReport">> {
  if (decided.outcome === "cooldown") return coolDown(tx, caseFile, decided, now);
  if (decided.outcome === "temporary-ban" || decided.outcome === "permanent-ban") return ban(tx, caseFile, decided, config, now);
  if (decided.outcome !== "warning") return { closed: true, sanctionLines: [] };
  const struck = await strikeAgainstSubject(
    tx,
    caseFile,
    { reason: decided.reason, issuedBy: "app", source: "decision", issueKey: `decision:${decided.id}` },
    config,
    now,
    "decided",
  );
  // A case that closes tells the subject of the decision; one kept open for the strike rule's proposal tells them of the warning now.
  const actions = struck.proposalOpened ? [struck.subjectNotice, ...(struck.actions ?? [])] : (struck.actions ?? []);
  return { closed: !struck.proposalOpened, sanctionLines: struck.lines, actions, audit: struck.audit ?? [] };
}

/** The decision's cooldown, recorded with the action that sets it; GitHub's refusal, if any, is said in the case when it runs. */
async function coolDown(tx: Transaction, caseFile: EnactableCase, decided: DecidedProposal, now: Date): Promise<Omit<Enactment, "closingReport">> {
  const terms = readTerms("cooldown", decided.terms);
  if (terms?.kind !== "cooldown") return { closed: true, sanctionLines: [LENGTH_UNKNOWN] };
  const caseRepo = contentKeyRepo(caseFile.contentKey);
  const resolved = interactionPlaceOf(terms.place, caseRepo);
  if (!resolved.ok) throw new Error(`case ${caseFile.code}: the cooldown decided has no place: ${resolved.reason}`);
  const recorded = await recordCooldown(tx, { caseId: caseFile.id, place: resolved.place, terms, setBy: "app", issueKey: `decision:${decided.id}:cooldown`, via: caseRepo }, now);
  return {
    closed: true,
    sanctionLines: [`Cooldown: ${cooldownSetText(resolved.name, terms, recorded.endsAt)}`],
    actions: recorded.action ? [recorded.action] : [],
    audit: [{ actor: "app", action: "cooldown.set", detail: { place: placeKey(resolved.place), limit: terms.limit, expiry: terms.expiry } }],
  };
}

/** The decision's ban; the subject's closing notice says until when, in place of the ban's own notice. */
async function ban(tx: Transaction, caseFile: EnactableCase, decided: DecidedProposal, config: CocConfig, now: Date): Promise<Omit<Enactment, "closingReport">> {
  const terms = readTerms(decided.outcome, decided.terms);
  // Decided before lengths were recorded: never guessed (a temporary ban must not become a permanent one).
  if (terms?.kind !== "ban") return { closed: true, sanctionLines: [LENGTH_UNKNOWN] };
  const lengthMs = terms.lengthMs;
  const subject = { login: caseFile.subjectLogin, id: caseFile.subjectId };
  const banned = await banFromCase(tx, caseFile, { subject, lengthMs, reason: decided.reason, issuedBy: "app", issueKey: `decision:${decided.id}:ban`, takesOver: true }, config, now);
  return { closed: true, sanctionLines: banned.lines, actions: banned.actions ?? [], audit: banned.audit ?? [], ...(banned.ban ? { noticeTerms: banTerm(banned.ban) } : {}) };
}

/** What a case's close does on GitHub: its issue closes, the subject hears the decision, and the public notice where the policy asks. */
function closingActions(closed: EnactableCase, decision: DecidedProposal, config: CocConfig, noticeTerms: string | undefined, now: Date): PlannedAction[] {
  return [
    { kind: "close-case-issue", caseId: closed.id },
    subjectNotice(closed, decision, noticeTerms, appealRouteOf(config.appeals, closed.code, closed.decidedAt ?? now)),
    ...publicNoticeActions(config.decisions.public_notice, decision.outcome, evidenceUrlsOf(closed.reports)),
  ];
}

/** The subject hears what was decided and why once it is enacted, never who reported. */
function subjectNotice(closed: EnactableCase, decision: DecidedProposal, noticeTerms: string | undefined, appeal: AppealRoute | null): PlannedAction {
  return {
    kind: "deliver-notice",
    caseId: closed.id,
    to: closed.subjectLogin,
    // Followed by account, not login: a login renamed away and taken by someone else must not receive the notice.
    ...(closed.subjectId !== null ? { accountId: Number(closed.subjectId) } : {}),
    about: "subject",
    body: decisionForSubjectNotice(closed.code, decision.outcome, decision.reason, appeal, noticeTerms ?? describeTerms(readTerms(decision.outcome, decision.terms))),
  };
}

/** The closing report, said in the case issue with the news that it closed (see `closing-report.ts`). */
async function closingReportFor(tx: Transaction, caseId: string): Promise<string | null> {
  const closed = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    include: {
      reports: { include: { evidence: { select: { url: true } } }, orderBy: { createdAt: "asc" } },
      proposals: { where: { status: "decided" }, orderBy: { closedAt: "desc" }, take: 1 },
      affectedParties: { orderBy: { createdAt: "asc" } },
    },
  });
  const decided = closed.proposals[0];
  if (!decided || !closed.closedAt) return null;
  return closingReport({
    code: closed.code,
    subject: closed.subjectLogin,
    affected: closed.affectedParties.map((p) => p.login),
    safetyThreatened: closed.safetyThreatened,
    evidenceUrls: evidenceUrlsOf(closed.reports),
    outcome: decided.outcome,
    terms: termsInWords(decided.outcome, decided.terms),
    reason: decided.reason,
    decidedAt: closed.decidedAt ?? closed.closedAt,
    closedAt: closed.closedAt,
  });
}

/** Where the reported content is, as GitHub gave its address when it was flagged. */
export function evidenceUrlsOf(reports: ReadonlyArray<{ evidence: { url: string } | null }>): string[] {
  return reports.flatMap((r) => (r.evidence ? [r.evidence.url] : []));
}
