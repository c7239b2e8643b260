/**
 * The committee's record of a case: which case a case issue is, who
 * acknowledged it and when, who handles it, who is recused, and private notes.
 * Every change is written with its audit event and the GitHub actions it
 * needs (the confirmation in the case, the state label) in one transaction.
 */
import type { PlannedAction } from "../actions/planned-action.js";
import { NEW_CASE, type CaseStatus } from "../cases/case-state.js";
import type { RepoRef } from "../github/port.js";
import { recordActions } from "./actions.js";
import { appendAudit, type AuditEntry } from "./audit-log.js";
import { casesScope } from "./cases.js";
import type { Database, Transaction } from "./database.js";

export type CaseRecord = NonNullable<Awaited<ReturnType<typeof findCaseByIssue>>>;

/** The database names states as identifiers; the case core names them as the labels read. */
const CORE_STATE = {
  new: "new",
  acknowledged: "acknowledged",
  decision_proposed: "decision-proposed",
  decided: "decided",
  closed: "closed",
} as const satisfies Record<CaseRecord["state"], CaseStatus["state"]>;

/** The case as the pure state machine (`src/cases/case-state.ts`) sees it. */
export function statusOf(record: Pick<CaseRecord, "state" | "acknowledgedAt" | "acknowledgedBy">): CaseStatus {
  return {
    ...NEW_CASE,
    state: CORE_STATE[record.state],
    acknowledged: record.acknowledgedAt && record.acknowledgedBy ? { by: record.acknowledgedBy, at: record.acknowledgedAt } : null,
  };
}

/** The case whose issue this is, or null (an ordinary issue in the cases repository, or the notice board). */
export async function findCaseByIssue(db: Database, casesRepo: RepoRef, issueNumber: number) {
  return db.case.findFirst({
    where: { casesScope: casesScope(casesRepo), issueNumber },
    include: {
      recusals: { orderBy: { createdAt: "asc" } },
      reports: { select: { reporterLogin: true, createdAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
}

export interface CaseChange {
  /** Applies the change to the case's rows; return false to record nothing (it was already so). */
  apply?(tx: Transaction): Promise<boolean | void>;
  audit: Array<Omit<AuditEntry, "caseId">>;
  actions: PlannedAction[];
}

/**
 * Records one command's effect on a case, once per command: a retried job finds it recorded.
 * @returns false when the command was already recorded
 */
export async function recordCaseChange(db: Database, caseId: string, commandKey: string, change: CaseChange, now: Date): Promise<boolean> {
  const onceKey = `case-command:${commandKey}`;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`case:${caseId}`}))`;
    if (await tx.action.findFirst({ where: { onceKey: { startsWith: `${onceKey}:` } }, select: { id: true } })) return false;
    if (change.apply && (await change.apply(tx)) === false) return false;
    await recordActions(tx, caseId, change.actions, onceKey);
    await appendAudit(tx, change.audit.map((event) => ({ ...event, caseId })), now);
    return true;
  });
}
