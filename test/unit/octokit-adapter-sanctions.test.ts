/**
 * The Octokit adapter's verbs for bans and raid sweeps: block, unblock and list
 * the people an organization blocks (REST), pin the ban register (REST, then
 * GraphQL `pinIssue`), find what one person wrote in an account lately (GraphQL
 * `search`) and hide it in batches of aliased `minimizeComment` mutations,
 * against strict nock with GitHub's REST and GraphQL contracts checked.
 * GitHub's known refusals come back as answers; rate limits, server errors and
 * failed requests reject, so the action is retried.
 */
import type { ReplyFnResult } from "nock";
import { describe, expect, it, test } from "vitest";
import { OctokitGitHub } from "../../src/github/octokit-adapter.js";
import { HIDE_BATCH } from "../../src/github/octokit-sweep.js";
import { githubApi, useStrictNock } from "../support/strict-nock.js";
import { NOT_FOUND, parsedBody, recorder, TEST_IDENTITY, testOctokit } from "../support/test-octokit.js";

useStrictNock();

const CASES = { owner: "acme", repo: "coc-cases" };
const github = () => new OctokitGitHub(testOctokit(), TEST_IDENTITY);

/** GitHub's `simple-user`, as the blocks endpoints list people. */
const simpleUser = (login: string, id: number) => ({
  login,
  id,
  node_id: `U_kgDOB${id}`,
  avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
  gravatar_id: "",
  url: `https://api.github.com/users/${login}`,
  html_url: `https://github.com/${login}`,
  type: "User",
  site_admin: false,
});

