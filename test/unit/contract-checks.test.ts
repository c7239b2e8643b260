// Proves that the test-support contract checks catch what they promise to catch:
// calls to endpoints GitHub does not have, bodies GitHub would reject, unused
// mocks and unmatched requests; and that the app's real traffic passes them.
import { Octokit } from "@octokit/rest";
import { describe, expect, it } from "vitest";
import { validateGraphqlRequest } from "../support/graphql-contract.js";
import { validateRestRequest } from "../support/rest-contract.js";
import { githubApi, resetStrictNock, strictNockProblems, useStrictNock } from "../support/strict-nock.js";

const MINIMIZE = `mutation ($id: ID!, $classifier: ReportedContentClassifiers!) {
  minimizeComment(input: { subjectId: $id, classifier: $classifier }) {
    minimizedComment { isMinimized minimizedReason }
  }
}`;
const NODE = `query ($id: ID!) {
  node(id: $id) { ... on IssueComment { id body author { login } } }
}`;

describe("validateRestRequest", () => {
  it("rejects an endpoint GitHub does not have", () => {
    expect(validateRestRequest({ method: "GET", url: "https://api.github.com/repos/o/r/isues" })).toEqual([
      "GET /repos/o/r/isues: no endpoint in GitHub's REST API matches this path",
    ]);
  });

  it("rejects a method the endpoint does not support", () => {
    const problems = validateRestRequest({ method: "PATCH", url: "/repos/o/r/issues/1/lock" });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("does not support PATCH (supported: PUT, DELETE)");
  });

  it("rejects a body with an unknown key", () => {
    expect(validateRestRequest({ method: "POST", url: "/repos/o/r/issues", body: { title: "Case 7", bodyy: "x" } })).toEqual([
      'POST /repos/{owner}/{repo}/issues: body: unknown property "bodyy"',
    ]);
  });

  it("rejects an unknown key nested inside a oneOf branch", () => {
    const body = { title: "t", labels: ["coc", { name: "case", colour: "red" }] };
    expect(validateRestRequest({ method: "POST", url: "/repos/o/r/issues", body })).toEqual([
      'POST /repos/{owner}/{repo}/issues: body/labels/1: unknown property "colour"',
    ]);
  });

  it("rejects a value outside an enum, also in a JSON text body", () => {
    const problems = validateRestRequest({ method: "PUT", url: "/repos/o/r/issues/1/lock", body: '{"lock_reason":"angry"}' });
    expect(problems).toEqual([
      'PUT /repos/{owner}/{repo}/issues/{issue_number}/lock: body/lock_reason: "angry" is not one of "off-topic", "too heated", "resolved", "spam"',
    ]);
  });

  it("rejects a missing required body property, a bad path value and bad query parameters", () => {
    expect(validateRestRequest({ method: "POST", url: "/repos/o/r/labels", body: { color: "ff0000" } })).toEqual([
      'POST /repos/{owner}/{repo}/labels: body: missing required property "name"',
    ]);
    expect(validateRestRequest({ method: "GET", url: "/repos/o/r/issues/comments/abc" })[0]).toContain('path parameter "comment_id": must be integer');
    expect(validateRestRequest({ method: "GET", url: "/repos/o//issues/comments/1" })[0]).toContain('path parameter "repo" is empty');
    expect(validateRestRequest({ method: "GET", url: "/repos/o/r/contents/a.yml?reff=main" })[0]).toContain('unknown query parameter "reff"');
    expect(validateRestRequest({ method: "GET", url: "/repos/o/r/issues?state=opn" })[0]).toContain('"opn" is not one of "open", "closed", "all"');
  });

  it("rejects a body sent to an endpoint that takes none", () => {
    expect(validateRestRequest({ method: "GET", url: "/repos/o/r", body: '{"x":1}' })[0]).toContain("takes no request body");
  });

  it.each([
    ["POST", "/repos/o/r/issues", { title: "Case 7: report", body: "…", labels: ["coc"], assignees: ["alice"], milestone: null }],
    ["GET", "/repos/o/r/issues/comments/123", undefined],
    ["PATCH", "/repos/o/r/issues/comments/123", { body: "_This comment was hidden by the conduct committee._" }],
    ["DELETE", "/repos/o/r/issues/comments/123", undefined],
    ["DELETE", "/repos/o/r/pulls/comments/123", undefined],
    ["GET", "/repos/o/r/collaborators/alice/permission", undefined],
    ["GET", "/orgs/o/teams/conduct-committee/memberships/alice", undefined],
    ["GET", "/repos/o/r", undefined],
    ["POST", "/repos/o/r/labels", { name: "coc: case", color: "b60205", description: "Code of Conduct case" }],
    ["GET", "/repos/o/r/labels/coc%3A%20case", undefined],
    ["POST", "/app/installations/42/access_tokens", undefined],
    ["POST", "/app/installations/42/access_tokens", { repository_ids: [1], permissions: { issues: "write", contents: "read" } }],
    ["GET", "/repos/o/r/contents/.github%2Fcoc.yml?ref=main", undefined],
    ["GET", "/repos/o/r/contents/.github/coc.yml", undefined],
    ["PUT", "/repos/o/r/issues/1/lock", ""],
    ["PUT", "/repos/o/r/issues/1/lock", { lock_reason: "too heated" }],
    ["GET", "/repos/o/r/issues?state=all&per_page=100&labels=coc,case", undefined],
    ["GET", "https://ghe.example.com/api/v3/repos/o/r", undefined],
  ])("accepts %s %s", (method, url, body) => {
    expect(validateRestRequest({ method, url, body })).toEqual([]);
  });
});

