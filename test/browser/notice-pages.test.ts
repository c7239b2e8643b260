/**
 * The pages that only tell something, in a real browser: sign-in not set up,
 * a sign-in answer this browser did not start (a forged `state`), and a page
 * that does not exist. Each passes axe, shows no console error or CSP
 * violation, is screenshotted, offers its way on first after the skip link,
 * fits a phone's width, and reads and leads on with JavaScript off.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { checkAccessibility, layoutWidth, PHONE, screenshot, tabOrder, useBrowser } from "../support/browser.js";
import { accountPage, signInByClicking, useServedPages } from "../support/browser-pages.js";
import type { PagesServer } from "../support/pages-server.js";
import { useTestDatabase } from "../support/test-database.js";

const FOOTER_LINK = 'a "Report conduct privately"';

interface Notice {
  name: string;
  path: string;
  status: number;
  title: string;
  /** What Tab reaches after the skip link. */
  tabStops: string[];
}

describe("notice and error pages in a browser", () => {
  const database = useTestDatabase();
  const browser = useBrowser();
  // "Sign in again" returns to the account page, so that it can be followed to its end.
  const configured = useServedPages(database, { pageSets: [accountPage] });
  const unconfigured = useServedPages(database, { configured: false, pageSets: [accountPage] });

  const notices = (): Array<Notice & { server: PagesServer }> => [
    { server: unconfigured(), name: "not-configured", path: "/report", status: 503, title: "These pages are not set up yet", tabStops: [FOOTER_LINK] },
    { server: configured(), name: "forged-sign-in", path: "/auth/callback?state=x&code=y", status: 400, title: "This sign-in was not started here", tabStops: ['a "Sign in again"', FOOTER_LINK] },
    { server: configured(), name: "not-found", path: "/report/no-such-page", status: 404, title: "Page not found", tabStops: [FOOTER_LINK] },
  ];

  async function open(page: Page, notice: Notice & { server: PagesServer }): Promise<void> {
    const response = await page.goto(`${notice.server.app.url}${notice.path}`);
    expect(response?.status()).toBe(notice.status);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(notice.title);
  }

  it.for(["not-configured", "forged-sign-in", "not-found"])("%s: passes axe, is screenshotted, and Tab reaches the skip link, then the way on", async (name) => {
    const notice = notices().find((n) => n.name === name)!;
    const { page } = await browser.open();
    await open(page, notice);
    await checkAccessibility(page);
    await screenshot(page, notice.name);
    expect(await tabOrder(page, 1 + notice.tabStops.length)).toEqual(['a "Skip to content"', ...notice.tabStops]);
  });

  it.for(["not-configured", "forged-sign-in", "not-found"])("%s: fits a phone's width", async (name) => {
    const notice = notices().find((n) => n.name === name)!;
    const { page } = await browser.open(PHONE);
    await open(page, notice);
    expect(await layoutWidth(page)).toBeLessThanOrEqual(390);
    await screenshot(page, `${notice.name}-phone`);
  });

  it("says what happened with JavaScript off, and its way on still leads to a sign-in", async () => {
    const { page } = await browser.open({ javaScriptEnabled: false });
    for (const notice of notices()) {
      await open(page, notice);
      await expect(page.getByRole(notice.name === "forged-sign-in" ? "alert" : "main").textContent()).resolves.not.toBe("");
    }
    // The forged answer's page offers a fresh sign-in, which works.
    const forged = notices().find((n) => n.name === "forged-sign-in")!;
    await open(page, forged);
    configured().oauth.signInAs({ id: 7, login: "carol" });
    await page.getByRole("link", { name: "Sign in again" }).click();
    await page.waitForURL(`${configured().app.url}/report`);
    await expect(page.locator("header").textContent()).resolves.toContain("Signed in as @carol");
    await screenshot(page, "signed-in-again-no-javascript");
  });

  it("shows the account and its sign-out on a missing page to someone signed in", async () => {
    const { page } = await browser.open();
    await signInByClicking(page, configured(), { id: 8, login: "dave" });
    const response = await page.goto(`${configured().app.url}/report/no-such-page`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("header").textContent()).resolves.toContain("Signed in as @dave");
    await checkAccessibility(page);
    await screenshot(page, "not-found-signed-in");
    expect(await tabOrder(page, 3)).toEqual(['a "Skip to content"', 'button "Sign out"', FOOTER_LINK]);
  });
});
