/**
 * `/coc flag https://github.com/acme/widgets/issues/7#issuecomment-555 personal attack`
 * end to end with the real Octokit adapter over HTTP: a signed webhook goes
 * through Probot, the job queue is drained, and every request GitHub would get
 * is scripted with strict nock (a missing, unused or contract-breaking request
 * fails the test). The same scenario runs against GitHub Enterprise Server.
 * The behaviour itself is covered in depth by flag-command.test.ts on the fake.
 */
import type nock from "nock";
import { describe, expect, it } from "vitest";
import { issueCommentCreated } from "../factories/webhooks.js";
import { startHarness } from "../support/probot-harness.js";
import { githubApi, useStrictNock } from "../support/strict-nock.js";
import { testBackend, useTestDatabase } from "../support/test-database.js";
import { NOT_FOUND, parsedBody } from "../support/test-octokit.js";

const NOW = new Date("2026-03-04T10:00:00Z");
const INSTALLATION = 4242;
const TOKEN = "ghs_installation4242";
const ABUSE = "You are all idiots. @mod-maria see #12 and @acme/core";

interface Host {
  name: string;
  webHost: string;
  /** Probot's baseUrl; undefined for github.com. */
  baseUrl: string | undefined;
  api: string;
  /** Where Octokit sends GraphQL: `…/graphql` on github.com, `/api/graphql` on GHES. */
  graphqlBase: string;
}

const DOTCOM: Host = { name: "github.com", webHost: "github.com", baseUrl: undefined, api: "https://api.github.com", graphqlBase: "https://api.github.com" };
const GHES: Host = {
  name: "GitHub Enterprise Server",
  webHost: "ghe.example.com",
  baseUrl: "https://ghe.example.com/api/v3",
  api: "https://ghe.example.com/api/v3",
  graphqlBase: "https://ghe.example.com/api",
};