describe("validateGraphqlRequest", () => {
  it("accepts minimizeComment with a classifier GitHub knows", () => {
    expect(validateGraphqlRequest({ query: MINIMIZE, variables: { id: "IC_kwDOA", classifier: "ABUSE" } })).toEqual([]);
  });

  it("accepts a node query", () => {
    expect(validateGraphqlRequest({ query: NODE, variables: { id: "IC_kwDOA" } })).toEqual([]);
  });

  it("rejects a classifier GitHub does not know, as a variable or inline", () => {
    const viaVariable = validateGraphqlRequest({ query: MINIMIZE, variables: { id: "IC_kwDOA", classifier: "RUDE" } });
    expect(viaVariable.join("\n")).toMatch(/\$classifier.*"RUDE"/);
    const inline = `mutation { minimizeComment(input: { subjectId: "IC_kwDOA", classifier: RUDE }) { clientMutationId } }`;
    expect(validateGraphqlRequest({ query: inline }).join("\n")).toContain('Value "RUDE" does not exist in "ReportedContentClassifiers" enum');
  });

  it("rejects a misspelled field, a syntax error, a missing variable and an undeclared one", () => {
    const misspelled = MINIMIZE.replace("isMinimized", "isMinimised");
    expect(validateGraphqlRequest({ query: misspelled, variables: { id: "x", classifier: "SPAM" } }).join("\n")).toContain(
      'Cannot query field "isMinimised"',
    );
    expect(validateGraphqlRequest({ query: "query { viewer { login }" })[0]).toMatch(/^syntax error/);
    expect(validateGraphqlRequest({ query: NODE }).join("\n")).toContain('Variable "$id" of required type "ID!" was not provided');
    expect(validateGraphqlRequest({ query: NODE, variables: { id: "x", nodeId: "y" } })).toEqual([
      'variable "$nodeId" is sent but not declared by the operation',
    ]);
  });
});

