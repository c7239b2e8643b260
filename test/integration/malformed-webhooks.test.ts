/**
 * Correctly signed deliveries that do not fit what the app reads, posted over
 * HTTP to the real app: each is answered 2xx or 4xx, never 500, with one log
 * line that names its delivery and says what did not fit, and nothing is
 * recorded. A well-formed delivery on the same server is still taken in.
 */
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/index.js";
import { issueCommentCreated, issueOpened, pullRequestOpened, realPayload, repositoryPrivatized, reviewSubmitted } from "../factories/webhooks.js";
import { httpLineFor, startTestServer, type ServerHarness } from "../support/server-harness.js";
import { testBackend, useTestDatabase } from "../support/test-database.js";

type Json = Record<string, any>;
const flag = () => issueCommentCreated({ body: "/coc flag personal attack" });
const changed = (payload: Json, change: (payload: Json) => void) => {
  change(payload);
  return JSON.stringify(payload);
};

const IGNORED: Array<[string, string, string, RegExp]> = [
  ["no comment", "issue_comment", changed(flag(), (p) => delete p.comment), /^ignored issue_comment\.created: comment: .*expected object, received undefined/],
  ["repository: null", "issue_comment", changed(flag(), (p) => (p.repository = null)), /^ignored issue_comment\.created: repository: .*expected object, received null/],
  ["a number for comment.body", "issue_comment", changed(flag(), (p) => (p.comment.body = 42)), /^ignored issue_comment\.created: comment\.body: .*expected string, received number/],
  ["no sender", "issue_comment", changed(flag(), (p) => delete p.sender), /^ignored issue_comment\.created: sender: /],
  ["a text installation ID", "issue_comment", changed(flag(), (p) => (p.installation.id = "4242")), /^ignored issue_comment\.created: installation\.id: /],
  ["a text previous body", "issue_comment", changed(flag(), (p) => ((p.action = "edited"), (p.changes = { body: { from: 1 } }))), /^ignored issue_comment\.edited: changes\.body\.from: /],
  ["a review without its pull request", "pull_request_review", changed(reviewSubmitted({ body: "/coc flag" }), (p) => delete p.pull_request), /^ignored pull_request_review\.submitted: pull_request: /],
  ["a text issue number", "issues", changed(issueOpened({}), (p) => (p.issue.number = "40")), /^ignored issues\.opened: issue\.number: .*expected number, received string/],
  ["a pull request without its author's login", "pull_request", changed(pullRequestOpened({}), (p) => delete p.pull_request.user.login), /^ignored pull_request\.opened: pull_request\.user\.login: /],
  ["a repository event without a repository", "repository", changed(repositoryPrivatized({}), (p) => delete p.repository), /^ignored repository\.privatized: repository: /],
  [
    "added repositories that are not a list",
    "installation_repositories",
    changed(realPayload("installation_repositories", "added"), (p) => (p.repositories_added = "all")),
    /^ignored installation_repositories\.added: repositories_added: /,
  ],
];

const REJECTED: Array<[string, string]> = [
  ["not JSON at all", "this is not JSON"],
  ["JSON null", "null"],
  ["a JSON number", "5"],
  ["a JSON string", JSON.stringify("/coc flag")],
  ["a JSON list", JSON.stringify([flag()])],
];

describe(`malformed webhooks over HTTP (${testBackend})`, () => {
  const database = useTestDatabase();
  const withServer = async (test: (server: ServerHarness) => Promise<void>) => {
    const server = await startTestServer({ appFn: createApp({ db: database.db, webHost: "github.com" }) });
    try {
      await test(server);
    } finally {
      await server.stop();
    }
  };
  /** Lines that name the delivery, other than the HTTP request line every request gets. */
  const linesAbout = (server: ServerHarness, id: string) => server.lines.filter((line) => JSON.stringify(line).includes(id) && !httpLineFor(id)(line));

  it.each(IGNORED)("ignores a signed delivery with %s: 200, one warning naming the field", async (_case, event, body, message) => {
    await withServer(async (server) => {
      const { id, status } = await server.post(event, body);
      expect(status).toBe(200);
      await server.waitForLine(httpLineFor(id));
      const lines = linesAbout(server, id);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 40, id });
      expect(lines[0]!.msg).toMatch(message);
      expect(await database.db.delivery.count()).toBe(0);
    });
  });

  it.each(REJECTED)("refuses a signed body that is %s: 400, one error line naming the delivery", async (_case, body) => {
    await withServer(async (server) => {
      const { id, status } = await server.post("issue_comment", body);
      expect(status).toBe(400);
      await server.waitForLine(httpLineFor(id));
      const lines = linesAbout(server, id);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 50, err: { delivery: id, event: "issue_comment", status: 400 } });
      expect(await database.db.delivery.count()).toBe(0);
    });
  });

  it("takes in the command of a comment that cannot be checked for a ban, with one warning", async () => {
    await withServer(async (server) => {
      const { id, status } = await server.post("issue_comment", changed(flag(), (p) => delete p.comment.node_id));
      expect(status).toBe(200);
      await server.waitForLine(httpLineFor(id));
      const lines = linesAbout(server, id).filter((line) => line.level >= 40);
      expect(lines.map((line) => line.msg)).toEqual([expect.stringMatching(/^could not check issue_comment\.created for a ban: comment\.node_id: .*expected string, received undefined/)]);
      expect(await database.db.delivery.findMany({ select: { id: true } })).toEqual([{ id }]);
    });
  });

  it("still takes in a well-formed delivery after malformed ones", async () => {
    await withServer(async (server) => {
      for (const [, event, body] of IGNORED) expect((await server.post(event, body)).status).toBe(200);
      for (const [, body] of REJECTED) expect((await server.post("issue_comment", body)).status).toBe(400);
      const { id, status } = await server.post("issue_comment", JSON.stringify(flag()));
      expect(status).toBe(200);
      expect(await database.db.delivery.findMany({ select: { id: true, event: true } })).toEqual([{ id, event: "issue_comment" }]);
      expect(server.lines.filter((line) => line.level >= 50 && line.id === id)).toEqual([]);
    });
  });
});
