/**
 * The Octokit adapter's read verbs against GitHub's real wire format (strict
 * nock, every request checked against GitHub's REST and GraphQL descriptions):
 * the configuration `/coc flag` runs with, who may run it, and the evidence it
 * snapshots. Writes are in octokit-adapter-writes.test.ts.
 */
import { describe, expect, it } from "vitest";
import { OctokitGitHub } from "../../src/github/octokit-adapter.js";
import { githubApi, useStrictNock } from "../support/strict-nock.js";
import { NOT_FOUND, recorder, TEST_IDENTITY, testOctokit } from "../support/test-octokit.js";

useStrictNock();

const REPO = { owner: "acme", repo: "widgets" };
const RAW = { "content-type": "application/vnd.github.raw; charset=utf-8" };
const github = () => new OctokitGitHub(testOctokit(), TEST_IDENTITY);

describe("readOwnerConfig", () => {
  // Probot's config plugin asks for the raw file, with the path as one encoded segment.
  const file = (repo: string, path = ".github%2Fcoc.yml") =>
    githubApi().get(`/repos/acme/${repo}/contents/${path}`).matchHeader("accept", "application/vnd.github.v3.raw").matchHeader("authorization", "token test");

  it("reads the owner's .github repository, and nothing else", async () => {
    file(".github").reply(200, "cases:\n  repo: acme/private-cases\nflag:\n  hide: false\n", RAW);
    expect(await github().readOwnerConfig("acme", "coc.yml")).toEqual({ cases: { repo: "acme/private-cases" }, flag: { hide: false } });
  });

  it("follows _extends from the owner's file", async () => {
    file(".github").reply(200, "_extends: community\nflag:\n  hide: false\n", RAW);
    file("community").reply(200, "committee:\n  team: conduct\nflag:\n  hide: true\n", RAW);
    expect(await github().readOwnerConfig("acme", "coc.yml")).toEqual({ committee: { team: "conduct" }, flag: { hide: false } });
  });

  it("returns null when the owner has no file, so the defaults apply", async () => {
    file(".github").reply(404, NOT_FOUND);
    expect(await github().readOwnerConfig("acme", "coc.yml")).toBeNull();
  });

  it("rejects a broken file with the plugin's own message, which loadConfig rewords", async () => {
    file(".github").reply(200, "flag: [unclosed\n", RAW);
    await expect(github().readOwnerConfig("acme", "coc.yml")).rejects.toThrow(/^\[@probot\/octokit-plugin-config\].*invalid YAML/);
  });

  it("rejects when GitHub fails, rather than running with the defaults", async () => {
    file(".github").reply(502, { message: "Bad Gateway" });
    await expect(github().readOwnerConfig("acme", "coc.yml")).rejects.toMatchObject({ status: 502 });
  });
});

describe("readRepoConfig", () => {
  const file = (repo: string, path = ".github%2Fcoc.yml") =>
    githubApi().get(`/repos/acme/${repo}/contents/${path}`).matchHeader("accept", "application/vnd.github.v3.raw").matchHeader("authorization", "token test");

  it("reads the repository's own file as YAML", async () => {
    file("widgets").reply(200, "flag:\n  hide: false\n", RAW);
    expect(await github().readRepoConfig(REPO, "coc.yml")).toEqual({ flag: { hide: false } });
  });

  it("does not follow _extends: it is returned as a setting like any other, to be ignored", async () => {
    // Strict nock: a request for the extended file would fail the test.
    file("widgets").reply(200, "_extends: mallory/evil\nflag:\n  hide: false\n", RAW);
    expect(await github().readRepoConfig(REPO, "coc.yml")).toEqual({ _extends: "mallory/evil", flag: { hide: false } });
  });

  it("returns null when the repository has no file, without looking at the owner's", async () => {
    file("widgets").reply(404, NOT_FOUND);
    expect(await github().readRepoConfig(REPO, "coc.yml")).toBeNull();
  });

  it("reads an empty file as no settings", async () => {
    file("widgets").reply(200, "", RAW);
    expect(await github().readRepoConfig(REPO, "coc.yml")).toEqual({});
  });

  it("rejects invalid YAML, plain text and a directory with a ConfigReadError naming the problem", async () => {
    file("widgets").reply(200, "flag: [unclosed\n", RAW);
    file("widgets").reply(200, "just words", RAW);
    file("widgets").reply(200, [{ name: "a", type: "file" }], { "content-type": "application/json; charset=utf-8" });
    await expect(github().readRepoConfig(REPO, "coc.yml")).rejects.toMatchObject({ name: "ConfigReadError", problem: "invalid-yaml" });
    await expect(github().readRepoConfig(REPO, "coc.yml")).rejects.toMatchObject({ problem: "not-a-mapping" });
    await expect(github().readRepoConfig(REPO, "coc.yml")).rejects.toMatchObject({ problem: "not-a-file" });
  });

  it("rejects when GitHub fails", async () => {
    file("widgets").reply(502, { message: "Bad Gateway" });
    await expect(github().readRepoConfig(REPO, "coc.yml")).rejects.toMatchObject({ status: 502 });
  });
});