/** What GitHub answers an app installed without the optional `organization_user_blocking` permission. */
const NOT_ACCESSIBLE = {
  message: "Resource not accessible by integration",
  documentation_url: "https://docs.github.com/rest/orgs/blocking#block-a-user-from-an-organization",
  status: "403",
};
/** GitHub's 403 when the app exceeds a secondary rate limit: it carries `retry-after`. */
const SECONDARY_RATE_LIMIT = {
  message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
  documentation_url: "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits",
  status: "403",
};
/** GitHub's 403 when the installation's primary rate limit is spent: `x-ratelimit-remaining: 0`. */
const PRIMARY_RATE_LIMIT = {
  message: "API rate limit exceeded for installation ID 48213907.",
  documentation_url: "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api",
  status: "403",
};
const spentRateLimit = { "x-ratelimit-limit": "5000", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1772370000" };

describe("blockUser", () => {
  const check = () => githubApi().get("/orgs/acme/blocks/troll-tom");
  const block = () => githubApi().put("/orgs/acme/blocks/troll-tom");

  it("checks first, then blocks a person the organization does not block yet, sending no body", async () => {
    const sent = recorder();
    check().reply(404, NOT_FOUND);
    block().reply(sent.reply(204));
    expect(await github().blockUser("acme", "troll-tom")).toEqual({ ok: true, value: { already: false } });
    expect(sent.bodies).toEqual([undefined]);
  });

  it("counts a person blocked already as done, without a second block (GitHub would answer it with 422)", async () => {
    check().reply(204);
    // No PUT mocked: strict nock fails the test if one is sent.
    expect(await github().blockUser("acme", "troll-tom")).toEqual({ ok: true, value: { already: true } });
  });

  it("answers no-permission, with GitHub's message, when the app lacks organization_user_blocking", async () => {
    check().reply(403, NOT_ACCESSIBLE);
    expect(await github().blockUser("acme", "troll-tom")).toEqual({
      ok: false,
      refusal: "no-permission",
      message: `Resource not accessible by integration - ${NOT_ACCESSIBLE.documentation_url}`,
    });
  });

  it("answers not-an-organization for a person's account: the check and the block both answer 404", async () => {
    check().reply(404, NOT_FOUND);
    block().reply(404, NOT_FOUND);
    expect(await github().blockUser("acme", "troll-tom")).toEqual({ ok: false, refusal: "not-an-organization", message: "Not Found - https://docs.github.com/rest" });
  });

  it("answers cannot-block with GitHub's message when GitHub will not block the person (422, e.g. a member)", async () => {
    check().reply(404, NOT_FOUND);
    block().reply(422, {
      message: "Validation Failed",
      errors: [{ resource: "Block", code: "custom", field: "blocked_user", message: "Blocked user is a member of this organization" }],
      documentation_url: "https://docs.github.com/rest/orgs/blocking#block-a-user-from-an-organization",
    });
    const answer = await github().blockUser("acme", "troll-tom");
    expect(answer).toEqual({ ok: false, refusal: "cannot-block", message: expect.stringContaining("Validation Failed") });
    expect(answer.ok === false && answer.message).toContain("Blocked user is a member of this organization");
  });

  it("rejects a 403 that is GitHub's secondary rate limit (retry-after), never reads it as a missing permission", async () => {
    check().reply(404, NOT_FOUND);
    block().reply(403, SECONDARY_RATE_LIMIT, { "retry-after": "60" });
    await expect(github().blockUser("acme", "troll-tom")).rejects.toMatchObject({ status: 403 });
  });

  it("rejects a 403 of the spent primary rate limit on the check, without blocking", async () => {
    check().reply(403, PRIMARY_RATE_LIMIT, spentRateLimit);
    await expect(github().blockUser("acme", "troll-tom")).rejects.toMatchObject({ status: 403 });
  });

  it("rejects server errors of the check and of the block, so the ban is retried", async () => {
    check().reply(500, { message: "Server Error" });
    check().reply(404, NOT_FOUND);
    block().reply(502, { message: "Bad Gateway" });
    await expect(github().blockUser("acme", "troll-tom")).rejects.toMatchObject({ status: 500 });
    await expect(github().blockUser("acme", "troll-tom")).rejects.toMatchObject({ status: 502 });
  });
});

describe("unblockUser", () => {
  const unblock = () => githubApi().delete("/orgs/acme/blocks/troll-tom");

  it("unblocks the person, sending no body", async () => {
    const sent = recorder();
    unblock().reply(sent.reply(204));
    expect(await github().unblockUser("acme", "troll-tom")).toEqual({ ok: true, value: null });
    expect(sent.bodies).toEqual([undefined]);
  });

  it("answers no-permission without organization_user_blocking, and not-an-organization for a person's account", async () => {
    unblock().reply(403, { ...NOT_ACCESSIBLE, documentation_url: "https://docs.github.com/rest/orgs/blocking#unblock-a-user-from-an-organization" });
    unblock().reply(404, NOT_FOUND);
    expect(await github().unblockUser("acme", "troll-tom")).toMatchObject({ ok: false, refusal: "no-permission" });
    expect(await github().unblockUser("acme", "troll-tom")).toMatchObject({ ok: false, refusal: "not-an-organization" });
  });

  it("rejects a rate-limit 403 and a server error, so the lift is retried", async () => {
    unblock().reply(403, SECONDARY_RATE_LIMIT, { "retry-after": "30" });
    unblock().reply(500, { message: "Server Error" });
    await expect(github().unblockUser("acme", "troll-tom")).rejects.toMatchObject({ status: 403 });
    await expect(github().unblockUser("acme", "troll-tom")).rejects.toMatchObject({ status: 500 });
  });
});

describe("listBlockedUsers", () => {
  const page = (n: number) => githubApi().get("/orgs/acme/blocks").query(n === 1 ? { per_page: "100" } : { per_page: "100", page: String(n) });

  it("lists the logins of every page", async () => {
    page(1).reply(
      200,
      [simpleUser("troll-tom", 9001), simpleUser("spam-sam", 9002)],
      { link: '<https://api.github.com/orgs/acme/blocks?per_page=100&page=2>; rel="next", <https://api.github.com/orgs/acme/blocks?per_page=100&page=2>; rel="last"' },
    );
    page(2).reply(
      200,
      [simpleUser("raid-rita", 9003)],
      { link: '<https://api.github.com/orgs/acme/blocks?per_page=100&page=1>; rel="prev", <https://api.github.com/orgs/acme/blocks?per_page=100&page=1>; rel="first"' },
    );
    expect(await github().listBlockedUsers("acme")).toEqual({ ok: true, value: ["troll-tom", "spam-sam", "raid-rita"] });
  });

  it("answers an empty list when nobody is blocked", async () => {
    page(1).reply(200, []);
    expect(await github().listBlockedUsers("acme")).toEqual({ ok: true, value: [] });
  });

  it("answers not-an-organization for a person's account, and no-permission without organization_user_blocking", async () => {
    page(1).reply(404, NOT_FOUND);
    page(1).reply(403, { ...NOT_ACCESSIBLE, documentation_url: "https://docs.github.com/rest/orgs/blocking#list-users-blocked-by-an-organization" });
    expect(await github().listBlockedUsers("acme")).toMatchObject({ ok: false, refusal: "not-an-organization" });
    expect(await github().listBlockedUsers("acme")).toMatchObject({ ok: false, refusal: "no-permission" });
  });

  it("rejects a spent rate limit and a server error, so the daily check runs again rather than report drift", async () => {
    page(1).reply(403, PRIMARY_RATE_LIMIT, spentRateLimit);
    page(1).reply(502, { message: "Bad Gateway" });
    await expect(github().listBlockedUsers("acme")).rejects.toMatchObject({ status: 403 });
    await expect(github().listBlockedUsers("acme")).rejects.toMatchObject({ status: 502 });
  });
});

describe("pinIssue", () => {
  const NODE_ID = "I_kwDOLq7cXc6fT2aB";
  /** GitHub's `issue`, trimmed to what matters here. */
  const registerIssue = {
    id: 2891733211,
    node_id: NODE_ID,
    url: "https://api.github.com/repos/acme/coc-cases/issues/3",
    html_url: "https://github.com/acme/coc-cases/issues/3",
    number: 3,
    state: "open",
    title: "Ban register",
    body: "<!-- coc-ban-register -->\n## Ban register",
    user: { login: "coc-enforcer[bot]", id: 190001, type: "Bot" },
    labels: [{ id: 7001, name: "coc-ban-register", color: "5319e7" }],
    locked: false,
    comments: 0,
    created_at: "2026-03-01T10:00:00Z",
    updated_at: "2026-03-01T10:00:00Z",
  };
  const readIssue = () => githubApi().get("/repos/acme/coc-cases/issues/3");
  const pin = () => githubApi().post("/graphql", (body: { query?: string }) => body.query?.includes("mutation Pin") === true);

  it("reads the issue's node id, pins it through GraphQL, and answers true", async () => {
    const sent = recorder();
    readIssue().reply(200, registerIssue);
    pin().reply(sent.reply(200, { data: { pinIssue: { issue: { id: NODE_ID } } } }));
    expect(await github().pinIssue(CASES, 3)).toBe(true);
    expect(sent.bodies).toEqual([{ query: expect.stringContaining("pinIssue(input: { issueId: $id })"), variables: { id: NODE_ID } }]);
  });

  it("answers false when GitHub refuses the pin in a GraphQL error: the issue stays unpinned, found by its label", async () => {
    readIssue().twice().reply(200, registerIssue);
    pin().reply(200, {
      data: { pinIssue: null },
      errors: [{ type: "UNPROCESSABLE", path: ["pinIssue"], locations: [{ line: 2, column: 3 }], message: "Repository already has 3 pinned issues" }],
    });
    pin().reply(200, {
      data: { pinIssue: null },
      errors: [{ type: "FORBIDDEN", path: ["pinIssue"], locations: [{ line: 2, column: 3 }], message: "Resource not accessible by integration" }],
    });
    expect(await github().pinIssue(CASES, 3)).toBe(false);
    expect(await github().pinIssue(CASES, 3)).toBe(false);
  });

  it("rejects a failed GraphQL request (502) and a lost connection, so the pin is retried", async () => {
    readIssue().twice().reply(200, registerIssue);
    pin().reply(502, { message: "Bad Gateway" });
    pin().replyWithError("socket hang up");
    await expect(github().pinIssue(CASES, 3)).rejects.toMatchObject({ status: 502 });
    await expect(github().pinIssue(CASES, 3)).rejects.toThrow(/socket hang up/);
  });

  it("rejects, without a mutation, when the issue cannot be read", async () => {
    readIssue().reply(502, { message: "Bad Gateway" });
    await expect(github().pinIssue(CASES, 3)).rejects.toMatchObject({ status: 502 });
  });

  it("rejects GitHub's GraphQL rate limit under Probot's throttling instead of reading it as a refusal", async () => {
    // The throttling plugin turns a RATE_LIMITED answer into an error without `errors`; with throttling off
    // (as in the other tests) the adapter would take it for a refusal.
    const paced = new OctokitGitHub(testOctokit(undefined, { paced: true }), TEST_IDENTITY);
    readIssue().reply(200, registerIssue);
    pin().reply(200, { errors: [{ type: "RATE_LIMITED", message: "API rate limit exceeded for installation ID 48213907." }] }, spentRateLimit);
    await expect(paced.pinIssue(CASES, 3)).rejects.toThrow(/Rate Limit/i);
  });
});

// The search text goes in a variable that is not named `query`: @octokit/graphql reserves that name for the
// document itself and refuses the call before sending anything.
describe("findAuthoredContent", () => {
  const SINCE = new Date("2026-03-01T12:00:00.000Z");
  const INVOLVES = "org:acme involves:troll-tom updated:>=2026-03-01T12:00:00Z";
  const REVIEWED = "org:acme reviewed-by:troll-tom updated:>=2026-03-01T12:00:00Z";
  const find = () => githubApi().post("/graphql", (body: { query?: string }) => body.query?.includes("query SweepFind") === true);

  const written = (id: string, url: string, createdAt: string, login: string | null, isMinimized = false) => ({
    id,
    url,
    createdAt,
    isMinimized,
    author: login === null ? null : { login },
  });
  const issueComment = (n: number, id: number, createdAt: string, login: string | null, isMinimized = false) =>
    written(`IC_kwDOLq7cXc6${id}`, `https://github.com/acme/widgets/issues/${n}#issuecomment-${id}`, createdAt, login, isMinimized);
  const review = (n: number, id: number, createdAt: string, comments: unknown[] = []) => ({
    ...written(`PRR_kwDOLq7cXc6${id}`, `https://github.com/acme/widgets/pull/${n}#pullrequestreview-${id}`, createdAt, "troll-tom"),
    comments: { nodes: comments },
  });
  const reviewComment = (n: number, id: number, createdAt: string, isMinimized = false) =>
    written(`PRRC_kwDOLq7cXc6${id}`, `https://github.com/acme/widgets/pull/${n}#discussion_r${id}`, createdAt, "troll-tom", isMinimized);
  const searchPage = (nodes: unknown[], endCursor: string | null, hasNextPage = false) => ({ data: { search: { pageInfo: { hasNextPage, endCursor }, nodes } } });

  /** The search string and cursor of each request, whatever the operation names the search variable. */
  const searches = (bodies: unknown[]) =>
    bodies.map((body) => {
      const variables = (body as { variables: Record<string, unknown> }).variables;
      return { search: Object.values(variables).find((v) => typeof v === "string" && v.startsWith("org:")), login: variables.login, after: variables.after };
    });

  const pullRequest12 = {
    comments: { nodes: [issueComment(12, 2005, "2026-03-03T08:00:00Z", "troll-tom")] },
    reviews: { nodes: [review(12, 3001, "2026-03-03T10:00:00Z", [reviewComment(12, 4001, "2026-03-03T09:55:00Z"), reviewComment(12, 4002, "2026-03-03T09:56:00Z", true)])] },
  };

  test("finds the person's own comments, reviews and review comments since the time, every page, each once, oldest first", async () => {
    const sent = recorder();
    find().reply(
      sent.reply(
        200,
        searchPage(
          [
            {
              comments: {
                nodes: [
                  issueComment(7, 2001, "2026-03-02T09:00:00Z", "troll-tom"),
                  issueComment(7, 2002, "2026-03-02T09:30:00Z", "mod-ana"),
                  issueComment(7, 1999, "2026-02-27T18:00:00Z", "troll-tom"), // before the sweep's time
                  issueComment(7, 2003, "2026-03-02T10:00:00Z", "troll-tom", true), // hidden already
                  null,
                  issueComment(7, 2004, "2026-03-02T11:00:00Z", null), // a deleted account ("ghost")
                  issueComment(7, 2000, "2026-03-01T12:00:00Z", "Troll-Tom"), // logins are case-insensitive; the very time counts
                ],
              },
            },
            pullRequest12,
            null,
          ],
          "Y3Vyc29yOjI=",
          true,
        ),
      ),
    );
    find().reply(sent.reply(200, searchPage([{ comments: { nodes: [issueComment(9, 2010, "2026-03-01T15:00:00Z", "troll-tom")] } }], "Y3Vyc29yOjM=")));
    // `involves` does not cover reviews: the second search finds pull request 12 again, and 14.
    find().reply(
      sent.reply(200, searchPage([pullRequest12, { comments: { nodes: [] }, reviews: { nodes: [review(14, 3002, "2026-03-04T07:00:00Z")] } }], "Y3Vyc29yOjI=")),
    );

    expect(await github().findAuthoredContent("acme", "troll-tom", SINCE)).toEqual([
      { nodeId: "IC_kwDOLq7cXc62000", url: "https://github.com/acme/widgets/issues/7#issuecomment-2000", kind: "issue_comment", createdAt: new Date("2026-03-01T12:00:00Z") },
      { nodeId: "IC_kwDOLq7cXc62010", url: "https://github.com/acme/widgets/issues/9#issuecomment-2010", kind: "issue_comment", createdAt: new Date("2026-03-01T15:00:00Z") },
      { nodeId: "IC_kwDOLq7cXc62001", url: "https://github.com/acme/widgets/issues/7#issuecomment-2001", kind: "issue_comment", createdAt: new Date("2026-03-02T09:00:00Z") },
      { nodeId: "IC_kwDOLq7cXc62005", url: "https://github.com/acme/widgets/issues/12#issuecomment-2005", kind: "issue_comment", createdAt: new Date("2026-03-03T08:00:00Z") },
      { nodeId: "PRRC_kwDOLq7cXc64001", url: "https://github.com/acme/widgets/pull/12#discussion_r4001", kind: "review_comment", createdAt: new Date("2026-03-03T09:55:00Z") },
      { nodeId: "PRR_kwDOLq7cXc63001", url: "https://github.com/acme/widgets/pull/12#pullrequestreview-3001", kind: "review", createdAt: new Date("2026-03-03T10:00:00Z") },
      { nodeId: "PRR_kwDOLq7cXc63002", url: "https://github.com/acme/widgets/pull/14#pullrequestreview-3002", kind: "review", createdAt: new Date("2026-03-04T07:00:00Z") },
    ]);
    expect(sent.bodies).toEqual(Array(3).fill({ query: expect.stringContaining("query SweepFind("), variables: expect.any(Object) }));
    expect(searches(sent.bodies)).toEqual([
      { search: INVOLVES, login: "troll-tom", after: null },
      { search: INVOLVES, login: "troll-tom", after: "Y3Vyc29yOjI=" },
      { search: REVIEWED, login: "troll-tom", after: null },
    ]);
  });

  test("asks through the reader, which GitHub's pacing of writes does not hold back", async () => {
    find().twice().reply(200, searchPage([], null));
    let writerUsed = false;
    const writer = testOctokit();
    writer.hook.before("request", () => {
      writerUsed = true;
    });
    expect(await new OctokitGitHub(writer, TEST_IDENTITY, testOctokit()).findAuthoredContent("acme", "troll-tom", SINCE)).toEqual([]);
    expect(writerUsed).toBe(false);
  });

  test("reads at most eight pages per search: a sweep covers a raid, not a person's whole history", async () => {
    const sent = recorder();
    let page = 0;
    find()
      .times(16)
      .reply((_uri, body): ReplyFnResult => {
        sent.bodies.push(parsedBody(body));
        page++;
        return [200, searchPage([], Buffer.from(`cursor:${page * 25}`).toString("base64"), true)];
      });
    expect(await github().findAuthoredContent("acme", "troll-tom", SINCE)).toEqual([]);
    const asked = searches(sent.bodies);
    expect(asked.map((a) => a.search)).toEqual([...Array(8).fill(INVOLVES), ...Array(8).fill(REVIEWED)]);
    expect(asked[1]?.after).toBe(Buffer.from("cursor:25").toString("base64"));
    expect(asked[8]?.after).toBeNull();
  });

  test("searches a personal account's repositories with user:, when GitHub refuses org: for it", async () => {
    const asked: unknown[] = [];
    const refused = { data: null, errors: [{ type: "INVALID", message: "The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them." }] };
    find().reply((_uri, body) => (asked.push(body), [200, refused]));
    for (let i = 0; i < 2; i++) find().reply((_uri, body) => (asked.push(body), [200, searchPage([], null)]));
    expect(await github().findAuthoredContent("mona", "troll-tom", SINCE)).toEqual([]);
    expect(asked.map((body) => Object.values((body as { variables: Record<string, unknown> }).variables).find((v) => typeof v === "string" && / involves:| reviewed-by:/.test(v)))).toEqual([
      "org:mona involves:troll-tom updated:>=2026-03-01T12:00:00Z",
      "user:mona involves:troll-tom updated:>=2026-03-01T12:00:00Z",
      "user:mona reviewed-by:troll-tom updated:>=2026-03-01T12:00:00Z",
    ]);
  });

  test("rejects a failed search, so the sweep is tried again", async () => {
    find().reply(200, { data: null, errors: [{ type: "INTERNAL", message: "Something went wrong while executing your query." }] });
    find().reply(502, { message: "Bad Gateway" });
    await expect(github().findAuthoredContent("acme", "troll-tom", SINCE)).rejects.toThrow(/Something went wrong/);
    await expect(github().findAuthoredContent("acme", "troll-tom", SINCE)).rejects.toMatchObject({ status: 502 });
  });
});

describe("hideMany", () => {
  const hide = () => githubApi().post("/graphql", (body: { query?: string }) => body.query?.includes("mutation SweepHide") === true);
  const ids = (n: number, prefix = "IC_kwDOLq7cXc6") => Array.from({ length: n }, (_, i) => `${prefix}${5000 + i}`);
  const aliases = (body: unknown) => [...String((body as { query: string }).query).matchAll(/\b(m\d+): minimizeComment\(/g)].map((m) => m[1]);
  /** The variables GitHub must receive for a batch: `id0`… in order, and the classifier. */
  const variablesOf = (batch: string[], classifier: string) => Object.fromEntries([["classifier", classifier], ...batch.map((id, i) => [`id${i}`, id])]);
  /** GitHub's answer to a batch: every alias minimized, except those given an error. */
  const answer =
    (recorded: unknown[], errors: (alias: string, id: string) => { type: string; message: string } | null = () => null) =>
    (_uri: string, body: unknown): ReplyFnResult => {
      const sent = parsedBody(body) as { query: string; variables: Record<string, string> };
      recorded.push(sent);
      const data: Record<string, unknown> = {};
      const failed: unknown[] = [];
      aliases(sent).forEach((alias, i) => {
        const error = errors(alias!, sent.variables[`id${i}`]!);
        data[alias!] = error ? null : { minimizedComment: { isMinimized: true } };
        if (error) failed.push({ ...error, path: [alias], locations: [{ line: i + 2, column: 3 }] });
      });
      return [200, failed.length > 0 ? { data, errors: failed } : { data }];
    };

  it("hides the items in one request, one aliased minimizeComment each, with the classifier", async () => {
    const sent: unknown[] = [];
    hide().reply(answer(sent));
    const items = ["IC_kwDOLq7cXc62001", "PRR_kwDOLq7cXc63001", "PRRC_kwDOLq7cXc64001"];
    expect(await github().hideMany(items, "ABUSE")).toEqual({ hidden: items, gone: [] });
    expect(sent).toEqual([
      {
        query: expect.stringContaining("mutation SweepHide($id0: ID!, $id1: ID!, $id2: ID!, $classifier: ReportedContentClassifiers!)"),
        variables: variablesOf(items, "ABUSE"),
      },
    ]);
    expect(aliases(sent[0])).toEqual(["m0", "m1", "m2"]);
    expect((sent[0] as { query: string }).query).toContain("m1: minimizeComment(input: { subjectId: $id1, classifier: $classifier }) { minimizedComment { isMinimized } }");
  });

  it(`sends 120 items in requests of ${HIDE_BATCH}, 50 and 20, each alias numbered from 0 with exactly its own variables`, async () => {
    expect(HIDE_BATCH).toBe(50);
    const sent: unknown[] = [];
    const items = ids(120);
    hide().times(3).reply(answer(sent));
    expect(await github().hideMany(items, "SPAM")).toEqual({ hidden: items, gone: [] });
    expect(sent.map(aliases).map((batch) => batch.length)).toEqual([50, 50, 20]);
    expect(aliases(sent[2])).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`));
    expect(sent.map((body) => (body as { variables: unknown }).variables)).toEqual([
      variablesOf(items.slice(0, 50), "SPAM"),
      variablesOf(items.slice(50, 100), "SPAM"),
      variablesOf(items.slice(100), "SPAM"),
    ]);
  });

  it("answers an item GitHub no longer finds (NOT_FOUND on its alias) as gone, by its place in its own batch", async () => {
    const sent: unknown[] = [];
    const items = ids(60);
    hide().reply(answer(sent, (alias, id) => (alias === "m3" ? { type: "NOT_FOUND", message: `Could not resolve to a node with the global id of '${id}'.` } : null)));
    hide().reply(answer(sent, (alias, id) => (alias === "m7" ? { type: "NOT_FOUND", message: `Could not resolve to a node with the global id of '${id}'.` } : null)));
    expect(await github().hideMany(items, "OFF_TOPIC")).toEqual({
      hidden: items.filter((_, i) => i !== 3 && i !== 57),
      gone: [items[3], items[57]],
    });
    expect(sent.map(aliases).map((batch) => batch.length)).toEqual([50, 10]);
  });

  it("counts an item out of the app's reach (FORBIDDEN: a repository it is not installed on) as gone, like a deleted one", async () => {
    const items = ids(3);
    hide().reply(
      answer([], (alias) =>
        alias === "m1" ? { type: "FORBIDDEN", message: "Resource not accessible by integration" } : alias === "m2" ? { type: "NOT_FOUND", message: "Could not resolve to a node" } : null,
      ),
    );
    expect(await github().hideMany(items, "ABUSE")).toEqual({ hidden: [items[0]], gone: [items[1], items[2]] });
  });

  it("rejects when GitHub refuses an item for another reason, so the sweep is tried again (hiding twice is harmless)", async () => {
    const items = ids(2);
    hide().reply(answer([], (alias) => (alias === "m1" ? { type: "UNPROCESSABLE", message: "Comment cannot be minimized" } : null)));
    await expect(github().hideMany(items, "ABUSE")).rejects.toThrow(`GitHub refused to hide ${items[1]}: UNPROCESSABLE`);
  });

  it("rejects an error of the whole request (no alias in its path), a failed request and a lost connection", async () => {
    hide().reply(200, { errors: [{ type: "MAX_NODE_LIMIT_EXCEEDED", message: "This query requests too many nodes." }] });
    hide().reply(502, { message: "Bad Gateway" });
    hide().replyWithError("socket hang up");
    await expect(github().hideMany(ids(2), "ABUSE")).rejects.toThrow(/too many nodes/);
    await expect(github().hideMany(ids(2), "ABUSE")).rejects.toMatchObject({ status: 502 });
    await expect(github().hideMany(ids(2), "ABUSE")).rejects.toThrow(/socket hang up/);
  });

  it("sends nothing for no items", async () => {
    expect(await github().hideMany([], "ABUSE")).toEqual({ hidden: [], gone: [] });
  });

  it("hides through the app's paced writer, not the reader", async () => {
    hide().reply(answer([]));
    let readerUsed = false;
    const reader = testOctokit();
    reader.hook.before("request", () => {
      readerUsed = true;
    });
    expect(await new OctokitGitHub(testOctokit(), TEST_IDENTITY, reader).hideMany(ids(1), "ABUSE")).toEqual({ hidden: ids(1), gone: [] });
    expect(readerUsed).toBe(false);
  });
});
