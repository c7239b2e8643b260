/**
 * How the app finds the installation that may act on a repository: a flag can
 * point into another repository and the cases repository can belong to another
 * account, so each action asks GitHub once per account (as the app, with a JWT),
 * then reuses the installation and its token.
 */
import { generateKeyPairSync } from "node:crypto";
import { Probot, ProbotOctokit } from "probot";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { ProbotGitHubGateway } from "../../src/github/probot-gateway.js";
import { githubApi, useStrictNock } from "../support/strict-nock.js";
import { NOT_FOUND } from "../support/test-octokit.js";

useStrictNock();

const PRIVATE_KEY = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
const EXPIRES = "2099-01-01T00:00:00Z";

function probot(): Probot {
  return new Probot({
    appId: 1,
    privateKey: PRIVATE_KEY,
    log: pino({ level: "silent" }) as never,
    Octokit: ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }),
  });
}

/** GitHub answers "which installation covers this repository" only to the app itself. */
function installationOf(owner: string, repo: string, id: number) {
  return githubApi().get(`/repos/${owner}/${repo}/installation`).matchHeader("authorization", /^bearer \S+\.\S+\.\S+$/).reply(200, { id, account: { login: owner } });
}

function tokenFor(id: number) {
  return githubApi().post(`/app/installations/${id}/access_tokens`).matchHeader("authorization", /^bearer /).reply(201, { token: `ghs_install${id}`, expires_at: EXPIRES });
}

function repoAs(token: string, owner: string, repo: string, isPrivate = true) {
  return githubApi().get(`/repos/${owner}/${repo}`).matchHeader("authorization", `token ${token}`).reply(200, { name: repo, owner: { login: owner }, private: isPrivate });
}

describe("ProbotGitHubGateway", () => {
  it("resolves the installation of a repository's owner, then acts with that installation's token", async () => {
    installationOf("acme", "widgets", 4242);
    tokenFor(4242);
    repoAs("ghs_install4242", "acme", "widgets", false);
    const github = await new ProbotGitHubGateway(probot()).forRepository({ owner: "acme", repo: "widgets" });
    expect(await github.getRepository({ owner: "acme", repo: "widgets" })).toEqual({ owner: "acme", repo: "widgets", private: false });
  });

  it("asks once per account, whatever the repository or the spelling of the owner", async () => {
    const gateway = new ProbotGitHubGateway(probot());
    installationOf("acme", "widgets", 4242);
    tokenFor(4242); // and the token is cached as well
    repoAs("ghs_install4242", "acme", "widgets");
    repoAs("ghs_install4242", "ACME", "coc-cases");
    await (await gateway.forRepository({ owner: "acme", repo: "widgets" })).getRepository({ owner: "acme", repo: "widgets" });
    await (await gateway.forRepository({ owner: "ACME", repo: "coc-cases" })).getRepository({ owner: "ACME", repo: "coc-cases" });
  });

  it("keeps one installation per account", async () => {
    const gateway = new ProbotGitHubGateway(probot());
    installationOf("acme", "widgets", 4242);
    tokenFor(4242);
    repoAs("ghs_install4242", "acme", "widgets");
    installationOf("conduct-org", "cases", 77);
    tokenFor(77);
    repoAs("ghs_install77", "conduct-org", "cases");
    await (await gateway.forRepository({ owner: "acme", repo: "widgets" })).getRepository({ owner: "acme", repo: "widgets" });
    await (await gateway.forRepository({ owner: "conduct-org", repo: "cases" })).getRepository({ owner: "conduct-org", repo: "cases" });
  });

  it("uses the installation a webhook named, without looking it up", async () => {
    const gateway = new ProbotGitHubGateway(probot());
    gateway.remember("Acme", 4242);
    tokenFor(4242);
    repoAs("ghs_install4242", "acme", "widgets");
    await (await gateway.forRepository({ owner: "acme", repo: "widgets" })).getRepository({ owner: "acme", repo: "widgets" });
  });

  it("rejects with status 404 when the app is not installed there, and does not remember the failure", async () => {
    const gateway = new ProbotGitHubGateway(probot());
    githubApi().get("/repos/elsewhere/thing/installation").reply(404, NOT_FOUND);
    await expect(gateway.forRepository({ owner: "elsewhere", repo: "thing" })).rejects.toMatchObject({ status: 404 });
    installationOf("elsewhere", "thing", 99); // installed since
    tokenFor(99);
    repoAs("ghs_install99", "elsewhere", "thing");
    await (await gateway.forRepository({ owner: "elsewhere", repo: "thing" })).getRepository({ owner: "elsewhere", repo: "thing" });
  });
});