describe("getRepository", () => {
  it("tells whether the repository is private", async () => {
    githubApi().get("/repos/acme/coc-cases").reply(200, { name: "coc-cases", owner: { login: "acme" }, private: true });
    expect(await github().getRepository({ owner: "acme", repo: "coc-cases" })).toEqual({ owner: "acme", repo: "coc-cases", private: true });
    // An enterprise's internal repository says private: true, but all its members can read it.
    githubApi().get("/repos/acme/coc-internal").reply(200, { name: "coc-internal", owner: { login: "acme" }, private: true, visibility: "internal" });
    expect(await github().getRepository({ owner: "acme", repo: "coc-internal" })).toMatchObject({ private: false });
  });

  it("names the repository GitHub answered for: a renamed or transferred one is answered under its old name", async () => {
    // GitHub's Location is /repositories/{id}, a path its published description does not list (the strict mock would refuse it).
    const moved = "https://api.github.com/repos/elsewhere/coc-cases-2025";
    githubApi().get("/repos/acme/coc-cases").reply(301, { message: "Moved Permanently", url: moved }, { location: moved });
    githubApi().get("/repos/elsewhere/coc-cases-2025").reply(200, { name: "coc-cases-2025", owner: { login: "elsewhere" }, private: true, visibility: "private" });
    expect(await github().getRepository({ owner: "acme", repo: "coc-cases" })).toEqual({ owner: "elsewhere", repo: "coc-cases-2025", private: true });
  });

  it("returns null for a repository the app cannot see", async () => {
    githubApi().get("/repos/acme/coc-cases").reply(404, NOT_FOUND);
    expect(await github().getRepository({ owner: "acme", repo: "coc-cases" })).toBeNull();
  });
});

describe("getAccountPermission and loginOfAccount", () => {
  it("says which account GitHub answered for, so a renamed or reused login is noticed", async () => {
    githubApi().get("/repos/acme/widgets/collaborators/troll-tom/permission").reply(200, { permission: "read", role_name: "read", user: { login: "troll-tom", id: 4242 } });
    expect(await github().getAccountPermission(REPO, "troll-tom")).toEqual({ permission: "read", accountId: 4242 });
  });

  it("answers null when no account has the login (GitHub's 404), never 'no access'", async () => {
    githubApi().get("/repos/acme/widgets/collaborators/troll-tom/permission").reply(404, NOT_FOUND);
    expect(await github().getAccountPermission(REPO, "troll-tom")).toBeNull();
  });

  it("finds an account's login now by its id, and null for a deleted account", async () => {
    githubApi().get("/user/4242").reply(200, { login: "tom-anew", id: 4242, type: "User" });
    githubApi().get("/user/4243").reply(404, NOT_FOUND);
    expect(await github().loginOfAccount(4242)).toBe("tom-anew");
    expect(await github().loginOfAccount(4243)).toBeNull();
  });
});

