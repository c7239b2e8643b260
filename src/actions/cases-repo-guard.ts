/**
 * Checked before anything is written to a cases repository, on every attempt:
 * it must be private (not public, not an enterprise's `internal`), it must be
 * the repository the configuration names (not one it was renamed or moved
 * to), and for a case file, the person the case is about must not be able to
 * read it (an organization's base permission, a team, or being a collaborator
 * would let them read who reported them and why). Until all hold, the write
 * waits.
 */
import type { GitHubPort, RepoRef, RepositoryInfo } from "../github/port.js";
import { WaitingError } from "./action-error.js";

export class CasesRepoNotPrivateError extends WaitingError {}

/** The subject can read the cases repository: the case file is held. */
export class SubjectCanReadCasesError extends WaitingError {}

/** Why nothing may be written to the cases repository now, or null when it may. */
export async function casesRepoProblem(github: Pick<GitHubPort, "getRepository">, repo: RepoRef): Promise<string | null> {
  const name = `${repo.owner}/${repo.repo}`;
  const info = await github.getRepository(repo);
  if (!info) return `cases repository ${name} does not exist or the app cannot see it`;
  // GitHub answers for a renamed or transferred repository under its old name. Where it went, who
  // can read it is decided anew (another account's members, say), and what a write to the old name
  // reaches is GitHub's redirect, not a choice anyone made for cases: nothing goes through it.
  if (!isNamed(info, repo)) {
    return `cases repository ${name} was moved or renamed (GitHub answers for ${info.owner}/${info.repo}); nothing is written there until a private repository has that name again`;
  }
  if (!info.private) return `cases repository ${name} is not private`;
  return null;
}

export async function assertPrivate(github: Pick<GitHubPort, "getRepository">, repo: RepoRef): Promise<void> {
  const problem = await casesRepoProblem(github, repo);
  if (problem) throw new CasesRepoNotPrivateError(problem);
}

/** GitHub's names are case-insensitive. */
function isNamed(info: RepositoryInfo, repo: RepoRef): boolean {
  return info.owner.toLowerCase() === repo.owner.toLowerCase() && info.repo.toLowerCase() === repo.repo.toLowerCase();
}

/** The person a case is about: the login GitHub showed, and the account id that survives a rename. */
export interface Subject {
  login: string;
  /** Null on cases recorded before ids were kept, and for content of a deleted account. */
  accountId: number | null;
}

type AccessPort = Pick<GitHubPort, "getAccountPermission" | "loginOfAccount">;

/**
 * @returns whether the subject can read the cases repository (then nothing about the case may be
 *   written there). A case can wait for days, and meanwhile its subject may rename their account
 *   (the old login then names nobody, or someone else): the account is followed by its id. When
 *   who the subject is now cannot be told, the answer is yes, and the case stays held.
 */
export async function subjectCanRead(github: AccessPort, repo: RepoRef, subject: Subject): Promise<boolean> {
  const byLogin = await github.getAccountPermission(repo, subject.login);
  if (byLogin && (subject.accountId === null || byLogin.accountId === subject.accountId)) return byLogin.permission !== "none";
  if (subject.accountId === null) return true;
  const currentLogin = await github.loginOfAccount(subject.accountId);
  // The account is gone: nobody reads anything as its subject any more.
  if (currentLogin === null) return false;
  const now = await github.getAccountPermission(repo, currentLogin);
  return now === null || now.accountId !== subject.accountId || now.permission !== "none";
}
