/**
 * The app's server over HTTP never logs a delivery's content: not when its
 * signature does not match (every delivery while WEBHOOK_SECRET is rotated,
 * and anyone posting to the public URL), not when a handler throws. Lines say
 * which delivery it was, and why, and nothing else.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { ApplicationFunction } from "probot";
import { issueCommentCreated } from "../factories/webhooks.js";
import { httpLineFor, startTestServer, type ServerHarness } from "../support/server-harness.js";

const SECRET = "kept-between-us-7f3a9c";
const flagBody = () => JSON.stringify(issueCommentCreated({ body: `/coc flag https://github.com/acme/widgets/issues/7 ${SECRET}` }));

describe("the app's server logs", () => {
  let server: ServerHarness | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  const start = async (appFn: ApplicationFunction = () => {}) => (server = await startTestServer({ appFn }));

  it("answers GET /ping", async () => {
    const { url } = await start();
    const response = await fetch(`${url}/ping`);
    expect([response.status, await response.text()]).toEqual([200, "PONG"]);
  });

  it("say which delivery had a wrong signature, without its body", async () => {
    const app = await start();
    const { id, status } = await app.post("issue_comment", flagBody(), { signature: `sha256=${"0".repeat(64)}` });

    expect(status).toBe(400);
    await app.waitForLine(httpLineFor(id));
    expect(app.text.filter((line) => line.includes(SECRET))).toEqual([]);
    const errors = app.lines.filter((line) => line.level === 50);
    expect(errors.length).toBeGreaterThan(0);
    for (const line of errors) {
      expect(line.err).toMatchObject({ delivery: id, event: "issue_comment", status: 400, message: "[@octokit/webhooks] signature does not match event payload and secret" });
      // An unverified body is never read, not even for its repository.
      expect(line.err).not.toHaveProperty("repository");
    }
  });

  it("say which delivery a handler failed on, without the payload or what the error carried", async () => {
    const app = await start((probot) => {
      probot.on("issue_comment.created", async (context) => {
        // Errors carry data as properties, as Octokit's RequestError carries the request body.
        throw Object.assign(new Error("database unavailable"), { comment: context.payload.comment });
      });
    });
    const { id, status } = await app.post("issue_comment", flagBody());

    expect(status).toBe(500);
    await app.waitForLine(httpLineFor(id));
    expect(app.text.filter((line) => line.includes(SECRET))).toEqual([]);
    const errors = app.lines.filter((line) => line.level === 50);
    expect(errors.length).toBeGreaterThan(0);
    for (const line of errors) {
      expect(line.msg).toBe("database unavailable");
      expect(line.err).toMatchObject({ delivery: id, event: "issue_comment", action: "created", installation: 4242, repository: "acme/widgets" });
      expect(Object.keys(line.err).sort()).toEqual(expect.arrayContaining(["delivery", "message", "type"]));
      expect(line.err).not.toHaveProperty("comment");
    }
  });

  it("give a long or multi-line error message as its first line, shortened", async () => {
    const app = await start((probot) => {
      probot.on("issue_comment.created", async () => {
        throw new Error(`Invalid \`tx.report.create()\` invocation:\n\n  data: { reason: "${SECRET}" }`);
      });
    });
    const { id } = await app.post("issue_comment", flagBody());
    await app.waitForLine(httpLineFor(id));
    expect(app.text.filter((line) => line.includes(SECRET))).toEqual([]);
    expect(app.lines.filter((line) => line.level === 50).map((line) => line.msg)).toContain("Invalid `tx.report.create()` invocation:");
  });

  it("keep the pages' session cookie and the sign-in code and state out of the request lines", async () => {
    const app = await start((_probot, { addHandler }) => {
      addHandler((req, res) => {
        if (!req.url?.startsWith("/auth/")) return false;
        res.writeHead(303, { location: "/report", "set-cookie": "coc_session=s%3Asecret-session-id; Path=/; HttpOnly" }).end();
        return true;
      });
    });
    const response = await fetch(`${app.url}/auth/callback?code=one-time-code-91ab&state=state-value-77cd`, {
      redirect: "manual",
      headers: { cookie: "coc_session=s%3Asecret-session-id", "x-request-id": "pages-1" },
    });
    expect(response.status).toBe(303);
    const line = await app.waitForLine((l) => (l as { req?: { id?: string } }).req?.id === "pages-1");
    expect(line.msg).toMatch(/^GET \/auth\/callback\?… 303 - \d+ms$/);
    const logged = app.text.join("\n");
    for (const secret of ["one-time-code-91ab", "state-value-77cd", "secret-session-id"]) expect(logged).not.toContain(secret);
    expect(line).toMatchObject({ req: { method: "GET", url: "/auth/callback?…", headers: { cookie: "[redacted]" } } });
  });
});
