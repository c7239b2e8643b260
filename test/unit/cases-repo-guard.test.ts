/**
 * What is checked before anything is written to a cases repository. It must be
 * the one the configuration names: GitHub answers for a renamed or transferred
 * repository under its old name, so a private answer proves nothing about the
 * repository the name now leads to. And the person a case is about must not be
 * able to read it, followed by account id: a held case can wait for days, and
 * a login can be renamed away or taken by someone else meanwhile.
 */
import { describe, expect, it } from "vitest";
import { WaitingError } from "../../src/actions/action-error.js";
import { assertPrivate, CasesRepoNotPrivateError, subjectCanRead } from "../../src/actions/cases-repo-guard.js";
import { InMemoryGitHub } from "../../src/github/in-memory-github.js";
import type { AccountPermission, RepoPermission } from "../../src/github/port.js";

const CASES = { owner: "acme", repo: "coc-cases" };

describe("assertPrivate", () => {
  it("lets a write through to the private repository the configuration names, whatever the letter case", async () => {
    const github = new InMemoryGitHub();
    github.addRepository({ owner: "Acme", repo: "CoC-Cases" }, { private: true });
    await expect(assertPrivate(github, CASES)).resolves.toBeUndefined();
  });

  it("holds the write when the cases repository was renamed, though GitHub still answers for it and it is private", async () => {
    const github = new InMemoryGitHub();
    github.addRepository(CASES, { private: true });
    github.moveRepository(CASES, { owner: "acme", repo: "coc-cases-2025" });
    expect(await github.getRepository(CASES)).toMatchObject({ owner: "acme", repo: "coc-cases-2025", private: true });

    const refused = assertPrivate(github, CASES);
    await expect(refused).rejects.toBeInstanceOf(CasesRepoNotPrivateError);
    await expect(refused).rejects.toBeInstanceOf(WaitingError);
    await expect(refused).rejects.toThrow("cases repository acme/coc-cases was moved or renamed (GitHub answers for acme/coc-cases-2025)");
  });

  it("holds the write when the cases repository was transferred to another account", async () => {
    const github = new InMemoryGitHub();
    github.addRepository(CASES, { private: true });
    github.moveRepository(CASES, { owner: "someone-else", repo: "coc-cases" });
    await expect(assertPrivate(github, CASES)).rejects.toThrow(/acme\/coc-cases was moved or renamed \(GitHub answers for someone-else\/coc-cases\)/);
  });

  it("judges a repository that took the old name by itself", async () => {
    const github = new InMemoryGitHub();
    github.addRepository(CASES, { private: true });
    github.moveRepository(CASES, { owner: "acme", repo: "coc-cases-2025" });
    github.addRepository(CASES, { private: false });
    await expect(assertPrivate(github, CASES)).rejects.toThrow("cases repository acme/coc-cases is not private");
  });
});

/** A GitHub where each login belongs to an account with a permission on the cases repository. */
function github(accounts: Record<string, { id: number; permission: RepoPermission }>) {
  return {
    asked: [] as string[],
    async getAccountPermission(_repo: unknown, login: string): Promise<AccountPermission | null> {
      this.asked.push(login);
      const account = accounts[login];
      return account ? { permission: account.permission, accountId: account.id } : null;
    },
    async loginOfAccount(id: number): Promise<string | null> {
      return Object.entries(accounts).find(([, account]) => account.id === id)?.[0] ?? null;
    },
  };
}

describe("subjectCanRead", () => {
  it("asks about the login alone while it still belongs to the subject", async () => {
    const world = github({ tom: { id: 1, permission: "none" } });
    expect(await subjectCanRead(world, CASES, { login: "tom", accountId: 1 })).toBe(false);
    expect(world.asked).toEqual(["tom"]);
  });

  it("follows the account when its old login was taken by someone else", async () => {
    const world = github({ tom: { id: 2, permission: "none" }, "tom-anew": { id: 1, permission: "read" } });
    expect(await subjectCanRead(world, CASES, { login: "tom", accountId: 1 })).toBe(true);
    expect(world.asked).toEqual(["tom", "tom-anew"]);
  });

  it("counts a deleted account as unable to read", async () => {
    expect(await subjectCanRead(github({}), CASES, { login: "tom", accountId: 1 })).toBe(false);
  });

  it("holds a case whose subject has no known account id when their login names nobody", async () => {
    expect(await subjectCanRead(github({}), CASES, { login: "tom", accountId: null })).toBe(true);
  });
});
