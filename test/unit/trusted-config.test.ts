/**
 * How the settings for one repository are put together: the owner's file holds
 * them all (its preset included), the repository's own file may only narrow,
 * and every message names the file it is about.
 */
import { describe, expect, it } from "vitest";
import { loadTrustedConfig } from "../../src/config/trusted-config.js";
import { ConfigReadError } from "../../src/config/config-text.js";
import { defaultCocConfig, PROTECTED_KEYS } from "../../src/config/schema.js";

const REPO = { owner: "acme", repo: "widgets" };
const strict = { allowCrossAccountCases: false };

function files(owner: unknown, repo: unknown) {
  return {
    readOwnerConfig: async () => {
      if (owner instanceof Error) throw owner;
      return owner;
    },
    readRepoConfig: async () => {
      if (repo instanceof Error) throw repo;
      return repo;
    },
  };
}

describe("loadTrustedConfig", () => {
  it("uses the defaults when neither file exists", async () => {
    const result = await loadTrustedConfig(files(null, null), REPO, strict);
    expect(result).toMatchObject({ ok: true, ignoredKeys: [], config: { enabled: true, cases: { repo: "coc-cases" }, flag: { hide: true } } });
  });

  it("lets the repository narrow flag.hide and turn itself off, and reports the protected keys it ignored", async () => {
    const result = await loadTrustedConfig(
      files({ moderators: { users: ["octocat"] } }, { enabled: false, flag: { hide: false }, committee: { team: "mine" }, moderators: { users: ["me"] } }),
      REPO,
      strict,
    );
    expect(result).toEqual({
      ok: true,
      ignoredKeys: ["committee", "moderators"],
      config: { ...defaultCocConfig(), enabled: false, moderators: { teams: [], users: ["octocat"] }, flag: { hide: false } },
    });
  });

  it("ignores the preset, deadlines, decisions and every committee setting in a repository's own file", async () => {
    const owner = { preset: "itk", committee: { escalation_team: "isc-officers" } };
    const result = await loadTrustedConfig(
      files(owner, {
        preset: "contributor-covenant-2.1",
        committee: { quorum: "single", escalation_team: "my-friends", member_involved: "escalate" },
        deadlines: { acknowledge: "52w", resolve: "52w" },
        decisions: { reporter_feedback: "0s", public_notice: "minimal" },
        flag: { hide: false },
      }),
      REPO,
      strict,
    );
    const owners = await loadTrustedConfig(files(owner, null), REPO, strict);
    expect(owners).toMatchObject({ ok: true, config: { preset: "itk", committee: { quorum: "unanimous", escalation_team: "isc-officers", member_involved: "recuse" } } });
    if (!owners.ok) return;
    expect(result).toEqual({
      ok: true,
      ignoredKeys: ["committee", "deadlines", "decisions", "preset"],
      config: { ...owners.config, flag: { hide: false } },
    });
  });

  it("protects every key but enabled and flag, including those added for the committee workflow and sanctions", () => {
    expect([...PROTECTED_KEYS].sort()).toEqual(["_extends", "appeals", "bans", "cases", "committee", "deadlines", "decisions", "moderators", "preset", "strikes"]);
  });

  it("does not apply a preset named only in the repository's own file", async () => {
    const result = await loadTrustedConfig(files(null, { preset: "itk" }), REPO, strict);
    expect(result).toEqual({ ok: true, ignoredKeys: ["preset"], config: defaultCocConfig() });
  });

  it("ignores a protected key whatever its value, even one that would be invalid", async () => {
    const result = await loadTrustedConfig(files(null, { cases: 42, _extends: ["x"] }), REPO, strict);
    expect(result).toMatchObject({ ok: true, ignoredKeys: ["_extends", "cases"] });
  });

  it("names the repository's file in its errors, and still says where the cases repository is", async () => {
    expect(await loadTrustedConfig(files(null, { flag: { hdie: true } }), REPO, strict)).toEqual({
      ok: false,
      message: "`.github/coc.yml` in `acme/widgets` is invalid: `flag.hdie` is not a known setting (`flag` accepts `hide`)",
      casesRepo: { owner: "acme", repo: "coc-cases" },
    });
    expect(await loadTrustedConfig(files(null, { colour: "red" }), REPO, strict)).toMatchObject({
      ok: false,
      message: "`.github/coc.yml` in `acme/widgets` is invalid: `colour` is not a known setting (the file accepts `enabled`, `flag`)",
    });
    expect(await loadTrustedConfig(files(null, new ConfigReadError("not-a-mapping")), REPO, strict)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^`\.github\/coc\.yml` in `acme\/widgets` is invalid: the file must be a mapping/),
    });
  });

  it("names the owner's file in its errors, and then knows no cases repository", async () => {
    expect(await loadTrustedConfig(files({ flag: { hide: "yes" } }, null), REPO, strict)).toEqual({
      ok: false,
      message: '`.github/coc.yml` in `acme/.github` is invalid: `flag.hide` must be true or false (got "yes")',
    });
  });

  it("reads the .github repository's own file once, as the owner's", async () => {
    let repoReads = 0;
    const source = { ...files({ flag: { hide: false } }, null), readRepoConfig: async () => ++repoReads };
    expect(await loadTrustedConfig(source, { owner: "acme", repo: ".github" }, strict)).toMatchObject({ ok: true, config: { flag: { hide: false } } });
    expect(repoReads).toBe(0);
  });

  it("refuses a cases repository in another account unless allowed, case-insensitively", async () => {
    expect(await loadTrustedConfig(files({ cases: { repo: "ACME/cases" } }, null), REPO, strict)).toMatchObject({ ok: true });
    const foreign = files({ cases: { repo: "elsewhere/cases" } }, null);
    expect(await loadTrustedConfig(foreign, REPO, strict)).toMatchObject({ ok: false, message: expect.stringContaining("ALLOW_CROSS_ACCOUNT_CASES=true") });
    expect(await loadTrustedConfig(foreign, REPO, { allowCrossAccountCases: true })).toMatchObject({ ok: true });
  });

  it("lets GitHub failures through, so the job retries rather than running on defaults", async () => {
    const failure = Object.assign(new Error("Bad Gateway"), { status: 502 });
    await expect(loadTrustedConfig(files(null, failure), REPO, strict)).rejects.toMatchObject({ status: 502 });
  });
});
