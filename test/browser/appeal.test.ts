/**
 * The appeal page in a real browser, used as the sanctioned person uses it:
 * open `/appeal/<case code>`, sign in by clicking, read the decision, type the
 * appeal (the count of characters left follows the typing), send it, and see
 * it waiting for review. The page before and after passes axe, is reached with
 * Tab in reading order, fits a phone's width, and sends with JavaScript off;
 * anyone but the subject gets a plain "no decision about you" page.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { fakeAccountId } from "../../src/github/in-memory-github.js";
import { checkAccessibility, layoutWidth, PHONE, screenshot, tabOrder, useBrowser } from "../support/browser.js";
import { signInByClicking } from "../support/browser-pages.js";
import { useDecidedCase } from "../support/decided-case.js";

const SUBJECT = { id: fakeAccountId("troll-tom"), login: "troll-tom" };
const CODE = "COC-2026-0001";
const PATH = `/appeal/${CODE}`;
const APPEAL = "The insults were quoted from someone else's message.";

describe("the appeal page in a browser", () => {
  // A decided case about troll-tom, as the HTTP tests of appeals set it up: a warning, decided by one member.
  const decided = useDecidedCase();
  const browser = useBrowser();

  const openAppeal = async (page: Page) => {
    await signInByClicking(page, decided.pages, SUBJECT, PATH);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(`Appeal a decision in case ${CODE}`);
  };
  const field = (page: Page) => page.getByRole("textbox", { name: /Your appeal/ });
  const filed = async (page: Page) => {
    await page.waitForURL(new RegExp(`${PATH}#appeal-A-1$`));
    await expect(page.locator("#appeal-A-1 h3").textContent()).resolves.toBe("Your appeal A-1: Waiting for review");
    await expect(page.locator("#appeal-A-1 blockquote").textContent()).resolves.toBe(APPEAL);
  };

  it("shows the decision, counts what is left as the person types, sends the appeal and shows it waiting for review", async () => {
    const { page } = await browser.open();
    await openAppeal(page);
    await expect(page.locator("main").textContent()).resolves.toContain("repeated insults in the thread");
    const count = page.locator(".count");
    await expect(count.textContent()).resolves.toBe("5000 of 5000 characters left");
    await checkAccessibility(page);
    await screenshot(page, "appeal");

    // Typed key by key, as a person types; then the rest at once (as a paste), which the count follows too.
    await field(page).pressSequentially("The insults");
    await expect.poll(() => count.textContent()).toBe(`${5000 - "The insults".length} of 5000 characters left`);
    await field(page).fill(APPEAL);
    await expect.poll(() => count.textContent()).toBe(`${5000 - APPEAL.length} of 5000 characters left`);
    await page.getByRole("button", { name: "Send the appeal" }).click();
    await filed(page);
    // Appealed once: the form is gone.
    await expect(field(page).count()).resolves.toBe(0);
    await checkAccessibility(page);
    await screenshot(page, "appeal-filed");
  });

  it("is reached with Tab in reading order: skip link, sign-out, the appeal, its send button", async () => {
    const { page } = await browser.open();
    await openAppeal(page);
    await page.reload();
    const stops = await tabOrder(page, 4);
    expect(stops.slice(0, 2)).toEqual(['a "Skip to content"', 'button "Sign out"']);
    expect(stops[2]).toMatch(/^textarea#appeal-/);
    expect(stops[3]).toBe('button "Send the appeal"');
  });

  it("fits a phone's width, before and after the appeal", async () => {
    const { page } = await browser.open(PHONE);
    await openAppeal(page);
    expect(await layoutWidth(page)).toBeLessThanOrEqual(390);
    await screenshot(page, "appeal-phone");
    await field(page).fill(APPEAL);
    await page.getByRole("button", { name: "Send the appeal" }).tap();
    await filed(page);
    expect(await layoutWidth(page)).toBeLessThanOrEqual(390);
    await screenshot(page, "appeal-filed-phone");
  });

  it("sends the appeal with JavaScript off; the limit is in the field's hint", async () => {
    const { page } = await browser.open({ javaScriptEnabled: false });
    await openAppeal(page);
    await expect(page.locator("main").textContent()).resolves.toContain("At most 5000 characters.");
    await screenshot(page, "appeal-no-javascript");
    await field(page).fill(APPEAL);
    await page.getByRole("button", { name: "Send the appeal" }).click();
    await filed(page);
  });

  it("shows anyone but the subject the same page as a code that does not exist", async () => {
    const { page } = await browser.open();
    await signInByClicking(page, decided.pages, { id: 666, login: "mallory" }, PATH);
    const response = await page.reload();
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("No decision about you under this code");
    await checkAccessibility(page);
    await screenshot(page, "appeal-not-the-subject");
  });
});
