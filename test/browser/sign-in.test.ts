/**
 * Signing in with GitHub and out again in a real browser, as a person does it:
 * open a page for signed-in people, click "Sign in with GitHub", come back
 * signed in (through the local stand-in of GitHub's sign-in), click "Sign out".
 * Every page on the way passes axe, has no console error or CSP violation,
 * is screenshotted, is reached by Tab in a sensible order, fits a phone's
 * width, and the whole walk works with JavaScript off.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { checkAccessibility, layoutWidth, PHONE, screenshot, tabOrder, useBrowser } from "../support/browser.js";
import { accountPage, signInByClicking, useServedPages } from "../support/browser-pages.js";
import { useTestDatabase } from "../support/test-database.js";

const ALICE = { id: 501, login: "alice" };

describe("sign-in with GitHub in a browser", () => {
  const database = useTestDatabase();
  const browser = useBrowser();
  const served = useServedPages(database, { pageSets: [accountPage] });

  const signIn = (page: Page) => signInByClicking(page, served(), ALICE);

  it("signs in by clicking, then out by clicking; each page passes axe and is screenshotted", async () => {
    const { page } = await browser.open();
    await page.goto(`${served().app.url}/report`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Sign in with GitHub");
    await checkAccessibility(page);
    await screenshot(page, "sign-in");

    served().oauth.signInAs(ALICE);
    await page.getByRole("link", { name: "Sign in with GitHub" }).click();
    await page.waitForURL(`${served().app.url}/report`);
    await expect(page.locator("header").textContent()).resolves.toContain("Signed in as @alice");
    await expect(page.locator("main").textContent()).resolves.toContain("Signed in with account 501.");
    // The browser went to GitHub (the stand-in) with the app's registered callback.
    expect(served().oauth.authorizations.at(-1)).toMatchObject({ redirect_uri: `${served().app.url}/auth/callback` });
    await checkAccessibility(page);
    await screenshot(page, "signed-in");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Signed out" }).waitFor();
    await expect(page.locator("header").textContent()).resolves.not.toContain("@alice");
    await checkAccessibility(page);
    await screenshot(page, "signed-out");

    // Signed out for good: the page asks for sign-in again.
    await page.goto(`${served().app.url}/report`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Sign in with GitHub");
  });

  it("reaches the skip link first with Tab, then the page's main action; the skip link shows and moves to the content", async () => {
    const { page } = await browser.open();
    await page.goto(`${served().app.url}/report`);
    expect(await tabOrder(page, 3)).toEqual(['a "Skip to content"', 'a "Sign in with GitHub"', 'a "Report conduct privately"']);
    await page.reload();
    await tabOrder(page, 1);
    // Hidden off-screen until it has the focus, then on screen.
    const skip = await page.getByRole("link", { name: "Skip to content" }).boundingBox();
    expect(skip!.x).toBeGreaterThanOrEqual(0);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate<string>("document.activeElement.id")).toBe("main");

    await signIn(page);
    expect(await tabOrder(page, 3)).toEqual(['a "Skip to content"', 'button "Sign out"', 'a "Report conduct privately"']);
    // Sign out is reached and pressed with the keyboard alone.
    await page.reload();
    await tabOrder(page, 2);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Signed out" }).waitFor();
    expect(await tabOrder(page, 3)).toEqual(['a "Skip to content"', 'a "Report conduct privately"', 'a "Report conduct privately"']);
  });

  it("fits a phone's width on every page of the walk, signed out and in", async () => {
    const { page } = await browser.open(PHONE);
    await page.goto(`${served().app.url}/report`);
    expect(await layoutWidth(page)).toBeLessThanOrEqual(390);
    await screenshot(page, "sign-in-phone");
    await signIn(page);
    expect(await layoutWidth(page)).toBeLessThanOrEqual(390);
    await screenshot(page, "signed-in-phone");
    await checkAccessibility(page);
    await page.getByRole("button", { name: "Sign out" }).tap();
    await page.getByRole("heading", { name: "Signed out" }).waitFor();
    expect(await layoutWidth(page)).toBeLessThanOrEqual(390);
    await screenshot(page, "signed-out-phone");
  });

  it("signs in and out with JavaScript off", async () => {
    const { page } = await browser.open({ javaScriptEnabled: false });
    await signIn(page);
    await expect(page.locator("header").textContent()).resolves.toContain("Signed in as @alice");
    await screenshot(page, "signed-in-no-javascript");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Signed out" }).waitFor();
    await page.goto(`${served().app.url}/report`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Sign in with GitHub");
  });
});
