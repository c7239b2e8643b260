/**
 * The stand-in's GraphQL `search` and thread connections answer the app's own
 * sweep queries (src/github/octokit-sweep.ts) the way GitHub would: the
 * raider's comments, reviews and review comments in the installation's
 * account since the time asked, over several search pages, and nothing older,
 * nobody else's, nothing hidden already and nothing in another account. Then
 * the batched hide hides them, 50 to a request. No database: the app's
 * adapter functions are called directly over real Octokit and HTTP.
 */
import { ProbotOctokit } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findAuthoredContent, HIDE_BATCH, hideBatch } from "../../src/github/octokit-sweep.js";
import { startGitHubStandIn, type GitHubStandIn } from "../support/github-stand-in.js";
import { timestamp } from "../support/github-stand-in-world.js";

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const RAIDER = "troll-tom";
const MINUTE = 60_000;

describe("the GitHub stand-in's search, as a sweep asks it", () => {
  let stand: GitHubStandIn;
  let octokit: InstanceType<typeof ProbotOctokit>;
  const now = Date.now();
  const ago = (minutes: number) => timestamp(new Date(now - minutes * MINUTE));
  const since = new Date(now - 24 * 60 * MINUTE);

  beforeEach(async () => {
    stand = await startGitHubStandIn();
    stand.world.addAccount("acme", { installationId: 4242 });
    stand.world.addAccount("other", { installationId: 5151 });
    // Retries and pacing off: each call sees the stand-in's first answer.
    octokit = new ProbotOctokit({ auth: { token: stand.installationToken(4242) }, baseUrl: stand.baseUrl, retry: { enabled: false }, throttle: { enabled: false }, log: quiet });
  });

  afterEach(async () => {
    await stand.close();
  });

  const graphql = <T>(query: string, variables: Record<string, unknown> = {}) => octokit.graphql<T>(query, variables);

  /** A raid over two repositories of acme: 45 issue threads (two search pages), a pull request with reviews, and decoys. */
  function seedRaid() {
    const { world } = stand;
    const widgets = world.addRepository("acme", "widgets", { private: false });
    const gadgets = world.addRepository("acme", "gadgets", { private: true });
    const expected: string[] = [];
    let minute = 600;
    const raid = (add: (createdAt: string) => { nodeId: string }) => expected.push(add(ago(--minute)).nodeId);
    for (let n = 1; n <= 45; n++) {
      world.addIssue(widgets, { number: n, title: `Issue ${n}`, author: "kind-kim" });
      world.addIssueComment(widgets, n, { author: "kind-kim", body: "A fair question.", createdAt: ago(700) });
      raid((createdAt) => world.addIssueComment(widgets, n, { author: RAIDER, body: `Idiots (${n}).`, createdAt }));
    }
    world.addIssue(gadgets, { number: 5, title: "Pull request 5", author: "kind-kim", isPullRequest: true });
    raid((createdAt) => world.addIssueComment(gadgets, 5, { author: RAIDER, body: "On the PR's conversation.", createdAt }));
    const review = world.addReview(gadgets, 5, { author: RAIDER, body: "A review with a body.", createdAt: ago(--minute) });
    expected.push(review.nodeId);
    for (let i = 0; i < 3; i++) raid((createdAt) => world.addReviewComment(gadgets, 5, { author: RAIDER, body: `On a line (${i}).`, createdAt, review }));
    // Single review comments, each its own review with an empty body (as "Add single comment" makes them).
    for (let i = 0; i < 2; i++) {
      const single = world.addReview(gadgets, 5, { author: RAIDER, body: "", createdAt: ago(--minute) });
      expected.push(single.nodeId);
      raid((createdAt) => world.addReviewComment(gadgets, 5, { author: RAIDER, body: `Single (${i}).`, createdAt, review: single }));
    }
    world.addReview(gadgets, 5, { author: "kind-kim", body: "Looks fine to me." });

    // Decoys: older than the window, hidden already, someone else's, in another account.
    world.addIssueComment(widgets, 1, { author: RAIDER, body: "Old.", createdAt: ago(30 * 60) });
    world.minimize(world.addIssueComment(widgets, 2, { author: RAIDER, body: "Hidden already.", createdAt: ago(5) }).nodeId, "ABUSE", 0);
    world.addIssueComment(widgets, 3, { author: "troll-tommy", body: "Not the same person.", createdAt: ago(5) });
    const place = world.addRepository("other", "place", { private: false });
    world.addIssueComment(place, 1, { author: RAIDER, body: "In another account.", createdAt: ago(5) });
    // A thread last written in long ago is not searched at all.
    const stale = world.addIssue(widgets, { number: 99, title: "Stale", author: RAIDER });
    stale.createdAt = stale.updatedAt = ago(40 * 60);
    return { widgets, gadgets, expected };
  }

  it("finds the raider's writing over several search pages, and nothing else", async () => {
    const { expected } = seedRaid();
    const found = await findAuthoredContent(octokit, "acme", RAIDER, since);

    expect(found.map((item) => item.nodeId)).toEqual(expected);
    expect(found.map((item) => item.kind)).toEqual(
      expected.map((id) => (id.startsWith("IC_") ? "issue_comment" : id.startsWith("PRRC_") ? "review_comment" : "review")),
    );
    expect(found[0]).toMatchObject({ url: expect.stringMatching(/^https:\/\/github\.com\/acme\/widgets\/issues\/1#issuecomment-\d+$/) });
    expect(found.find((item) => item.kind === "review_comment")!.url).toMatch(/^https:\/\/github\.com\/acme\/gadgets\/pull\/5#discussion_r\d+$/);

    // 46 threads involve the raider (two pages of 25), one pull request was reviewed by them (one page).
    const searches = stand.requests.filter((r) => r.operationName === "SweepFind");
    const asked = searches.map((r) => {
      const { variables } = JSON.parse(r.rawBody) as { variables: Record<string, unknown> };
      return { search: Object.values(variables).find((v) => typeof v === "string" && v.startsWith("org:")), after: variables.after };
    });
    expect(asked).toEqual([
      { search: expect.stringMatching(/^org:acme involves:troll-tom updated:>=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/), after: null },
      { search: expect.stringMatching(/^org:acme involves:troll-tom /), after: expect.any(String) },
      { search: expect.stringMatching(/^org:acme reviewed-by:troll-tom /), after: null },
    ]);
    expect(stand.requests.flatMap((r) => r.unmodelled)).toEqual([]);
    expect(stand.requests.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await stand.contractProblems()).toEqual([]);
  });

  it("hides what it found, fifty to a request, and tells what was deleted meanwhile", async () => {
    const { expected } = seedRaid();
    const found = await findAuthoredContent(octokit, "acme", RAIDER, since);
    const gone = stand.world.node(found[7]!.nodeId)!;
    if (gone.kind !== "issue_comment") throw new Error("expected an issue comment");
    stand.world.deleteComment(gone, 0);
    const before = stand.requests.length;

    const result = await hideBatch(octokit, found.map((item) => item.nodeId), "ABUSE");

    expect(result.gone).toEqual([gone.nodeId]);
    expect(result.hidden).toEqual(expected.filter((id) => id !== gone.nodeId));
    expect(result.hidden.every((id) => stand.world.minimized.get(id)?.classifier === "ABUSE")).toBe(true);
    const mutations = stand.requests.slice(before);
    expect(mutations.map((r) => [r.operationName, r.rootFields.length])).toEqual([
      ["SweepHide", HIDE_BATCH],
      ["SweepHide", expected.length - HIDE_BATCH],
    ]);
    // Swept again, nothing is left.
    expect(await findAuthoredContent(octokit, "acme", RAIDER, since)).toEqual([]);
    expect(await stand.contractProblems()).toEqual([]);
  });

  it("pages with GitHub's cursors and limits, and sees only the installation's account", async () => {
    const { world } = stand;
    const widgets = world.addRepository("acme", "widgets", { private: false });
    for (let n = 1; n <= 5; n++) world.addIssueComment(widgets, n, { author: RAIDER, body: "x", createdAt: ago(60 - n) });
    world.addIssueComment(world.addRepository("other", "place", { private: false }), 1, { author: RAIDER, body: "x" });
    const SEARCH = `query($q: String!, $first: Int, $after: String) {
      search(query: $q, type: ISSUE, first: $first, after: $after) {
        issueCount pageInfo { hasNextPage endCursor } nodes { ... on Issue { number } }
      }
    }`;
    type Answer = { search: { issueCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<{ number: number }> } };

    const first = await graphql<Answer>(SEARCH, { q: `org:acme involves:${RAIDER}`, first: 2 });
    expect(first.search).toMatchObject({ issueCount: 5, pageInfo: { hasNextPage: true }, nodes: [{ number: 5 }, { number: 4 }] });
    const rest = await graphql<Answer>(SEARCH, { q: `org:acme involves:${RAIDER}`, first: 10, after: first.search.pageInfo.endCursor });
    expect(rest.search).toMatchObject({ pageInfo: { hasNextPage: false }, nodes: [{ number: 3 }, { number: 2 }, { number: 1 }] });
    // A thread counts as updated when its last comment was written.
    const recent = await graphql<Answer>(SEARCH, { q: `org:acme involves:${RAIDER} updated:>=${ago(57.5)}`, first: 10 });
    expect(recent.search.nodes.map((n) => n.number)).toEqual([5, 4, 3]);

    expect((await graphql<Answer>(SEARCH, { q: `org:other involves:${RAIDER}`, first: 10 })).search).toMatchObject({ issueCount: 0, nodes: [] });
    await expect(graphql(SEARCH, { q: "org:acme", first: 101 })).rejects.toThrow("Requesting 101 records on the `search` connection exceeds the `first` limit of 100 records.");
    await expect(graphql(SEARCH, { q: "org:acme" })).rejects.toThrow("You must provide a `first` or `last` value to properly paginate the `search` connection.");
    expect(stand.requests.flatMap((r) => r.unmodelled)).toEqual([]);

    await graphql(SEARCH, { q: "org:acme label:bug idiots", first: 10 });
    expect(stand.requests.at(-1)!.unmodelled.sort()).toEqual(["Query.search(free text)", "Query.search(label:)"]);
  });
});
