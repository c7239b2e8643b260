/**
 * What the committee already knows about a case's subject, for the history
 * every new case file shows: their earlier cases in the same cases repository
 * (with what was decided), their strikes in the account's ledger, voided
 * ones included, and their bans in the account, ended ones included. Found by account id where it is known, so a renamed person
 * keeps their history and a login taken over by someone else does not inherit it.
 */
import { contentKeyRepo } from "../cases/plan-flag.js";
import type { Database } from "./database.js";
import { strikesOf } from "./strikes.js";

/** Enough for the committee to see a pattern; the rest are counted, not listed. */
export const HISTORY_LIMIT = 20;

export async function subjectHistory(db: Database, view: { id: string; casesScope: string; contentKey: string; subjectLogin: string; subjectId: bigint | null }) {
  const account = contentKeyRepo(view.contentKey).owner;
  const subject = { login: view.subjectLogin, id: view.subjectId };
  const sameSubject =
    view.subjectId === null ? [{ subjectLogin: view.subjectLogin }] : [{ subjectId: view.subjectId }, { subjectId: null, subjectLogin: view.subjectLogin }];
  const where = { casesScope: view.casesScope, id: { not: view.id }, OR: sameSubject };
  const banWho = view.subjectId === null ? [{ subjectLogin: view.subjectLogin.toLowerCase() }] : [{ subjectId: view.subjectId }, { subjectId: null, subjectLogin: view.subjectLogin.toLowerCase() }];
  const [cases, caseCount, strikes, bans] = await Promise.all([
    db.case.findMany({
      where,
      orderBy: { createdAt: "desc" },
      take: HISTORY_LIMIT,
      select: {
        code: true,
        casesOwner: true,
        casesRepo: true,
        issueNumber: true,
        state: true,
        createdAt: true,
        proposals: { where: { status: "decided" }, orderBy: { closedAt: "desc" }, take: 1, select: { outcome: true, terms: true } },
      },
    }),
    db.case.count({ where }),
    strikesOf(db, account, subject),
    db.ban.findMany({
      where: { account, OR: banWho },
      orderBy: { startsAt: "desc" },
      take: HISTORY_LIMIT,
      include: { case: { select: { code: true, casesOwner: true, casesRepo: true, issueNumber: true } } },
    }),
  ]);
  return { account, cases, caseCount, strikes, bans };
}

export type SubjectHistory = Awaited<ReturnType<typeof subjectHistory>>;
