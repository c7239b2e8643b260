/**
 * The names of cached GitHub answers, in one place, so that what caches an
 * answer and what invalidates it cannot disagree. Names are lower-cased:
 * GitHub's are case-insensitive.
 */
import type { RepoRef } from "./port.js";

const name = (repo: RepoRef) => `${repo.owner}/${repo.repo}`.toLowerCase();

export const cacheKeys = {
  ownerConfig: (owner: string) => `config:owner:${owner.toLowerCase()}`,
  repoConfig: (repo: RepoRef) => `config:repo:${name(repo)}`,
  permission: (repo: RepoRef, login: string) => `perm:${name(repo)}:${login.toLowerCase()}`,
  /** Under the permission's own key, so that whatever drops one drops the other. */
  accountPermission: (repo: RepoRef, login: string) => `perm:${name(repo)}:${login.toLowerCase()}#account`,
  /** Every permission on one repository. */
  permissionsOn: (repo: RepoRef) => `perm:${name(repo)}:`,
  /** Every permission in one account (all its repositories). */
  permissionsIn: (owner: string) => `perm:${owner.toLowerCase()}/`,
  team: (org: string, team: string, login: string) => `team:${org.toLowerCase()}/${team.toLowerCase()}:${login.toLowerCase()}`,
  teamMembers: (org: string, team: string) => `team:${org.toLowerCase()}/${team.toLowerCase()}#members`,
  teamsIn: (org: string) => `team:${org.toLowerCase()}/`,
  repository: (repo: RepoRef) => `repo:${name(repo)}`,
  label: (repo: RepoRef, label: string) => `label:${name(repo)}:${label}`,
  deniedSender: (owner: string, login: string) => `denied:${owner.toLowerCase()}:${login.toLowerCase()}`,
  /** Every refused sender in one account: forgotten when who may use commands there changes. */
  deniedIn: (owner: string) => `denied:${owner.toLowerCase()}:`,
};

/** How long each kind of answer is trusted when no webhook says it changed. */
export const CACHE_TTL_MS = {
  /** Pushes to the file's repository invalidate it; a file reached through `_extends` relies on this. */
  config: 5 * 60_000,
  /** Collaborator, team and membership events invalidate; an organization's base permission changes without one. */
  permission: 60_000,
  team: 60_000,
  /** Visibility changes arrive as `repository` events; this bounds a missed one. */
  repository: 60_000,
  label: 24 * 60 * 60_000,
};
