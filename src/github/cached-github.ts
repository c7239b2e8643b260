/**
 * The GitHub port with short-lived answers shared by every replica: the
 * configuration files, permissions, team memberships, repository visibility
 * and labels that every command needs are asked of GitHub once, not on every
 * command, so a flag costs only the requests that matter and a stream of
 * commands from people who may not use them costs nothing after the first.
 * Webhooks invalidate what they change (see `cache-invalidation.ts`); the
 * lifetimes in `CACHE_TTL_MS` bound what no webhook announces.
 */
import type { CacheStore } from "../store/github-cache.js";
import { CACHE_TTL_MS, cacheKeys } from "./cache-keys.js";
import type { AccountPermission, GitHubGateway, GitHubPort, LabelSpec, RepoPermission, RepoRef, RepositoryInfo } from "./port.js";

export class CachingGateway implements GitHubGateway {
  constructor(
    private readonly inner: GitHubGateway,
    private readonly cache: CacheStore,
  ) {}

  async forRepository(repo: RepoRef): Promise<GitHubPort> {
    return cachedPort(await this.inner.forRepository(repo), this.cache);
  }
}

function cachedPort(port: GitHubPort, cache: CacheStore): GitHubPort {
  const remembered = async <T>(key: string, ttlMs: number, ask: () => Promise<T>): Promise<T> => {
    const { value, askedAt } = await cache.get(key);
    if (value !== undefined) return value as T;
    const answer = await ask();
    // Stored with the time of the miss: if a webhook invalidated the key while GitHub was asked, the answer may be stale and is not kept.
    await cache.set(key, answer, ttlMs, askedAt);
    return answer;
  };
  return Object.assign(Object.create(port) as GitHubPort, {
    readOwnerConfig: (owner: string, fileName: string) =>
      remembered(cacheKeys.ownerConfig(owner), CACHE_TTL_MS.config, () => port.readOwnerConfig(owner, fileName)),
    readRepoConfig: (repo: RepoRef, fileName: string) =>
      remembered(cacheKeys.repoConfig(repo), CACHE_TTL_MS.config, () => port.readRepoConfig(repo, fileName)),
    getPermission: (repo: RepoRef, login: string) =>
      remembered<RepoPermission>(cacheKeys.permission(repo, login), CACHE_TTL_MS.permission, () => port.getPermission(repo, login)),
    getAccountPermission: (repo: RepoRef, login: string) =>
      remembered<AccountPermission | null>(cacheKeys.accountPermission(repo, login), CACHE_TTL_MS.permission, () =>
        port.getAccountPermission(repo, login),
      ),
    isTeamMember: (org: string, team: string, login: string) =>
      remembered<boolean>(cacheKeys.team(org, team, login), CACHE_TTL_MS.team, () => port.isTeamMember(org, team, login)),
    listTeamMembers: (org: string, team: string) =>
      remembered<string[]>(cacheKeys.teamMembers(org, team), CACHE_TTL_MS.team, () => port.listTeamMembers(org, team)),
    getRepository: (repo: RepoRef) =>
      remembered<RepositoryInfo | null>(cacheKeys.repository(repo), CACHE_TTL_MS.repository, () => port.getRepository(repo)),
    ensureLabel: async (repo: RepoRef, label: LabelSpec) => {
      const key = cacheKeys.label(repo, label.name);
      const { value, askedAt } = await cache.get(key);
      if (value !== undefined) return;
      await port.ensureLabel(repo, label);
      await cache.set(key, true, CACHE_TTL_MS.label, askedAt);
    },
  });
}
