/**
 * The cases repository must be the one the configuration names: GitHub answers
 * for a renamed or transferred repository under its old name, so a private
 * answer proves nothing about the repository the name now leads to.
 */
import { describe, expect, it } from "vitest";
import { assertPrivate, CasesRepoNotPrivateError } from "../../src/actions/cases-repo-guard.js";
import { WaitingError } from "../../src/actions/action-error.js";
import { InMemoryGitHub } from "../../src/github/in-memory-github.js";

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
