/**
 * Whether the person a case is about can read the cases repository, followed
 * by account id: a held case can wait for days, and a login can be renamed
 * away or taken by someone else meanwhile.
 */
import { describe, expect, it } from "vitest";
import { subjectCanRead } from "../../src/actions/cases-repo-guard.js";
import type { AccountPermission, RepoPermission } from "../../src/github/port.js";

const CASES = { owner: "acme", repo: "coc-cases" };

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
