/**
 * The app's pages served for a browser test file: Probot's server with the
 * pages on the file's test database, started once for the file, signing in
 * against the local OAuth stand-in; and a page for signed-in people only, for
 * tests of sign-in apart from any feature.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { frameOf } from "../../src/web/frame.js";
import { Layout } from "../../src/web/pages/layout.js";
import { sendPage } from "../../src/web/render.js";
import type { WebPages } from "../../src/web/web-app.js";
import { startPagesServer, type PagesServer } from "./pages-server.js";
import type { TestDatabase } from "./test-database.js";

/** At `/report`, a path the pages own (so sign-in returns there); says whose session it is. */
export const accountPage: WebPages = (router, context) =>
  router.get("/report", context.requireAccount("Sign in to see this page."), (req, res) =>
    sendPage(res, 200, Layout({ title: "Your account", frame: frameOf(req, context.makeToken), children: `Signed in with account ${req.session.account?.id}.` })),
  );

/** Serves the page sets (the app's own when none are given) for the enclosing describe block; the getter gives the running server. */
export function useServedPages(database: Pick<TestDatabase, "db">, options: { pageSets?: WebPages[]; configured?: boolean } = {}): () => PagesServer {
  let server: PagesServer | undefined;
  beforeAll(async () => {
    server = await startPagesServer({ db: database.db, configured: options.configured, pages: options.pageSets ? { pageSets: options.pageSets } : {} });
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error("the pages are used before beforeAll started them");
    return server;
  };
}

/**
 * Signs in as a person does: opens the page (for signed-in people only), clicks
 * "Sign in with GitHub", and is back on it, signed in as the account.
 */
export async function signInByClicking(page: Page, server: PagesServer, account: { id: number; login: string }, path = "/report"): Promise<void> {
  await page.goto(`${server.app.url}${path}`);
  server.oauth.signInAs(account);
  await page.getByRole("link", { name: "Sign in with GitHub" }).click();
  await page.waitForURL(`${server.app.url}${path}`);
  await page.getByText(`Signed in as @${account.login}`).waitFor();
}