describe("getPublicEmail", () => {
  it("reads the email a person shows on their public profile", async () => {
    githubApi().get("/users/troll-tom").reply(200, { login: "troll-tom", id: 4242, type: "User", email: "tom@example.net" });
    expect(await github().getPublicEmail("troll-tom")).toBe("tom@example.net");
  });

  it("answers null when the profile shows no email, and when no account has the login", async () => {
    githubApi().get("/users/troll-tom").reply(200, { login: "troll-tom", id: 4242, type: "User", email: null });
    githubApi().get("/users/gone-gary").reply(404, NOT_FOUND);
    expect(await github().getPublicEmail("troll-tom")).toBeNull();
    expect(await github().getPublicEmail("gone-gary")).toBeNull();
  });

  it("rejects when GitHub fails, rather than taking the person for one without an email", async () => {
    githubApi().get("/users/troll-tom").reply(500, { message: "Server Error" });
    await expect(github().getPublicEmail("troll-tom")).rejects.toMatchObject({ status: 500 });
  });
});

describe("getPermission", () => {
  const permission = (login: string) => githubApi().get(`/repos/acme/widgets/collaborators/${login}/permission`);

  it.each([
    ["admin", "admin", "admin"],
    ["maintain", "write", "maintain"], // `permission` folds maintain into write
    ["write", "write", "write"],
    ["triage", "read", "triage"], // and triage into read
    ["read", "read", "read"],
    ["security-reviewer", "write", "write"], // a custom role: its base permission counts
    ["", "none", "none"],
  ])("maps role_name %j (permission %j) to %j", async (roleName, perm, expected) => {
    permission("mod-maria").reply(200, { permission: perm, role_name: roleName, user: { login: "mod-maria" } });
    expect(await github().getPermission(REPO, "mod-maria")).toBe(expected);
  });

  it("treats someone GitHub does not know as having no permission", async () => {
    permission("nobody-here").reply(404, NOT_FOUND);
    expect(await github().getPermission(REPO, "nobody-here")).toBe("none");
  });

  it("rejects when GitHub fails, rather than refusing the moderator", async () => {
    permission("mod-maria").reply(500, { message: "Server Error" });
    await expect(github().getPermission(REPO, "mod-maria")).rejects.toMatchObject({ status: 500 });
  });
});

describe("isTeamMember", () => {
  const membership = () => githubApi().get("/orgs/acme/teams/moderation/memberships/team-tara");

  it("counts an active member", async () => {
    membership().reply(200, { state: "active", role: "member" });
    expect(await github().isTeamMember("acme", "moderation", "team-tara")).toBe(true);
  });

  it("does not count an invitation that is still pending", async () => {
    membership().reply(200, { state: "pending", role: "member" });
    expect(await github().isTeamMember("acme", "moderation", "team-tara")).toBe(false);
  });

  it("does not count a non-member (404)", async () => {
    membership().reply(404, NOT_FOUND);
    expect(await github().isTeamMember("acme", "moderation", "team-tara")).toBe(false);
  });
});

