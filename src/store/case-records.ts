/**
 * The committee's record of a case: which case a case issue is, who
 * acknowledged it and when, who handles it, who is recused, and private notes.
 * Every change is written with its audit event and the GitHub actions it
 * needs (the confirmation in the case, the state label) in one transaction.
 */
import type { PlannedAction } from "../actions/planned-action.js";
import { NEW_CASE, type CaseStatus } from "../cases/case-state.js";
import { isOutcome } from "../cases/outcomes.js";
import type { RepoRef } from "../github/port.js";
import { recordActions } from "./actions.js";
import { appendAudit, type AuditEntry } from "./audit-log.js";
import { casesScope } from "./cases.js";
import type { Database, Transaction } from "./database.js";
import type { Prisma } from "../generated/prisma/client.js";

export type CaseRecord = NonNullable<Awaited<ReturnType<typeof findCaseByIssue>>>;

/** The database names states as identifiers; the case core names them as the labels read. */
const CORE_STATE = {
  new: "new",
  acknowledged: "acknowledged",
  decision_proposed: "decision-proposed",
  decided: "decided",
  closed: "closed",
} as const satisfies Record<CaseRecord["state"], CaseStatus["state"]>;

export const DATABASE_STATE = Object.fromEntries(Object.entries(CORE_STATE).map(([db, core]) => [core, db])) as {
  [K in keyof typeof CORE_STATE as (typeof CORE_STATE)[K]]: K;
};

type StatusFields = Pick<CaseRecord, "state" | "acknowledgedAt" | "acknowledgedBy" | "decidedAt" | "closedAt"> & {
  proposals?: Array<{ outcome: string; proposer: string; createdAt: Date }>;
};

/** The case as the pure state machine (`src/cases/case-state.ts`) sees it. */
export function statusOf(record: StatusFields): CaseStatus {
  const latest = record.proposals?.[0];
  return {
    ...NEW_CASE,
    state: CORE_STATE[record.state],
    acknowledged: record.acknowledgedAt && record.acknowledgedBy ? { by: record.acknowledgedBy, at: record.acknowledgedAt } : null,
    proposal: latest && isOutcome(latest.outcome) ? { by: latest.proposer, at: latest.createdAt, outcome: latest.outcome } : null,
    decidedAt: record.decidedAt,
    closedAt: record.closedAt,
  };
}

/** The case whose issue this is, or null (an ordinary issue in the cases repository, or the notice board). */
export async function findCaseByIssue(db: Database | Transaction, casesRepo: RepoRef, issueNumber: number) {
  return db.case.findFirst({
    where: { casesScope: casesScope(casesRepo), issueNumber },
    include: CASE_RECORD_INCLUDE,
  });
}

/**
 * What a command decided on, in one string: if it differs inside the command's transaction, another
 * command changed the case meanwhile (a vote, a withdrawal, a recusal) and the command runs again.
 */
export function caseVersion(record: CaseRecord): string {
  const proposal = record.proposals[0];
  return JSON.stringify([
    record.state,
    record.updatedAt.toISOString(),
    record.recusals.map((r) => r.login),
    record.affectedParties.map((p) => p.login),
    proposal ? [proposal.id, proposal.status, proposal.votes.map((v) => [v.login, v.choice])] : null,
  ]);
}

/** Whether this command already changed the case (its job is running again after a later command failed). */
export async function caseCommandRecorded(db: Database, commandKey: string): Promise<boolean> {
  return (await db.action.findFirst({ where: { onceKey: { startsWith: `case-command:${commandKey}:` } }, select: { id: true } })) !== null;
}

/** The case changed between the command reading it and recording its effect: the job runs the command again. */
export class CaseChangedError extends Error {
  override readonly name = "CaseChangedError";
}

const CASE_RECORD_INCLUDE = {
  recusals: { orderBy: { createdAt: "asc" } },
  affectedParties: { orderBy: { createdAt: "asc" } },
  reports: {
    select: { reporterLogin: true, createdAt: true, evidence: { select: { url: true, nodeId: true, contentKind: true } } },
    orderBy: { createdAt: "asc" },
  },
  proposals: {
    where: { status: { in: ["open", "decided"] } },
    include: { votes: { orderBy: { castAt: "asc" } } },
    // The strike rule's proposal may open in the transaction that decided the one before it, at the same time:
    // the open one is the case's current proposal.
    orderBy: [{ createdAt: "desc" }, { status: "desc" }],
    take: 1,
  },
} as const satisfies Prisma.CaseInclude;

/** What applying a change found it must also do (a vote that reached quorum decides the case). */
export interface ChangeConsequences {
  actions?: PlannedAction[];
  audit?: Array<Omit<AuditEntry, "caseId">>;
  /** Said in the confirmation, after its own text. */
  reply?: string;
}

export interface CaseChange {
  /** Applies the change to the case's rows; return false to record nothing (it was already so). */
  apply?(tx: Transaction): Promise<boolean | void | ChangeConsequences>;
  audit: Array<Omit<AuditEntry, "caseId">>;
  /** The actions to record, given what applying the change added to the reply. */
  actions(extraReply: string | null): PlannedAction[];
}

/**
 * Records one command's effect on a case, once per command: a retried job finds it recorded.
 * @returns false when the command was already recorded
 */
export async function recordCaseChange(db: Database, read: CaseRecord, commandKey: string, change: CaseChange, now: Date): Promise<boolean> {
  const onceKey = `case-command:${commandKey}`;
  const caseId = read.id;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`case:${caseId}`}))`;
    if (await tx.action.findFirst({ where: { onceKey: { startsWith: `${onceKey}:` } }, select: { id: true } })) return false;
    const current = await tx.case.findUnique({ where: { id: caseId }, include: CASE_RECORD_INCLUDE });
    if (!current || caseVersion(current) !== caseVersion(read)) throw new CaseChangedError(`case ${read.code} changed while the command ran; it runs again`);
    const applied = change.apply ? await change.apply(tx) : undefined;
    if (applied === false) return false;
    const more: ChangeConsequences = typeof applied === "object" ? applied : {};
    // The same action twice (a vote that decides also asks for the state label) is recorded once.
    const actions = [...(more.actions ?? []), ...change.actions(more.reply ?? null)];
    const unique = actions.filter((action, i) => actions.findIndex((other) => JSON.stringify(other) === JSON.stringify(action)) === i);
    await recordActions(tx, caseId, unique, onceKey);
    await appendAudit(tx, [...change.audit, ...(more.audit ?? [])].map((event) => ({ ...event, caseId })), now);
    return true;
  });
}
