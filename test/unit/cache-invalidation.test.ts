/**
 * Which cached answers each invalidating webhook drops: a repository's, under
 * its old name and owner too when it was renamed or transferred, since GitHub
 * answers for it there as well.
 */
import { describe, expect, it } from "vitest";
import { staleKeys } from "../../src/events/cache-invalidation.js";
import { cacheKeys } from "../../src/github/cache-keys.js";
import { repositoryChanged, repositoryPrivatized, repositoryRenamed, repositoryTransferred } from "../factories/webhooks.js";

const answersOn = (owner: string, repo: string) => [
  cacheKeys.repository({ owner, repo }),
  cacheKeys.permissionsOn({ owner, repo }),
  cacheKeys.repoConfig({ owner, repo }),
];

describe("repository webhooks", () => {
  it.each(["publicized", "edited"])("drop the repository's answers when it is %s", (action) => {
    expect(staleKeys("repository", repositoryChanged({ owner: "acme", repo: "coc-cases", action }))).toEqual(answersOn("acme", "coc-cases"));
  });

  it("drop the repository's answers when it is made private", () => {
    expect(staleKeys("repository", repositoryPrivatized({ owner: "acme", repo: "coc-cases" }))).toEqual(answersOn("acme", "coc-cases"));
  });

  it("drop the answers under a renamed repository's old name", () => {
    const keys = staleKeys("repository", repositoryRenamed({ owner: "acme", repo: "coc-cases-archive", from: "coc-cases" }));
    expect(keys).toEqual([...answersOn("acme", "coc-cases-archive"), ...answersOn("acme", "coc-cases")]);
  });

  it.each([
    ["a user", false],
    ["an organization", true],
  ])("drop the answers under a transferred repository's old owner, %s", (_, fromOrganization) => {
    const keys = staleKeys("repository", repositoryTransferred({ owner: "Elsewhere", repo: "coc-cases", from: "Acme", fromOrganization }));
    expect(keys).toEqual([...answersOn("elsewhere", "coc-cases"), ...answersOn("acme", "coc-cases")]);
  });

  it("drop the owners' configuration when their .github repository is renamed or transferred", () => {
    expect(staleKeys("repository", repositoryRenamed({ owner: "acme", repo: "old-github", from: ".github" }))).toContain(cacheKeys.ownerConfig("acme"));
    const moved = staleKeys("repository", repositoryTransferred({ owner: "elsewhere", repo: ".github", from: "acme", fromOrganization: true }));
    expect(moved).toEqual(expect.arrayContaining([cacheKeys.ownerConfig("acme"), cacheKeys.ownerConfig("elsewhere")]));
  });
});