describe("fetchContent", () => {
  const user = (login: string) => ({ login, id: 4242, type: "User" });

  it("snapshots an issue comment with one REST read, leaving its edit history to read later", async () => {
    githubApi().get("/repos/acme/widgets/issues/comments/555").reply(200, {
      id: 555,
      node_id: "IC_abusive555",
      html_url: "https://github.com/acme/widgets/issues/7#issuecomment-555",
      body: "You are all idiots.",
      user: user("troll-tom"),
      created_at: "2026-03-04T09:00:00Z",
      updated_at: "2026-03-04T09:05:00Z",
    });
    const ref = { kind: "issue_comment" as const, ...REPO, number: 7, commentId: 555 };
    expect(await github().fetchContent(ref)).toEqual({
      ref,
      nodeId: "IC_abusive555",
      url: "https://github.com/acme/widgets/issues/7#issuecomment-555",
      authorLogin: "troll-tom",
      authorId: 4242,
      title: null,
      body: "You are all idiots.",
      createdAt: "2026-03-04T09:00:00Z",
      editedAt: null,
      editHistory: null,
      hideable: true,
      isMinimized: false,
    });
  });

  it("leaves the edit history to read even when the timestamps match: they have one-second resolution", async () => {
    githubApi().get("/repos/acme/widgets/pulls/comments/7001").reply(200, {
      id: 7001,
      node_id: "PRRC_7001",
      html_url: "https://github.com/acme/widgets/pull/12#discussion_r7001",
      body: "nonsense",
      user: null,
      created_at: "2026-03-01T00:00:00Z",
      updated_at: "2026-03-01T00:00:00Z",
    });
    const snapshot = await github().fetchContent({ kind: "review_comment", ...REPO, number: 12, commentId: 7001 });
    expect(snapshot).toMatchObject({ nodeId: "PRRC_7001", authorLogin: "ghost", editedAt: null, editHistory: null, hideable: true });
  });

  it("snapshots a review, dated by when it was submitted", async () => {
    githubApi().get("/repos/acme/widgets/pulls/12/reviews/5001").reply(200, {
      id: 5001,
      node_id: "PRR_5001",
      html_url: "https://github.com/acme/widgets/pull/12#pullrequestreview-5001",
      body: "rude review",
      user: user("troll-tom"),
      submitted_at: "2026-03-02T12:00:00Z",
    });
    const snapshot = await github().fetchContent({ kind: "review", ...REPO, number: 12, reviewId: 5001 });
    expect(snapshot).toMatchObject({ nodeId: "PRR_5001", createdAt: "2026-03-02T12:00:00Z", body: "rude review", editHistory: null, hideable: true });
  });

  it("snapshots an issue body, which GitHub cannot hide", async () => {
    githubApi().get("/repos/acme/widgets/issues/7").reply(200, {
      number: 7,
      node_id: "I_issue7",
      html_url: "https://github.com/acme/widgets/issues/7",
      title: "An abusive title",
      body: null,
      user: user("troll-tom"),
      created_at: "2026-03-04T08:00:00Z",
      updated_at: "2026-03-04T08:30:00Z",
    });
    expect(await github().fetchContent({ kind: "issue", ...REPO, number: 7 })).toMatchObject({
      nodeId: "I_issue7",
      title: "An abusive title",
      body: "",
      hideable: false,
      isMinimized: false,
    });
  });

  it("returns null for content that is gone", async () => {
    githubApi().get("/repos/acme/widgets/issues/comments/556").reply(404, NOT_FOUND);
    expect(await github().fetchContent({ kind: "issue_comment", ...REPO, number: 7, commentId: 556 })).toBeNull();
  });
});

describe("fetchEditHistory", () => {
  const query = () => githubApi().post("/graphql", (body: { query?: string }) => body.query?.includes("query ContentDetails") === true);

  it("reads the edit history over GraphQL, through the reader", async () => {
    const sent = recorder();
    query().reply(
      sent.reply(200, {
        data: {
          node: {
            lastEditedAt: "2026-03-04T09:05:00Z",
            userContentEdits: {
              nodes: [{ editedAt: "2026-03-04T09:05:00Z", editor: { login: "troll-tom" }, diff: "You are idiots." }, null, { editedAt: "2026-03-04T09:01:00Z", editor: null, diff: null }],
            },
          },
        },
      }),
    );
    let writerUsed = false;
    const writer = testOctokit();
    writer.hook.before("request", () => {
      writerUsed = true;
    });
    const adapter = new OctokitGitHub(writer, TEST_IDENTITY, testOctokit());
    expect(await adapter.fetchEditHistory("IC_abusive555")).toEqual({
      editedAt: "2026-03-04T09:05:00Z",
      edits: [
        { editedAt: "2026-03-04T09:05:00Z", editor: "troll-tom", diff: "You are idiots." },
        { editedAt: "2026-03-04T09:01:00Z", editor: null, diff: null },
      ],
    });
    expect(sent.bodies).toEqual([{ query: expect.stringContaining("query ContentDetails"), variables: { id: "IC_abusive555" } }]);
    expect(writerUsed).toBe(false);
  });

  it("returns null for content that is gone", async () => {
    query().reply(200, { data: { node: null }, errors: [{ type: "NOT_FOUND", message: "Could not resolve to a node" }] });
    expect(await github().fetchEditHistory("IC_gone")).toBeNull();
  });
});