/** Scripts GitHub's side of one `/coc flag`, recording each request in the order it arrived, with its body. */
function scriptFlag(host: Host) {
  const calls: string[] = [];
  const bodies = new Map<string, unknown[]>();
  const answer = (label: string, interceptor: nock.Interceptor, status: number, response: unknown = "", headers: Record<string, string> = {}) => {
    interceptor.reply((_uri, body) => {
      calls.push(label);
      bodies.set(label, [...(bodies.get(label) ?? []), parsedBody(body)]);
      return [status, response as string, headers];
    });
  };
  const api = githubApi(host.api);
  const asApp = (i: nock.Interceptor) => i.matchHeader("authorization", /^bearer \S+\.\S+\.\S+$/);
  const asInstallation = (i: nock.Interceptor) => i.matchHeader("authorization", `token ${TOKEN}`);
  const graphql = (operation: string) =>
    asInstallation(githubApi(host.graphqlBase).post("/graphql", (body: { query?: string }) => body.query?.includes(operation) === true));
  const casesRepo = { name: "coc-cases", owner: { login: "acme" }, private: true };
  const commentUrl = `https://${host.webHost}/acme/widgets/issues/7#issuecomment-555`;

  // The command job: which installation, its token, the configuration, may the sender flag, the evidence, where cases go.
  // No installation lookup: the webhook names its installation, and the app remembers it for the account.
  answer("POST access token", asApp(api.post(`/app/installations/${INSTALLATION}/access_tokens`)), 201, {
    token: TOKEN,
    expires_at: "2099-01-01T00:00:00Z",
    permissions: { issues: "write", metadata: "read" },
    repository_selection: "all",
  });
  answer("GET org config", asInstallation(api.get("/repos/acme/.github/contents/.github%2Fcoc.yml")), 404, NOT_FOUND);
  answer("GET repo config", asInstallation(api.get("/repos/acme/widgets/contents/.github%2Fcoc.yml")), 404, NOT_FOUND);
  answer("GET permission", asInstallation(api.get("/repos/acme/widgets/collaborators/mod-maria/permission")), 200, {
    permission: "write",
    role_name: "maintain",
    user: { login: "mod-maria" },
  });
  answer("GET comment", asInstallation(api.get("/repos/acme/widgets/issues/comments/555")), 200, {
    id: 555,
    node_id: "IC_abusive555",
    html_url: commentUrl,
    body: ABUSE,
    user: { login: "troll-tom", id: 4242, type: "User" },
    created_at: "2026-03-04T09:00:00Z",
  });
  answer("POST graphql ContentDetails", graphql("query ContentDetails"), 200, {
    data: {
      node: {
        lastEditedAt: "2026-03-04T09:05:00Z",
        userContentEdits: { nodes: [{ editedAt: "2026-03-04T09:05:00Z", editor: { login: "troll-tom" }, diff: "You are idiots." }] },
        isMinimized: false,
      },
    },
  });
  answer("GET cases repo", asInstallation(api.get("/repos/acme/coc-cases")), 200, casesRepo);
  // The actions, protection first.
  answer("POST graphql minimizeComment", graphql("minimizeComment"), 200, { data: { minimizeComment: { minimizedComment: { isMinimized: true } } } });
  answer("DELETE command comment", asInstallation(api.delete("/repos/acme/widgets/issues/comments/9001")), 204);
  // The subject must not be able to read the cases repository.
  answer("GET subject permission", asInstallation(api.get("/repos/acme/coc-cases/collaborators/troll-tom/permission")), 200, {
    permission: "none",
    role_name: "",
    user: { login: "troll-tom", id: 4242 },
  });
  answer("GET label", asInstallation(api.get("/repos/acme/coc-cases/labels/coc-case")), 404, { message: "Not Found" });
  answer("POST label", asInstallation(api.post("/repos/acme/coc-cases/labels")), 201, { id: 1 });
  answer("GET label", asInstallation(api.get("/repos/acme/coc-cases/labels/state%3A%20new")), 404, { message: "Not Found" });
  answer("POST label", asInstallation(api.post("/repos/acme/coc-cases/labels")), 201, { id: 2 });
  answer("POST case issue", asInstallation(api.post("/repos/acme/coc-cases/issues")), 201, { number: 31, html_url: "unused" });

  return { calls, bodies, commentUrl };
}

/** Asked for at once, so in any order: the two configuration files and the author's permission. */
const CONCURRENT_READS = ["GET org config", "GET permission", "GET repo config"];

/** The calls in the order they must come, the concurrent reads put in a fixed order. */
const inOrder = (calls: string[]) => [calls[0], ...calls.slice(1, 4).sort(), ...calls.slice(4)];

const EXPECTED_CALLS = [
  "POST access token",
  ...CONCURRENT_READS,
  "GET comment",
  // Protection first: hidden as soon as the content is read, before anything else.
  "POST graphql minimizeComment",
  // The edit history, read at once but after the hide: the person reported may delete the content.
  "POST graphql ContentDetails",
  // Whether the case can be written, and whether it must be held: asked before the flag is recorded, then cached.
  "GET cases repo",
  "GET subject permission",
  "DELETE command comment",
  "GET label",
  "POST label",
  "GET label",
  "POST label",
  "POST case issue",
];

