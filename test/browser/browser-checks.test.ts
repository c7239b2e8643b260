/**
 * The browser tests' own checks catch what they are there to catch, on a
 * page made to break them, served with the app's Content Security Policy:
 * inline script and style are refused and reported (with JavaScript on and
 * off), a script error is reported, and axe's findings come out readable.
 * Without this, a check that silently saw nothing would pass every test.
 */
import { describe, expect, it } from "vitest";
import type { WebPages } from "../../src/web/web-app.js";
import { checkAccessibility, useBrowser } from "../support/browser.js";
import { useServedPages } from "../support/browser-pages.js";
import { useTestDatabase } from "../support/test-database.js";

/** Everything the pages must never do, on one page. */
const BROKEN_PAGE = `<!DOCTYPE html><html><head><title>Broken</title>
<style>body { color: #777; }</style></head>
<body><img src="/assets/icon.svg"><p style="color: #eee">faint</p>
<script>document.title = "inline script ran";</script>
<script src="/assets/no-such-script.js"></script></body></html>`;

const brokenPage: WebPages = (router) =>
  router.get("/report/broken", (_req, res) => {
    res.type("html").send(BROKEN_PAGE);
  });

describe("the browser tests' own checks", () => {
  const database = useTestDatabase();
  const browser = useBrowser();
  const served = useServedPages(database, { pageSets: [brokenPage] });

  it("reports the CSP's refusals of inline script and style, and a missing script, with JavaScript on", async () => {
    const watched = await browser.open();
    await watched.page.goto(`${served().app.url}/report/broken`);
    await expect.poll(() => watched.problems.join("\n")).toMatch(/CSP violation: style-src-elem refused inline/);
    const problems = watched.problems.join("\n");
    expect(problems).toMatch(/CSP violation: script-src-elem refused inline/);
    expect(problems).toMatch(/CSP violation: style-src-attr refused inline/);
    expect(problems).toMatch(/console error at .*\/assets\/no-such-script\.js: Failed to load resource: the server responded with a status of \d+/);
    // The inline script was refused, not run.
    await expect(watched.page.title()).resolves.toBe("Broken");
    watched.problems.length = 0;
  });

  it("reports the CSP's refusals with JavaScript off, from the console", async () => {
    const watched = await browser.open({ javaScriptEnabled: false });
    await watched.page.goto(`${served().app.url}/report/broken`);
    await expect.poll(() => watched.problems.join("\n")).toMatch(/Content Security Policy/);
    watched.problems.length = 0;
  });

  it("fails axe with each violation, its rule and the element concerned", async () => {
    const watched = await browser.open();
    await watched.page.goto(`${served().app.url}/report/broken`);
    const failure = await checkAccessibility(watched.page).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure).toContain("axe found accessibility violations");
    expect(failure).toMatch(/- html-has-lang \(serious\)/);
    expect(failure).toMatch(/- image-alt \(critical\): .*\n\s+img:/);
    watched.problems.length = 0;
  });
});
