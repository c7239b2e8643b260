/**
 * The Octokit adapter's interaction-limit verbs, the ones cooldowns perform on
 * GitHub (read, set and lift the limit of a repository or of an organization),
 * against strict nock with GitHub's REST contract checked. GitHub's known
 * refusals (no `administration` permission, an account-wide limit overriding
 * the repository's, a person's account that has no organization endpoints)
 * come back as answers; any other failure rejects, so the action is retried.
 */
import { describe, expect, it } from "vitest";
import { OctokitGitHub } from "../../src/github/octokit-adapter.js";
import type { InteractionPlace } from "../../src/github/port.js";
import { githubApi, useStrictNock } from "../support/strict-nock.js";
import { NOT_FOUND, recorder, TEST_IDENTITY, testOctokit } from "../support/test-octokit.js";

useStrictNock();

const REPOSITORY: InteractionPlace = { kind: "repository", repo: { owner: "acme", repo: "widgets" } };
const ORGANIZATION: InteractionPlace = { kind: "organization", org: "acme" };
const github = () => new OctokitGitHub(testOctokit(), TEST_IDENTITY);

const EXPIRES_AT = "2026-03-09T14:05:27Z";
/** GitHub's `interaction-limit-response`. */
const limitResponse = (origin: "repository" | "organization" | "user", limit = "collaborators_only", expiresAt = EXPIRES_AT) => ({
  limit,
  origin,
  expires_at: expiresAt,
});
/** What GitHub answers an app installed without the optional `administration` permission. */
const NOT_ACCESSIBLE = {
  message: "Resource not accessible by integration",
  documentation_url: "https://docs.github.com/rest/interactions/repos#get-interaction-restrictions-for-a-repository",
  status: "403",
};
/** GitHub's 409 when the owner's account-wide limit overrides the repository's. */
const CONFLICT = {
  message: "Interaction restrictions are already in place for this repository's owner",
  documentation_url: "https://docs.github.com/rest/interactions/repos#set-interaction-restrictions-for-a-repository",
  status: "409",
};

describe("getInteractionLimit", () => {
  const repoLimit = () => githubApi().get("/repos/acme/widgets/interaction-limits");
  const orgLimit = () => githubApi().get("/orgs/acme/interaction-limits");

  it("reads a repository's own limit, with its expiry as a Date", async () => {
    repoLimit().reply(200, limitResponse("repository"));
    expect(await github().getInteractionLimit(REPOSITORY)).toEqual({
      ok: true,
      value: { limit: "collaborators_only", origin: "repository", expiresAt: new Date(EXPIRES_AT) },
    });
  });

  it("answers null when GitHub says no limit is in force, as an empty object or an empty body", async () => {
    repoLimit().reply(200, {});
    repoLimit().reply(200);
    expect(await github().getInteractionLimit(REPOSITORY)).toEqual({ ok: true, value: null });
    expect(await github().getInteractionLimit(REPOSITORY)).toEqual({ ok: true, value: null });
  });

  it("passes on that the limit in force was set for the organization (or the user) that owns the repository", async () => {
    repoLimit().reply(200, limitResponse("organization", "existing_users"));
    repoLimit().reply(200, limitResponse("user", "contributors_only"));
    expect(await github().getInteractionLimit(REPOSITORY)).toEqual({
      ok: true,
      value: { limit: "existing_users", origin: "organization", expiresAt: new Date(EXPIRES_AT) },
    });
    expect(await github().getInteractionLimit(REPOSITORY)).toMatchObject({ ok: true, value: { limit: "contributors_only", origin: "user" } });
  });

  it("answers no-permission when the app lacks the administration permission", async () => {
    repoLimit().reply(403, NOT_ACCESSIBLE);
    expect(await github().getInteractionLimit(REPOSITORY)).toEqual({ ok: false, refusal: "no-permission" });
  });

  it("rejects a server error, so the caller retries", async () => {
    repoLimit().reply(500, { message: "Server Error" });
    await expect(github().getInteractionLimit(REPOSITORY)).rejects.toMatchObject({ status: 500 });
  });

  it("rejects a repository's 404: only an organization place reads 404 as a person's account", async () => {
    repoLimit().reply(404, NOT_FOUND);
    await expect(github().getInteractionLimit(REPOSITORY)).rejects.toMatchObject({ status: 404 });
  });

  it("reads an organization's limit", async () => {
    orgLimit().reply(200, limitResponse("organization", "contributors_only"));
    orgLimit().reply(200, {});
    expect(await github().getInteractionLimit(ORGANIZATION)).toEqual({
      ok: true,
      value: { limit: "contributors_only", origin: "organization", expiresAt: new Date(EXPIRES_AT) },
    });
    expect(await github().getInteractionLimit(ORGANIZATION)).toEqual({ ok: true, value: null });
  });

  it("answers not-an-organization when the account is a person's (GitHub has no such organization: 404)", async () => {
    orgLimit().reply(404, NOT_FOUND);
    expect(await github().getInteractionLimit(ORGANIZATION)).toEqual({ ok: false, refusal: "not-an-organization" });
  });

  it("answers no-permission for an organization without organization_administration", async () => {
    orgLimit().reply(403, NOT_ACCESSIBLE);
    expect(await github().getInteractionLimit(ORGANIZATION)).toEqual({ ok: false, refusal: "no-permission" });
  });

  // GitHub also answers 403 when the app exceeds a secondary rate limit (and, after Probot's throttling gives up, the
  // primary one). That must reject, so the action is retried later, never tell the committee the app lacks the
  // `administration` permission. Rate-limit 403s carry `retry-after` or `x-ratelimit-remaining: 0`.
  it("rejects a 403 that is GitHub's rate limit, not a refusal, so the caller retries", async () => {
    repoLimit().reply(
      403,
      {
        message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
        documentation_url: "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits",
        status: "403",
      },
      { "retry-after": "60" },
    );
    await expect(github().getInteractionLimit(REPOSITORY)).rejects.toMatchObject({ status: 403 });
  });
});