// Each scenario runs Probot, the job queue and a database for real: give it time beyond the unit-test default.
describe.each([DOTCOM, GHES])(`/coc flag over HTTP on $name (${testBackend})`, { timeout: 60_000 }, (host) => {
  useStrictNock();
  const database = useTestDatabase();

  const flagPayload = (link: string) => {
    const payload = issueCommentCreated({ body: `/coc flag ${link} personal attack on @someone`, sender: "mod-maria", commentId: 9001 });
    for (const part of [payload.issue, payload.comment]) part.html_url = part.html_url.replace("https://github.com/", `https://${host.webHost}/`);
    return payload;
  };
  const harness = () => startHarness({ database, baseUrl: host.baseUrl, webHost: host.webHost, now: () => NOW });

  it("hides the comment, removes the command, then opens the private case with quoted evidence", async () => {
    const github = scriptFlag(host);
    const app = await harness();
    await app.deliver("issue_comment", flagPayload(github.commentUrl));
    expect(github.calls).toEqual([]); // the webhook only records and queues
    await app.drain();

    expect(inOrder(github.calls)).toEqual(EXPECTED_CALLS);
    const writes = github.calls.filter((call) => !call.startsWith("GET") && !call.includes("access token") && !call.includes("ContentDetails"));
    expect(github.calls.indexOf("POST graphql minimizeComment")).toBeLessThan(github.calls.indexOf("POST graphql ContentDetails"));
    expect(writes).toEqual(["POST graphql minimizeComment", "DELETE command comment", "POST label", "POST label", "POST case issue"]);

    expect(github.bodies.get("POST graphql ContentDetails")).toEqual([{ query: expect.any(String), variables: { id: "IC_abusive555" } }]);
    expect(github.bodies.get("POST graphql minimizeComment")).toEqual([
      { query: expect.any(String), variables: { id: "IC_abusive555", classifier: "ABUSE" } },
    ]);
    expect(github.bodies.get("POST label")).toEqual([
      { name: "coc-case", color: "5319e7", description: "A Code of Conduct case file" },
      { name: "state: new", color: "d93f0b", description: "Awaiting acknowledgement by the committee" },
    ]);
    const [issue] = github.bodies.get("POST case issue") as Array<{ title: string; body: string; labels: string[] }>;
    expect(Object.keys(issue!).sort()).toEqual(["body", "labels", "title"]);
    expect(issue!.title).toBe("COC-2026-0001: flagged comment");
    expect(issue!.labels).toEqual(["coc-case", "state: new"]);
    expect(issue!.body).toContain("<!-- coc-case:COC-2026-0001 -->");
    expect(issue!.body).toContain("```text\nYou are all idiots. @mod-maria see #12 and @acme/core\n```");
    expect(issue!.body).toContain("```text\nYou are idiots.\n```"); // the edit history, from GraphQL
    expect(issue!.body).toContain(`\`${github.commentUrl}\``);
    expect(issue!.body).toContain("`troll-tom`");
    const outsideCode = issue!.body.replace(/```[\s\S]*?```/g, "").replace(/`[^`]*`/g, "");
    expect(outsideCode).not.toMatch(/@[a-z]/i);
    expect(outsideCode).not.toMatch(/#\d/);

    const [stored] = await database.db.case.findMany();
    expect(stored).toMatchObject({ code: "COC-2026-0001", issueNumber: 31, subjectLogin: "troll-tom", casesOwner: "acme", casesRepo: "coc-cases" });
    expect(await database.db.action.count({ where: { status: { not: "done" } } })).toBe(0);
  });

  it("does nothing more when GitHub redelivers the same webhook", async () => {
    const github = scriptFlag(host);
    const app = await harness();
    const payload = flagPayload(github.commentUrl);
    await app.deliver("issue_comment", payload, "delivery-1");
    await app.deliver("issue_comment", payload, "delivery-1");
    await app.drain();
    expect(inOrder(github.calls)).toEqual(EXPECTED_CALLS);

    // Nothing is queued for a delivery already taken in, and strict nock has nothing
    // left to answer: any further request would fail the test.
    const jobs = () => database.db.$queryRawUnsafe<Array<{ task: string }>>(
      `SELECT t.identifier AS task FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id ORDER BY j.id`,
    );
    // What is left are the fallbacks of the actions the command ran at once (they will find them done),
    // and the new case's acknowledgement deadlines.
    const before = await jobs();
    expect(before.every((j) => j.task === "run-action" || j.task === "deadline")).toBe(true);
    expect(before.filter((j) => j.task === "deadline")).toHaveLength(2);
    await app.deliver("issue_comment", payload, "delivery-1");
    expect(await jobs()).toEqual(before);
    await app.drain();
    expect(inOrder(github.calls)).toEqual(EXPECTED_CALLS);
    expect(await database.db.report.count()).toBe(1);
  });
});
