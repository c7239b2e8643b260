/**
 * Private reports from the report form (`/report`): kept the moment they are
 * sent, with the job that files them queued in the same transaction, so a
 * report is never lost between the form and its case; then linked to the case
 * it opened or joined, and read back for its reporter's receipt page.
 */
import { randomBytes } from "node:crypto";
import { enqueueJobs } from "../actions/job-queue.js";
import type { RecordedFlag } from "./cases.js";
import { appendAudit } from "./audit-log.js";
import type { Database, Transaction } from "./database.js";

/** What the reporter wrote, checked (see `src/reports/report-form.ts`). */
export interface PrivateReportFields {
  whatHappened: string;
  links: string[];
  happenedWhen: string;
  people: string;
  ongoing: "yes" | "no" | "unsure";
  inDanger: boolean;
  anonymous: boolean;
  /** Lower-cased logins. */
  excludedLogins: string[];
  desiredOutcome: string;
}

export interface Reporter {
  /** The GitHub account id, as the session has it. */
  accountId: string;
  login: string;
}

/** Recusals the reporter asked for are recorded with this reason. */
export const EXCLUDED_BY_REPORTER = "reporter-excluded";

/** Retried with the queue's backoff for about a day: GitHub may be down, the report must still be filed. */
const FILE_JOB_MAX_ATTEMPTS = 15;

/** @returns the receipt id */
export async function recordPrivateReport(db: Database, reporter: Reporter, fields: PrivateReportFields, now: Date): Promise<string> {
  // 128 random bits in hex: unguessable, and plain enough for an address.
  const id = randomBytes(16).toString("hex");
  await db.$transaction(async (tx) => {
    await tx.privateReport.create({ data: { id, accountId: BigInt(reporter.accountId), reporterLogin: reporter.login, ...fields, createdAt: now } });
    await enqueueJobs(tx, [{ task: "file-private-report", payload: { id }, jobKey: `private-report:${id}`, maxAttempts: FILE_JOB_MAX_ATTEMPTS, priority: 0 }]);
    // The reporter's login goes to the audit log as the actor, as for a flag; the text stays in its table.
    await appendAudit(tx, [{ actor: reporter.login, action: "private-report.received", caseId: null, detail: { receipt: id } }], now);
  });
  return id;
}

export async function loadPrivateReport(db: Database, id: string) {
  return db.privateReport.findUnique({ where: { id } });
}
export type StoredPrivateReport = NonNullable<Awaited<ReturnType<typeof loadPrivateReport>>>;

/** The key its report is recorded under, so that a retried job files it once. */
export function privateReportKey(id: string): string {
  return `private-report:${id}`;
}

/** In the transaction that records its report: the private report points at its case, and the members it excludes are recused. */
export async function linkPrivateReport(tx: Transaction, report: StoredPrivateReport, outcome: RecordedFlag, now: Date): Promise<void> {
  await tx.privateReport.update({ where: { id: report.id }, data: { status: "filed", failure: null, caseId: outcome.caseId, reportId: outcome.reportId, filedAt: now } });
  const excluded = excludedLogins(report);
  if (excluded.length === 0) return;
  await tx.caseRecusal.createMany({
    data: excluded.map((login) => ({ caseId: outcome.caseId, login, reason: EXCLUDED_BY_REPORTER, createdAt: now })),
    skipDuplicates: true,
  });
  await appendAudit(tx, [{ actor: report.reporterLogin, action: "case.recused-by-reporter", caseId: outcome.caseId, detail: { reportId: outcome.reportId, count: excluded.length } }], now);
}

/** The report could not be filed (its content is gone, the app is not installed there): its receipt says why. */
export async function markPrivateReportFailed(db: Database, id: string, failure: string, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const updated = await tx.privateReport.updateMany({ where: { id, status: "received" }, data: { status: "failed", failure } });
    if (updated.count > 0) await appendAudit(tx, [{ actor: "app", action: "private-report.not-filed", caseId: null, detail: { receipt: id } }], now);
  });
}

export function excludedLogins(report: Pick<StoredPrivateReport, "excludedLogins">): string[] {
  return Array.isArray(report.excludedLogins) ? report.excludedLogins.filter((login): login is string => typeof login === "string") : [];
}

export function reportLinks(report: Pick<StoredPrivateReport, "links">): string[] {
  return Array.isArray(report.links) ? report.links.filter((link): link is string => typeof link === "string") : [];
}

/**
 * The receipt of a private report, for its reporter only: null for anyone else, exactly as for an id
 * that does not exist, so that nobody learns whether a report exists. Only this report's case state,
 * and the notices the app recorded for this reporter: nothing of the subject, the committee's work
 * or other reporters.
 */
export async function loadReceipt(db: Database, id: string, accountId: string) {
  if (!/^[0-9a-f]{32}$/.test(id) || !/^[0-9]+$/.test(accountId)) return null;
  const report = await db.privateReport.findFirst({
    where: { id, accountId: BigInt(accountId) },
    include: { case: { select: { code: true, state: true, acknowledgedAt: true, decidedAt: true, closedAt: true } } },
  });
  if (!report) return null;
  const notices = report.caseId
    ? await db.action.findMany({ where: { caseId: report.caseId, kind: "deliver-notice" }, orderBy: { createdAt: "asc" }, select: { payload: true, createdAt: true } })
    : [];
  const mine = notices.flatMap(({ payload, createdAt }) => {
    const notice = payload as { about?: unknown; to?: unknown; body?: unknown };
    const forMe = notice.about === "reporter" && typeof notice.to === "string" && notice.to.toLowerCase() === report.reporterLogin.toLowerCase();
    return forMe && typeof notice.body === "string" ? [{ body: notice.body, at: createdAt }] : [];
  });
  return { report, notices: mine };
}
export type Receipt = NonNullable<Awaited<ReturnType<typeof loadReceipt>>>;
