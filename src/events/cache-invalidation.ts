/**
 * Webhooks that say a cached GitHub answer changed, and the cached answers
 * they remove, for every replica at once (the cache lives in the database):
 *
 * - `push` to a repository's default branch: its `.github/coc.yml` may have
 *   changed (and, for an owner's `.github` repository, the owner's file);
 * - `member`, `membership`, `organization`, `team`: who may flag, and who can
 *   read a cases repository;
 * - `repository`: a repository made public, private, renamed or moved (under
 *   its old name as well as its new one).
 */
import type { EmitterWebhookEvent } from "@octokit/webhooks";
import { cacheKeys } from "../github/cache-keys.js";
import type { RepoRef } from "../github/port.js";
import type { CacheStore } from "../store/github-cache.js";

export const INVALIDATING_EVENTS = [
  "push",
  "member",
  "membership",
  "organization.member_added",
  "organization.member_removed",
  "organization.member_invited",
  "team",
  "repository",
] as const;

type Payload = Record<string, any>;

/** The cached answers a webhook makes stale, as key prefixes. */
export function staleKeys(name: string, payload: Payload): string[] {
  const repo = payload.repository ? { owner: String(payload.repository.owner?.login ?? ""), repo: String(payload.repository.name ?? "") } : null;
  const org = String(payload.organization?.login ?? repo?.owner ?? "");
  const login = typeof payload.member?.login === "string" ? payload.member.login : typeof payload.membership?.user?.login === "string" ? payload.membership.user.login : null;
  switch (name) {
    case "push": {
      if (!repo || payload.ref !== `refs/heads/${payload.repository.default_branch}`) return [];
      // The owner's file says who the moderators are: people refused before may now be among them.
      return [cacheKeys.repoConfig(repo), ...(repo.repo.toLowerCase() === ".github" ? [cacheKeys.ownerConfig(repo.owner), cacheKeys.deniedIn(repo.owner)] : [])];
    }
    case "member":
      return repo && login ? [cacheKeys.permission(repo, login), cacheKeys.deniedSender(repo.owner, login)] : [];
    case "membership":
    case "organization":
      // Team and organization membership can change a person's permission on every repository of the owner.
      return login && org ? [cacheKeys.permissionsIn(org), cacheKeys.teamsIn(org), cacheKeys.deniedIn(org)] : [];
    case "team":
      return [...(repo ? [cacheKeys.permissionsOn(repo)] : org ? [cacheKeys.permissionsIn(org)] : []), ...(org ? [cacheKeys.deniedIn(org)] : [])];
    case "repository":
      return repo ? repositoryKeys(repo, payload) : [];
    default:
      return [];
  }
}

/**
 * Every action (made public or private, edited, renamed, transferred, archived, deleted) drops
 * what is cached under the repository's name. A rename or transfer also drops what is cached under
 * the name it had: GitHub answers for it there too, and the answers changed. When either name is
 * an owner's `.github` repository, that owner's configuration file appeared or went with it.
 */
function repositoryKeys(repo: RepoRef, payload: Payload): string[] {
  const oldName = payload.changes?.repository?.name?.from;
  const oldOwner = payload.changes?.owner?.from?.organization?.login ?? payload.changes?.owner?.from?.user?.login;
  const names = [repo];
  if (typeof oldName === "string" || typeof oldOwner === "string") {
    names.push({ owner: typeof oldOwner === "string" ? oldOwner : repo.owner, repo: typeof oldName === "string" ? oldName : repo.repo });
  }
  return names.flatMap((name) => [
    cacheKeys.repository(name),
    cacheKeys.permissionsOn(name),
    cacheKeys.repoConfig(name),
    ...(name.repo.toLowerCase() === ".github" ? [cacheKeys.ownerConfig(name.owner)] : []),
  ]);
}

export async function invalidateCache(cache: CacheStore, webhook: Pick<EmitterWebhookEvent, "name" | "payload">): Promise<void> {
  await cache.forget(staleKeys(webhook.name, webhook.payload as Payload));
}
