/**
 * A real browser for the tests of the app's pages: headless Chromium driven by
 * playwright-core, one browser per test file and a fresh context (cookies,
 * storage) per page a test opens. Every page is watched for console errors,
 * uncaught exceptions and Content Security Policy violations, and a test fails
 * when any is seen. Helpers check a page with axe (WCAG 2.1 A and AA) and save
 * full-page screenshots under test-results/screenshots/ for a person to look at.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";

/** Debian's `chromium` package puts the browser here; CHROMIUM_PATH names another. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

// Headless on a machine with no display and no GPU, inside a container (no sandbox), and
// quiet: no update checks, sync or other calls of its own to the network.
const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Long enough for a page of this app on a busy 2-core machine, short enough that a stuck page fails the test, not the run. */
const ACTION_TIMEOUT_MS = 10_000;

export const SCREENSHOT_DIR = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));

/** A phone's viewport (an iPhone 14's CSS pixels), as a person reading on a phone sees the page. */
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /**
   * What went wrong in the page: console errors, uncaught exceptions, CSP
   * violations. The test fails at its end unless this is empty; a test that
   * provokes a problem on purpose empties it after checking it.
   */
  problems: string[];
}

export interface TestBrowser {
  /** A page in a context of its own (no cookies shared with other pages), watched for problems. */
  open(options?: BrowserContextOptions): Promise<WatchedPage>;
}

/** Starts Chromium for the test file and closes each test's contexts after it, failing the test on problems seen. */
export function useBrowser(): TestBrowser {
  let browser: Browser | undefined;
  let opened: WatchedPage[] = [];
  beforeAll(async () => {
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(`No Chromium at ${CHROMIUM_PATH}: the browser tests need Debian's chromium package (apt-get install chromium), or CHROMIUM_PATH naming a Chromium or Chrome executable.`);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, timeout: 30_000 });
  });
  afterEach(async () => {
    const pages = opened;
    opened = [];
    await Promise.all(pages.map((watched) => watched.context.close()));
    const problems = pages.flatMap((watched) => watched.problems);
    if (problems.length > 0) throw new Error(`The browser saw problems in the pages:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async open(options = {}) {
      if (!browser) throw new Error("the browser has not started");
      const context = await browser.newContext(options);
      context.setDefaultTimeout(ACTION_TIMEOUT_MS);
      context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);
      const page = await context.newPage();
      const watched: WatchedPage = { page, context, problems: [] };
      opened.push(watched);
      await watch(watched);
      return watched;
    },
  };
}

async function watch(watched: WatchedPage): Promise<void> {
  const { page, context, problems } = watched;
  // The documents of navigations and the status they were answered with: a page served as 404 or 503
  // on purpose makes Chromium log "Failed to load resource" for the document itself, which is no fault.
  const documents = new Map<string, number>();
  page.on("response", (response) => {
    if (response.request().isNavigationRequest()) documents.set(response.url(), response.status());
  });
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const url = message.location().url;
    if (/^Failed to load resource: the server responded with a status of \d+/.test(message.text()) && documents.has(url)) return;
    problems.push(`console error at ${url || page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught exception at ${page.url()}: ${error.message}`));
  // The page's own report of every CSP refusal, with what was refused and which rule refused it. Chromium
  // also logs refusals to the console, which the listener above catches when JavaScript is off.
  await context.exposeBinding("__reportCspViolation", (_source, violation: string) => problems.push(`CSP violation: ${violation}`));
  await context.addInitScript(() => {
    const report = (globalThis as unknown as { __reportCspViolation(violation: string): void }).__reportCspViolation;
    globalThis.addEventListener("securitypolicyviolation", (event) => {
      const e = event as unknown as { violatedDirective: string; blockedURI: string; sourceFile: string; lineNumber: number; documentURI: string };
      report(`${e.violatedDirective} refused ${e.blockedURI || "(inline)"} in ${e.documentURI}${e.sourceFile ? ` (${e.sourceFile}:${e.lineNumber})` : ""}`);
    });
  });
}

/** Runs axe's WCAG 2.0/2.1 A and AA rules on the page; fails with each violation, its help and the elements concerned. */
export async function checkAccessibility(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  if (results.violations.length === 0) return;
  const lines = results.violations.map((violation) => {
    const nodes = violation.nodes.map((node) => `      ${node.target.join(" ")}: ${node.failureSummary?.replace(/\s+/g, " ") ?? ""}`);
    return [`  - ${violation.id} (${violation.impact ?? "unknown impact"}): ${violation.help} ${violation.helpUrl}`, ...nodes].join("\n");
  });
  throw new Error(`axe found accessibility violations at ${page.url()}:\n${lines.join("\n")}`);
}

/** Saves a full-page PNG as test-results/screenshots/<name>.png, for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}${name.replace(/[^A-Za-z0-9._-]+/g, "-")}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Presses Tab `count` times and says what took the focus each time: a link or
 * button by its tag and text (`a "Skip to content"`), a form field by its tag
 * and id (`textarea#field-what-happened`). Called right after a page has
 * loaded, the walk starts where a person arriving at the page starts.
 * (Blurring is no reset: Chromium goes on from the element that had the focus.)
 */
export async function tabOrder(page: Page, count: number): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press("Tab");
    stops.push(await page.evaluate<string>(FOCUSED));
  }
  return stops;
}

const FOCUSED = `(() => {
  const e = document.activeElement;
  if (!e || e === document.body) return "(page)";
  const tag = e.tagName.toLowerCase();
  if (["input", "textarea", "select"].includes(tag)) return tag + "#" + e.id;
  const text = (e.getAttribute("aria-label") || e.textContent || "").replace(/\\s+/g, " ").trim();
  return tag + ' "' + text + '"';
})()`;

/** How wide the page is laid out, in CSS pixels: wider than the viewport means a person must scroll sideways. */
export async function layoutWidth(page: Page): Promise<number> {
  return page.evaluate<number>("document.documentElement.scrollWidth");
}
