/**
 * Checked before anything is written to a cases repository, on every attempt:
 * it must be private (not public, not an enterprise's `internal`), and for a
 * case file, the person the case is about must not be able to read it (an
 * organization's base permission, a team, or being a collaborator would let
 * them read who reported them and why). Until both hold, the write waits.
 */
import type { GitHubPort, RepoRef } from "../github/port.js";
import { WaitingError } from "./action-error.js";

export class CasesRepoNotPrivateError extends WaitingError {}

/** The subject can read the cases repository: the case file is held. */
export class SubjectCanReadCasesError extends WaitingError {}

export async function assertPrivate(github: Pick<GitHubPort, "getRepository">, repo: RepoRef): Promise<void> {
  const info = await github.getRepository(repo);
  if (!info) throw new CasesRepoNotPrivateError(`cases repository ${repo.owner}/${repo.repo} does not exist or the app cannot see it`);
  if (!info.private) throw new CasesRepoNotPrivateError(`cases repository ${repo.owner}/${repo.repo} is not private`);
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