describe("setInteractionLimit", () => {
  const putRepo = () => githubApi().put("/repos/acme/widgets/interaction-limits");
  const putOrg = () => githubApi().put("/orgs/acme/interaction-limits");

  it("sets a repository's limit with exactly the limit and expiry, and answers when GitHub lifts it", async () => {
    const sent = recorder();
    putRepo().reply(sent.reply(200, limitResponse("repository")));
    expect(await github().setInteractionLimit(REPOSITORY, "collaborators_only", "one_week")).toEqual({
      ok: true,
      value: { expiresAt: new Date(EXPIRES_AT) },
    });
    expect(sent.bodies).toEqual([{ limit: "collaborators_only", expiry: "one_week" }]);
  });

  it("answers higher-limit when the owner's account-wide limit overrides the repository's (409)", async () => {
    const sent = recorder();
    putRepo().reply(sent.reply(409, CONFLICT));
    expect(await github().setInteractionLimit(REPOSITORY, "existing_users", "one_day")).toEqual({ ok: false, refusal: "higher-limit" });
    expect(sent.bodies).toEqual([{ limit: "existing_users", expiry: "one_day" }]);
  });

  it("answers no-permission when the app lacks the administration permission", async () => {
    putRepo().reply(403, NOT_ACCESSIBLE);
    expect(await github().setInteractionLimit(REPOSITORY, "collaborators_only", "one_week")).toEqual({ ok: false, refusal: "no-permission" });
  });

  it("rejects a server error, so the action is retried", async () => {
    putRepo().reply(502, { message: "Bad Gateway" });
    await expect(github().setInteractionLimit(REPOSITORY, "collaborators_only", "one_week")).rejects.toMatchObject({ status: 502 });
  });

  it("sets an organization's limit for all its public repositories", async () => {
    const sent = recorder();
    putOrg().reply(sent.reply(200, limitResponse("organization", "contributors_only", "2026-08-30T09:00:00Z")));
    expect(await github().setInteractionLimit(ORGANIZATION, "contributors_only", "six_months")).toEqual({
      ok: true,
      value: { expiresAt: new Date("2026-08-30T09:00:00Z") },
    });
    expect(sent.bodies).toEqual([{ limit: "contributors_only", expiry: "six_months" }]);
  });

  it("answers not-an-organization for a person's account, and no-permission without organization_administration", async () => {
    putOrg().reply(404, NOT_FOUND);
    putOrg().reply(403, NOT_ACCESSIBLE);
    expect(await github().setInteractionLimit(ORGANIZATION, "collaborators_only", "one_month")).toEqual({ ok: false, refusal: "not-an-organization" });
    expect(await github().setInteractionLimit(ORGANIZATION, "collaborators_only", "one_month")).toEqual({ ok: false, refusal: "no-permission" });
  });
});

describe("removeInteractionLimit", () => {
  const deleteRepo = () => githubApi().delete("/repos/acme/widgets/interaction-limits");
  const deleteOrg = () => githubApi().delete("/orgs/acme/interaction-limits");

  it("lifts a repository's limit, sending no body", async () => {
    const sent = recorder();
    deleteRepo().reply(sent.reply(204));
    expect(await github().removeInteractionLimit(REPOSITORY)).toEqual({ ok: true, value: null });
    expect(sent.bodies).toEqual([undefined]);
  });

  it("answers higher-limit when the owner's account-wide limit is the one in force (409)", async () => {
    deleteRepo().reply(409, CONFLICT);
    expect(await github().removeInteractionLimit(REPOSITORY)).toEqual({ ok: false, refusal: "higher-limit" });
  });

  it("answers no-permission without the administration permission, and rejects a server error", async () => {
    deleteRepo().reply(403, NOT_ACCESSIBLE);
    deleteRepo().reply(500, { message: "Server Error" });
    expect(await github().removeInteractionLimit(REPOSITORY)).toEqual({ ok: false, refusal: "no-permission" });
    await expect(github().removeInteractionLimit(REPOSITORY)).rejects.toMatchObject({ status: 500 });
  });

  it("lifts an organization's limit", async () => {
    const sent = recorder();
    deleteOrg().reply(sent.reply(204));
    expect(await github().removeInteractionLimit(ORGANIZATION)).toEqual({ ok: true, value: null });
    expect(sent.bodies).toEqual([undefined]);
  });

  it("answers not-an-organization for a person's account", async () => {
    deleteOrg().reply(404, NOT_FOUND);
    expect(await github().removeInteractionLimit(ORGANIZATION)).toEqual({ ok: false, refusal: "not-an-organization" });
  });
});
