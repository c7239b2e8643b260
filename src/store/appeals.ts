/**
 * Appeals in the database: the cases a signed-in person is the subject of,
 * the decisions of a case that can be appealed, and the appeals themselves.
 * Identity rests on the GitHub account id (logins can be renamed and reused);
 * only cases recorded before ids were kept fall back to the login.
 */
import { Prisma } from "../generated/prisma/client.js";
import type { DecisionFacts } from "../cases/appealable.js";
import type { PlannedAction } from "../actions/planned-action.js";
import { recordActionsOnce } from "./actions.js";
import { appendAudit, type AuditEntry } from "./audit-log.js";
import type { Database, Transaction } from "./database.js";

export interface SignedInPerson {
  id: string;
  login: string;
}

/** The cases with this code whose subject is this person (one, unless two cases repositories use the same code). */
export async function casesOfSubject(db: Database, code: string, person: SignedInPerson) {
  return db.case.findMany({
    where: {
      code: code.toUpperCase(),
      OR: [{ subjectId: BigInt(person.id) }, { subjectId: null, subjectLogin: person.login.toLowerCase() }],
    },
    select: { id: true, code: true, casesOwner: true, casesRepo: true, contentKey: true, state: true, subjectLogin: true },
    orderBy: { createdAt: "asc" },
  });
}

export type SubjectCase = Awaited<ReturnType<typeof casesOfSubject>>[number];

export async function decisionFactsOf(db: Database | Transaction, caseId: string): Promise<DecisionFacts> {
  const [proposals, strikes, bans, acts] = await Promise.all([
    db.proposal.findMany({ where: { caseId, status: "decided" }, include: { votes: { select: { login: true } } }, orderBy: { createdAt: "asc" } }),
    db.strike.findMany({ where: { caseId, source: "warn" }, orderBy: { issuedAt: "asc" } }),
    db.ban.findMany({ where: { caseId, issueKey: { startsWith: "ban:" } }, orderBy: { startsAt: "asc" } }),
    db.emergencyAct.findMany({ where: { caseId, kind: "ban" }, select: { target: true, signedOffBy: true } }),
  ]);
  const signOffOf = (banId: string) => acts.find((a) => (a.target as { banId?: string }).banId === banId)?.signedOffBy ?? null;
  return {
    decisions: proposals.map((p) => ({
      id: p.id,
      outcome: p.outcome,
      terms: p.terms,
      reason: p.reason,
      proposer: p.proposer,
      voters: p.votes.map((v) => v.login),
      decidedAt: p.closedAt ?? p.createdAt,
    })),
    warnings: strikes.map((s) => ({ issueKey: s.issueKey, name: `S-${s.number}`, reason: s.reason, issuedBy: s.issuedBy, issuedAt: s.issuedAt, voided: s.voidedAt !== null })),
    emergencyBans: bans.map((b) => ({
      issueKey: b.issueKey,
      reason: b.reason,
      issuedBy: b.issuedBy,
      signedOffBy: signOffOf(b.id),
      startsAt: b.startsAt,
      endsAt: b.endsAt,
      lifted: b.liftedAt !== null,
    })),
  };
}

export async function appealsOfCase(db: Database | Transaction, caseId: string) {
  return db.appeal.findMany({ where: { caseId }, orderBy: { number: "asc" } });
}

export type AppealRow = Awaited<ReturnType<typeof appealsOfCase>>[number];

export interface NewAppeal {
  caseId: string;
  decisionKey: string;
  appellant: SignedInPerson;
  body: string;
}

/**
 * Records an appeal with what it sets off (its post in the case, and its audit event) in one
 * transaction. Null when the decision was appealed already: one appeal per decision.
 */
export async function recordAppeal(
  db: Database,
  appeal: NewAppeal,
  consequences: (number: number) => { actions: PlannedAction[]; audit: Omit<AuditEntry, "caseId">[] },
  now: Date,
): Promise<AppealRow | null> {
  try {
    return await db.$transaction(async (tx) => {
      // Numbers are given one at a time per case.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`appeal:${appeal.caseId}`}))`;
      const last = await tx.appeal.findFirst({ where: { caseId: appeal.caseId }, orderBy: { number: "desc" }, select: { number: true } });
      const number = (last?.number ?? 0) + 1;
      const row = await tx.appeal.create({
        data: { caseId: appeal.caseId, decisionKey: appeal.decisionKey, number, appellantId: BigInt(appeal.appellant.id), appellantLogin: appeal.appellant.login, body: appeal.body, filedAt: now },
      });
      const { actions, audit } = consequences(number);
      await recordActionsOnce(tx, appeal.caseId, actions.map((action, i) => ({ action, onceKey: `appeal:${row.id}:${i}` })));
      await appendAudit(tx, audit.map((entry) => ({ ...entry, caseId: appeal.caseId })), now);
      return row;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return null;
    throw error;
  }
}

export function appealName(number: number): string {
  return `A-${number}`;
}
