/**
 * Sign-in with GitHub for the appeal and report pages, over HTTP through
 * Probot's server, against a local stand-in of GitHub's web flow: the `state`
 * binds GitHub's answer to the browser that asked, sessions live in the
 * database so that signing out ends them, forms need the session's token,
 * and without sign-in set up the pages say so.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { Layout } from "../../src/web/pages/layout.js";
import { frameOf } from "../../src/web/frame.js";
import { sendPage } from "../../src/web/render.js";
import type { WebPages } from "../../src/web/web-app.js";
import { PageClient } from "../support/page-client.js";
import { startPagesServer, type PagesServer } from "../support/pages-server.js";
import { useTestDatabase } from "../support/test-database.js";

const ALICE = { id: 501, login: "alice" };
const MALLORY = { id: 666, login: "mallory" };

/** A page for signed-in people only, at a path the pages own, so that sign-in is tested apart from any feature. */
const accountPage: WebPages = (router, context) =>
  router.get("/report", context.requireAccount("Sign in to see this page."), (req, res) =>
    sendPage(res, 200, Layout({ title: "Your account", frame: frameOf(req, context.makeToken), children: `Account ${req.session.account?.id}` })),
  );

describe("sign-in with GitHub", () => {
  const database = useTestDatabase();
  let server: PagesServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });
  const start = async (configured = true) => (server = await startPagesServer({ db: database.db, configured, pages: { pageSets: [accountPage] } }));

  it("sends a visitor to GitHub with the client, the registered callback and a state, and back to the page they asked for", async () => {
    const { oauth, browser, app } = await start();
    const client = browser();
    const first = await client.open("/report");
    expect(first.status).toBe(401);
    expect(first.html).toContain("Sign in with GitHub");

    oauth.signInAs(ALICE);
    const page = await client.open("/auth/sign-in?return=/report");
    const [asked] = oauth.authorizations;
    expect(asked).toMatchObject({ client_id: oauth.clientId, redirect_uri: `${app.url}/auth/callback` });
    expect(asked!.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(page.url).toBe(`${app.url}/report`);
    expect(page.html).toContain("Signed in as <strong>@alice</strong>");
    // The app read the account, then gave the token back.
    await vi.waitFor(() => expect(oauth.deletedTokens).toEqual([oauth.issuedTokens.get("alice")]));
    const sessions = await database.db.webSession.findMany();
    expect(sessions.map((s) => (s.data as { account?: unknown }).account)).toEqual([{ id: "501", login: "alice" }]);
  });

  it("sends the cookie HTTP-only and SameSite=Lax, signed, with a strict Content Security Policy on every page", async () => {
    const { oauth, browser } = await start();
    const client = browser();
    oauth.signInAs(ALICE);
    const response = await fetch(new URL("/auth/sign-in?return=/report", (client as unknown as { appUrl: string }).appUrl), { redirect: "manual" });
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^coc_session=s%3A[^;]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
    const page = await client.open("/report");
    const csp = page.headers.get("content-security-policy");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(page.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses a callback whose state was forged, or started in another browser, and signs no one in", async () => {
    const { oauth, browser, app } = await start();
    const victim = browser();
    await victim.open("/report");
    // The attacker starts a sign-in of their own and hands the victim GitHub's answer to it.
    const attacker = browser();
    oauth.signInAs(MALLORY);
    const started = await fetch(`${app.url}/auth/sign-in?return=/report`, { redirect: "manual" });
    const authorize = await fetch(started.headers.get("location")!, { redirect: "manual" });
    const callback = authorize.headers.get("location")!;
    const planted = await victim.open(callback);
    expect(planted.status).toBe(400);
    expect(planted.html).toContain("This sign-in was not started here");
    expect(planted.html).not.toContain("@mallory");

    // A state that no one was given, in a browser that did start a sign-in.
    const forged = browser();
    const toGitHub = await forged.open("/auth/sign-in?return=/report", { stayOnSite: true });
    expect(toGitHub.status).toBe(303);
    const response = await forged.open(`/auth/callback?code=anything&state=${"A".repeat(43)}`);
    expect(response.status).toBe(400);
    expect((await forged.open("/report")).status).toBe(401);
    expect(attacker.cookies.size).toBe(0);
  });

  it("ends the session for good on sign-out: the old cookie, replayed, is nobody's", async () => {
    const { signedIn } = await start();
    const client = await signedIn(ALICE);
    const before = client.cookieHeader;
    const page = await client.open("/report");
    const signedOut = await client.submit("/auth/sign-out", { _csrf: PageClient.tokenOf(page) });
    expect(signedOut.html).toContain("You are signed out");
    expect(await database.db.webSession.count()).toBe(0);

    const replay = await fetch(`${server!.app.url}/report`, { headers: { cookie: before } });
    expect(replay.status).toBe(401);
    expect(await replay.text()).not.toContain("@alice");
  });

  it("refuses a form without the session's token, or with another session's", async () => {
    const { signedIn } = await start();
    const alice = await signedIn(ALICE);
    const other = await signedIn(MALLORY);
    const otherToken = PageClient.tokenOf(await other.open("/report"));

    const missing = await alice.submit("/auth/sign-out", {});
    expect(missing.status).toBe(403);
    expect(missing.html).toContain("This form has expired");
    const wrong = await alice.submit("/auth/sign-out", { _csrf: otherToken });
    expect(wrong.status).toBe(403);
    expect((await alice.open("/report")).html).toContain("@alice");
  });

  it("says plainly that the pages are not set up when sign-in is not configured", async () => {
    const { browser } = await start(false);
    for (const path of ["/report", "/appeal/COC-2026-0001", "/auth/sign-in"]) {
      const page = await browser().open(path);
      expect(page.status).toBe(503);
      expect(page.html).toContain("These pages are not set up yet");
      expect(page.html).toContain("GITHUB_CLIENT_ID");
    }
  });

  it("leaves every other path to Probot", async () => {
    const { app } = await start();
    expect(await app.ping()).toBe("PONG");
    expect((await fetch(`${app.url}/reports-elsewhere`)).status).toBe(404);
    // A file the pages do not have is a page not found, not a failure.
    const missing = await fetch(`${app.url}/assets/missing.css`);
    expect([missing.status, (await missing.text()).includes("Page not found")]).toEqual([404, true]);
  });
});
