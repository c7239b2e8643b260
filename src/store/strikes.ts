/**
 * The strike ledger: formal warnings against a person, per account (the
 * organization or user whose repositories the conduct happened in), each
 * numbered `S-1`, `S-2`… within its account. A strike is issued once per
 * command or decision, however often that is replayed, and voided in place:
 * the record keeps it, the rule stops counting it.
 */
import { loginKey } from "../cases/logins.js";
import type { Database, Transaction } from "./database.js";

export interface SubjectRef {
  login: string;
  /** The account id, when known: the ledger follows it through a rename. */
  id: bigint | null;
}

export interface NewStrike {
  account: string;
  subject: SubjectRef;
  caseId: string;
  reason: string;
  issuedBy: string;
  source: "warn" | "decision";
  /** The command or decision that issues it. */
  issueKey: string;
}

export type StrikeRow = Awaited<ReturnType<typeof strikesOf>>[number];

/** Records the strike; a replay of the same command or decision finds the one it issued. */
export async function issueStrike(tx: Transaction, strike: NewStrike, now: Date) {
  const account = strike.account.toLowerCase();
  // Numbers are counted per account: one issuer at a time takes the next.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`strikes:${account}`}))`;
  const existing = await tx.strike.findUnique({ where: { issueKey: strike.issueKey } });
  if (existing) return existing;
  const last = await tx.strike.findFirst({ where: { account }, orderBy: { number: "desc" }, select: { number: true } });
  return tx.strike.create({
    data: {
      account,
      number: (last?.number ?? 0) + 1,
      subjectLogin: loginKey(strike.subject.login),
      subjectId: strike.subject.id,
      caseId: strike.caseId,
      reason: strike.reason,
      issuedBy: strike.issuedBy,
      issuedAt: now,
      source: strike.source,
      issueKey: strike.issueKey,
    },
  });
}

/**
 * Every strike against the person in the account, oldest first, with its case's code and issue. Matched by account id
 * where both sides know it, else by login: a renamed person keeps their record, and a login taken over by someone
 * else does not hand them the previous holder's.
 */
export async function strikesOf(db: Database | Transaction, account: string, subject: SubjectRef) {
  const login = loginKey(subject.login);
  const where =
    subject.id === null
      ? { account: account.toLowerCase(), subjectLogin: login }
      : { account: account.toLowerCase(), OR: [{ subjectId: subject.id }, { subjectId: null, subjectLogin: login }] };
  return db.strike.findMany({
    where,
    orderBy: { number: "asc" },
    include: { case: { select: { code: true, casesOwner: true, casesRepo: true, issueNumber: true } } },
  });
}

/** Reads `S-4`, `s4` or `4` as the strike number 4; anything else is undefined. */
export function parseStrikeNumber(text: string): number | undefined {
  const match = /^(?:s-?)?([0-9]{1,9})$/i.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

export function strikeName(number: number): string {
  return `S-${number}`;
}