describe("useStrictNock", () => {
  useStrictNock();
  // Quiet: some requests below fail on purpose and Octokit would log them.
  const log = { debug() {}, info() {}, warn() {}, error() {} };
  const octokit = new Octokit({ auth: "test-token", log });

  it("reports a mock that was never used", () => {
    githubApi().get("/repos/o/r").reply(200, {});
    expect(strictNockProblems()).toEqual(["mock was never used: GET https://api.github.com:443/repos/o/r"]);
    resetStrictNock();
  });

  it("reports a request that matched no mock, and why it would be wrong anyway", async () => {
    githubApi().get("/repos/o/r/issues/comments/1").reply(200, {});
    const typo = { method: "PATCH", url: "/repos/{owner}/{repo}/issues/comments/{comment_id}", owner: "o", repo: "r", comment_id: 1, bodyy: "x" };
    await expect(octokit.request(typo)).rejects.toThrow(/No match for request/);
    const problems = strictNockProblems();
    expect(problems).toHaveLength(2);
    expect(problems).toContain("mock was never used: GET https://api.github.com:443/repos/o/r/issues/comments/1");
    expect(problems[1]).toMatch(/^request matched no mock: PATCH https:\/\/api\.github\.com\/repos\/o\/r\/issues\/comments\/1 with body \{"bodyy":"x"\}/);
    expect(problems[1]).toContain('unknown property "bodyy"');
    resetStrictNock();
  });

  it("reports a request to a host nobody mocked", async () => {
    await expect(fetch("https://api.github.com/zen")).rejects.toThrow();
    expect(strictNockProblems()).toEqual(["request matched no mock: GET https://api.github.com/zen"]);
    resetStrictNock();
  });

  it("reports matched requests that break the REST or GraphQL contract", async () => {
    githubApi().put("/repos/o/r/issues/1/lock").reply(204);
    githubApi().post("/graphql").reply(200, { data: {} });
    await octokit.request("PUT /repos/{owner}/{repo}/issues/{issue_number}/lock", { owner: "o", repo: "r", issue_number: 1, lock_reason: "angry" as "spam" });
    await octokit.graphql(MINIMIZE, { id: "IC_kwDOA", classifier: "RUDE" });
    const problems = strictNockProblems();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^PUT https:\/\/api\.github\.com\/repos\/o\/r\/issues\/1\/lock breaks GitHub's contract: .*"angry" is not one of/);
    expect(problems[1]).toMatch(/^POST https:\/\/api\.github\.com\/graphql breaks GitHub's contract: .*"RUDE"/);
    resetStrictNock();
  });

  it("passes the app's real traffic, sent by Octokit, including through a GHES base URL", async () => {
    const repo = { owner: "o", repo: "r" };
    githubApi().post("/app/installations/42/access_tokens").reply(201, { token: "t" });
    githubApi().post("/repos/o/r/issues", { title: "Case 7", body: "Private case", labels: ["coc"] }).reply(201, { number: 7 });
    githubApi().get("/repos/o/r/contents/.github%2Fcoc.yml").query({ ref: "main" }).reply(200, {});
    githubApi().get("/repos/o/r/labels/coc%3A%20case").reply(200, {});
    githubApi().delete("/repos/o/r/pulls/comments/5").reply(204);
    githubApi().post("/graphql").reply(200, { data: { minimizeComment: { minimizedComment: { isMinimized: true } } } });
    githubApi("https://ghe.example.com/api/v3").get("/orgs/o/teams/committee/memberships/alice").reply(200, { state: "active" });

    await octokit.request("POST /app/installations/{installation_id}/access_tokens", { installation_id: 42 });
    await octokit.rest.issues.create({ ...repo, title: "Case 7", body: "Private case", labels: ["coc"] });
    await octokit.rest.repos.getContent({ ...repo, path: ".github/coc.yml", ref: "main" });
    await octokit.rest.issues.getLabel({ ...repo, name: "coc: case" });
    await octokit.rest.pulls.deleteReviewComment({ ...repo, comment_id: 5 });
    await octokit.graphql(MINIMIZE, { id: "IC_kwDOA", classifier: "ABUSE" });
    const ghes = new Octokit({ auth: "t", baseUrl: "https://ghe.example.com/api/v3", log });
    await ghes.rest.teams.getMembershipForUserInOrg({ org: "o", team_slug: "committee", username: "alice" });

    expect(strictNockProblems()).toEqual([]);
  });
});
