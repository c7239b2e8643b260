/**
 * The local GitHub stand-in answers Octokit the way GitHub does: only as the
 * right installation, 404 (recorded as unexpected) for what it does not know,
 * and with each injected fault looking to Octokit like the real failure, so a
 * fault suite can rely on it. No database: the app is not involved here.
 */
import { ProbotOctokit } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startGitHubStandIn, type GitHubStandIn } from "../support/github-stand-in.js";

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

describe("the GitHub stand-in", () => {
  let stand: GitHubStandIn;
  let octokit: InstanceType<typeof ProbotOctokit>;

  beforeEach(async () => {
    stand = await startGitHubStandIn();
    stand.world.addAccount("acme", { installationId: 4242 });
    stand.world.addAccount("other", { installationId: 5151 });
    stand.world.addRepository("acme", "widgets", { private: false });
    stand.world.addRepository("other", "secrets", { private: true });
    octokit = client(stand.installationToken(4242));
  });

  afterEach(async () => {
    await stand.close();
  });

  // Retries and pacing off: each test sees the stand-in's first answer.
  const client = (token?: string) =>
    new ProbotOctokit({ ...(token ? { auth: { token } } : {}), baseUrl: stand.baseUrl, retry: { enabled: false }, throttle: { enabled: false }, log: quiet });

  it("answers an installation for its own account only, and nobody without credentials", async () => {
    const { data } = await octokit.rest.repos.get({ owner: "acme", repo: "widgets" });
    expect(data).toMatchObject({ full_name: "acme/widgets", private: false, visibility: "public", owner: { login: "acme" } });
    await expect(octokit.rest.repos.get({ owner: "other", repo: "secrets" })).rejects.toMatchObject({ status: 404 });
    await expect(client().rest.repos.get({ owner: "acme", repo: "widgets" })).rejects.toMatchObject({ status: 401 });
    // GraphQL says NOT_FOUND the way GitHub does, which the adapter relies on.
    await expect(octokit.graphql(`query($id: ID!) { node(id: $id) { id } }`, { id: "IC_missing" })).rejects.toMatchObject({
      errors: [expect.objectContaining({ type: "NOT_FOUND", path: ["node"] })],
    });
    expect(stand.unexpected()).toEqual([]);
    expect(stand.requests.map((r) => [r.method, r.route, r.status, r.kind])).toEqual([
      ["GET", "/repos/{owner}/{repo}", 200, "read"],
      ["GET", "/repos/{owner}/{repo}", 404, "read"],
      ["GET", "/repos/{owner}/{repo}", 401, "read"],
      ["POST", "/graphql", 200, "graphql"],
    ]);
  });

  it("answers 404 to an endpoint it does not know, and records it as unexpected", async () => {
    await expect(octokit.request("GET /repos/{owner}/{repo}/interaction-limits", { owner: "acme", repo: "widgets" })).rejects.toMatchObject({ status: 404 });
    expect(stand.unexpected().map((r) => `${r.method} ${r.path}`)).toEqual(["GET /repos/acme/widgets/interaction-limits"]);
  });

  it("fails requests with injected faults as Octokit sees GitHub fail", async () => {
    const get = () => octokit.rest.repos.get({ owner: "acme", repo: "widgets" });
    stand.injectFault = () => ({ kind: "status", status: 502 });
    await expect(get()).rejects.toMatchObject({ status: 502 });

    stand.injectFault = () => ({ kind: "secondary-rate-limit", retryAfterSeconds: 7 });
    const secondary = await get().catch((error: unknown) => error);
    expect(secondary).toMatchObject({ status: 403, response: { headers: { "retry-after": "7" } } });
    expect(String((secondary as Error).message)).toMatch(/secondary rate limit/);

    stand.injectFault = () => ({ kind: "rate-limit", status: 429, resetInSeconds: 30 });
    await expect(get()).rejects.toMatchObject({ status: 429, response: { headers: { "x-ratelimit-remaining": "0" } } });

    stand.injectFault = () => ({ kind: "connection-reset" });
    await expect(get()).rejects.toThrow();

    stand.injectFault = () => ({ kind: "timeout" });
    await expect(octokit.rest.repos.get({ owner: "acme", repo: "widgets", request: { signal: AbortSignal.timeout(300) } })).rejects.toThrow();

    expect(stand.requests.map((r) => [r.fault, r.status])).toEqual([
      ["status", 502],
      ["secondary-rate-limit", 403],
      ["rate-limit", 429],
      ["connection-reset", null],
      ["timeout", null],
    ]);
  });

  it("can lose the answer of a create that took effect", async () => {
    stand.injectFault = (request) => (request.method === "POST" ? { kind: "status", status: 502, when: "after" } : undefined);
    await expect(octokit.rest.issues.create({ owner: "acme", repo: "widgets", title: "Case file" })).rejects.toMatchObject({ status: 502 });
    const widgets = stand.world.repository("acme", "widgets")!;
    expect(stand.world.issuesIn(widgets).map((issue) => [issue.title, issue.author.login])).toEqual([["Case file", "coc-enforcer[bot]"]]);
  });

  it("adds the injected latency before it answers", async () => {
    stand.latencyMs = 150;
    await octokit.rest.repos.get({ owner: "acme", repo: "widgets" });
    const [request] = stand.requests;
    expect(request!.answeredAt! - request!.receivedAt).toBeGreaterThanOrEqual(149);
  });
});
