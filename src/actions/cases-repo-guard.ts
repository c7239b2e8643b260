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

/** @returns whether the subject can read the cases repository (then nothing about the case may be written there). */
export async function subjectCanRead(github: Pick<GitHubPort, "getPermission">, repo: RepoRef, subjectLogin: string): Promise<boolean> {
  return (await github.getPermission(repo, subjectLogin)) !== "none";
}
