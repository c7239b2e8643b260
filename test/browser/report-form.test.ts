/**
 * The private report form in a real browser, used as a person uses it: sign
 * in by clicking, type the report (the count of characters left follows the
 * typing, the safety guidance appears when someone is said to be in danger),
 * send it, land on the receipt, see the case appear on it once filed. The
 * form with its errors, the receipt and the form on a phone pass axe (or fit
 * 390 pixels), and without JavaScript the form still sends.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { checkAccessibility, layoutWidth, PHONE, screenshot, tabOrder, useBrowser } from "../support/browser.js";
import { signInByClicking } from "../support/browser-pages.js";
import { ALICE, COMMENT_LINK, useReportWorld } from "../support/report-world.js";

const WHAT_HAPPENED = "They called me an idiot in the thread, then again the next day.";
const RECEIPT = /\/report\/[0-9a-f]{32}\?sent=1$/;

describe("the private report form in a browser", () => {
  const world = useReportWorld();
  const browser = useBrowser();

  const openForm = async (page: Page) => {
    await signInByClicking(page, world.server, ALICE);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Report conduct privately");
  };

  /** Answers every required question as a person would, by typing and clicking. */
  async function fillIn(page: Page): Promise<void> {
    await page.locator("#field-what-happened").fill(WHAT_HAPPENED);
    await page.locator("#field-where").fill(COMMENT_LINK);
    await page.locator("#field-ongoing-yes").check();
    await page.locator("#field-in-danger-no").check();
    await page.locator("#field-anonymous-yes").check();
  }

  it("counts what is left as the person types, shows the safety guidance on 'in danger', sends, and the receipt follows the case", async () => {
    const { page } = await browser.open();
    await openForm(page);
    const count = page.locator("#field-what-happened-count");
    await expect(count.textContent()).resolves.toBe("5000 of 5000 characters left");
    await checkAccessibility(page);
    await screenshot(page, "report-form");

    await page.locator("#field-what-happened").pressSequentially("They called me");
    await expect.poll(() => count.textContent()).toBe(`${5000 - "They called me".length} of 5000 characters left`);
    await page.locator("#field-what-happened").fill("");

    const safety = page.locator("#safety-guidance");
    await expect(safety.isVisible()).resolves.toBe(false);
    await page.locator("#field-in-danger-yes").check();
    await expect(safety.isVisible()).resolves.toBe(true);
    await screenshot(page, "report-form-in-danger");
    await page.locator("#field-in-danger-no").check();
    await expect(safety.isVisible()).resolves.toBe(false);

    await fillIn(page);
    await page.getByRole("button", { name: "Send the report" }).click();
    await page.waitForURL(RECEIPT);
    await expect(page.getByRole("status").textContent()).resolves.toContain("your report was received");
    await expect(page.locator("dl.facts").textContent()).resolves.toContain("being opened");
    await checkAccessibility(page);
    await screenshot(page, "report-receipt");

    await world.drain();
    await page.reload();
    await expect(page.locator("dl.facts").textContent()).resolves.toContain("COC-2026-0001");
    await expect(page.locator("main").textContent()).resolves.toContain(WHAT_HAPPENED);
    await checkAccessibility(page);
    await screenshot(page, "report-receipt-filed");
  });

  it("lists what is missing at the top and beside each field, keeps what was typed, and each error leads to its field", async () => {
    const { page } = await browser.open();
    await openForm(page);
    await page.locator("#field-people").fill("troll-tom wrote it; bob saw it");
    await page.getByRole("button", { name: "Send the report" }).click();
    const summary = page.getByRole("alert");
    await expect(summary.textContent()).resolves.toContain("Your report was not sent yet");
    await expect(page.locator("#field-people").inputValue()).resolves.toBe("troll-tom wrote it; bob saw it");
    await expect(page.locator("#field-what-happened").getAttribute("aria-invalid")).resolves.toBe("true");
    await checkAccessibility(page);
    await screenshot(page, "report-form-errors");

    await summary.getByRole("link", { name: /^What happened/ }).click();
    await expect.poll(() => page.evaluate<string>("document.activeElement.id")).toBe("field-what-happened");
  });

  it("is reached with Tab in reading order: skip link, sign-out, then the form's fields from the top", async () => {
    const { page } = await browser.open();
    await openForm(page);
    await page.reload();
    expect(await tabOrder(page, 6)).toEqual([
      'a "Skip to content"',
      'button "Sign out"',
      "textarea#field-what-happened",
      "textarea#field-where",
      "input#field-when",
      "textarea#field-people",
    ]);
  });

  it("fits a phone's width: the form, its errors and the receipt", async () => {
    const { page } = await browser.open(PHONE);
    await openForm(page);
    expect(await layoutWidth(page)).toBeLessThanOrEqual(390);
    await screenshot(page, "report-form-phone");
    await page.getByRole("button", { name: "Send the report" }).tap();
    await page.getByRole("alert").waitFor();
    expect(await layoutWidth(page)).toBeLessThanOrEqual(390);
    await screenshot(page, "report-form-errors-phone");
    await fillIn(page);
    await page.getByRole("button", { name: "Send the report" }).tap();
    await page.waitForURL(RECEIPT);
    expect(await layoutWidth(page)).toBeLessThanOrEqual(390);
    await screenshot(page, "report-receipt-phone");
  });

  it("sends with JavaScript off: the safety guidance is always shown, the limit is said in words", async () => {
    const { page } = await browser.open({ javaScriptEnabled: false });
    await openForm(page);
    await expect(page.locator("#safety-guidance").isVisible()).resolves.toBe(true);
    await expect(page.locator("#field-what-happened-count").textContent()).resolves.toBe("Up to 5000 characters.");
    await screenshot(page, "report-form-no-javascript");
    await fillIn(page);
    await page.getByRole("button", { name: "Send the report" }).click();
    await page.waitForURL(RECEIPT);
    await expect(page.getByRole("status").textContent()).resolves.toContain("your report was received");
    await world.drain();
    await page.reload();
    await expect(page.locator("dl.facts").textContent()).resolves.toContain("COC-2026-0001");
  });
});
