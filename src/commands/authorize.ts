/**
 * Who may use moderator commands such as `/coc flag`: anyone with write,
 * maintain or admin permission on the repository, plus the teams and users the
 * configuration lists. Anyone else's command has no effect and gets no reply.
 */
import type { GitHubPort, RepoPermission, RepoRef } from "../github/port.js";

const MODERATOR_PERMISSIONS: ReadonlySet<RepoPermission> = new Set(["admin", "maintain", "write"]);

export interface ModeratorList {
  teams: string[];
  users: string[];
}

export function permissionAllowsModeration(permission: RepoPermission): boolean {
  return MODERATOR_PERMISSIONS.has(permission);
}

export function listedAsModerator(login: string, moderators: ModeratorList): boolean {
  const wanted = login.toLowerCase();
  return moderators.users.some((user) => user.toLowerCase() === wanted);
}

/**
 * @param permission the author's permission on the repository when already asked for (the comment
 *   job asks while it reads the configuration, so neither waits for the other)
 */
export async function isModerator(
  github: Pick<GitHubPort, "getPermission" | "isTeamMember">,
  repo: RepoRef,
  login: string,
  moderators: ModeratorList,
  permission: Promise<RepoPermission> = github.getPermission(repo, login),
): Promise<boolean> {
  if (listedAsModerator(login, moderators)) return true;
  if (permissionAllowsModeration(await permission)) return true;
  for (const team of moderators.teams) {
    if (await github.isTeamMember(repo.owner, team, login)) return true;
  }
  return false;
}
