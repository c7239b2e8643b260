/**
 * The private report pages against mistakes and attacks, over HTTP: bad
 * answers get messages at the top and beside each field with everything typed
 * kept; hostile text in every field is escaped on the pages and inert in the
 * case file; a receipt opens for its reporter only, answered for anyone else
 * as an address that does not exist; oversized, forged and too frequent
 * submissions are refused without losing the text.
 */
import { describe, expect, it } from "vitest";
import type { RepoRef } from "../../src/github/port.js";
import { caseIssues } from "../support/fake-world.js";
import { PageClient } from "../support/page-client.js";
import { ALICE, aReport, COMMENT_LINK, MALLORY, outsideCode, receiptPath, useReportWorld } from "../support/report-world.js";
import { testBackend } from "../support/test-database.js";

const SCRIPT = "<script>alert(1)</script>";
const BREAKOUT = '"><img src=x onerror=alert(2)>';
const TRICKS = "@acme/core see #1 <!-- coc-case:COC-2026-0099 --> **bold** [x](https://evil.example)";
const HOSTILE = `${SCRIPT} ${BREAKOUT} ${TRICKS}`;

describe(`private report pages against mistakes and attacks (${testBackend})`, () => {
  describe("with the usual limits", () => {
    const world = useReportWorld();

    it("lists what is wrong at the top and beside each field, and keeps everything typed", async () => {
      const alice = await world.signedIn(ALICE);
      const page = await world.send(alice, aReport({ what_happened: "  ", where: "not a link", ongoing: "", exclude: "mod omar!", people: "bob & <carol>" }));
      expect(page.status).toBe(422);
      expect(page.html).toMatch(/<div class="errors" role="alert" aria-labelledby="error-summary-title" tabindex="-1">/i);
      for (const [id, message] of [
        ["field-what-happened", "Say what happened."],
        ["field-where", "Write one link per line, each starting with https://."],
        ["field-ongoing", "Choose one of the answers."],
        ["field-exclude", "Write GitHub usernames only"],
      ] as const) {
        expect(page.html).toContain(`<a href="#${id}">`);
        expect(page.html).toContain(`<span class="field-error" id="${id}-error">${message}`);
        expect(page.html).toMatch(new RegExp(`aria-invalid="true"[^>]*aria-describedby="${id}-hint[^"]*${id}-error"|id="${id}"[^>]*aria-describedby="[^"]*${id}-error"`));
      }
      expect(page.html).toContain(">not a link</textarea>");
      expect(page.html).toContain('value="mod omar!"');
      expect(page.html).toContain(">bob &amp; &lt;carol></textarea>");
      expect(page.html).toMatch(/id="field-anonymous-yes" name="anonymous" value="yes" checked/);
      expect(await world.database.db.privateReport.count()).toBe(0);
    });

    it("refuses links to no GitHub content, and to a repository where the app is not installed, pointing to the policy's contact", async () => {
      const alice = await world.signedIn(ALICE);
      const elsewhere = await world.send(alice, aReport({ where: "https://example.com/screenshot.png\nhttps://github.com/acme/widgets/commit/abc" }));
      expect(elsewhere.status).toBe(422);
      expect(elsewhere.html).toContain("None of these links points to an issue, pull request, comment or review on github.com");
      expect(elsewhere.html).toContain("write to the contact given in your community's Code of Conduct");

      const installed = world.github.forRepository.bind(world.github);
      world.github.forRepository = async (repo?: RepoRef) => {
        if (repo?.owner === "elsewhere") throw Object.assign(new Error("Not Found"), { status: 404 });
        return installed();
      };
      const notInstalled = await world.send(alice, aReport({ where: "https://github.com/elsewhere/thing/issues/3#issuecomment-1" }));
      expect(notInstalled.status).toBe(422);
      expect(notInstalled.html).toContain("The app is not installed on the repository of the first link");
      expect(notInstalled.html).toContain("They called me an idiot in the thread,\nthen again the next day.</textarea>");
      expect(await world.database.db.privateReport.count()).toBe(0);
    });

    it("escapes hostile text in every field on its pages, and quotes it inertly in the case file", async () => {
      const alice = await world.signedIn(ALICE);
      const fields = aReport({
        what_happened: HOSTILE,
        where: `${COMMENT_LINK}\nhttps://evil.example/"><img/src=x/onerror=alert(3)>@acme/core#1`,
        when: HOSTILE,
        people: HOSTILE,
        outcome: HOSTILE,
        exclude: "",
      });
      // First with one answer missing: the form comes back with every hostile value in it.
      const again = await world.send(alice, { ...fields, in_danger: "" });
      expect(again.status).toBe(422);
      const sent = await world.send(alice, fields);
      for (const page of [again, sent]) {
        expect(page.html).not.toContain("<script>alert");
        expect(page.html).not.toContain("<img src=x");
        expect(page.html).not.toContain("<img/src=x");
        expect(page.html).not.toContain("<!-- coc-case:COC-2026-0099");
        // Preact escapes what could open a tag or end an attribute: `<`, `&` and `"`.
        expect(page.html).toContain("&lt;script>alert(1)&lt;/script>");
      }
      expect(again.html).toContain(`value="${HOSTILE.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;")}"`);

      await world.drain();
      const [issue] = caseIssues(world.github);
      const body = issue!.body;
      expect(body.startsWith("<!-- coc-case:COC-2026-0001 -->")).toBe(true);
      const rendered = outsideCode(body);
      expect(rendered).not.toContain("<script");
      expect(rendered).not.toContain("<img");
      expect(rendered).not.toContain("coc-case:COC-2026-0099");
      expect(rendered).not.toMatch(/@[a-z]/i);
      expect(rendered).not.toMatch(/#\d/);
      expect(rendered).not.toContain("](https://evil");
      expect(rendered).not.toContain("**bold**");
      // Quoted as written inside fences, and on one escaped line for the short answer.
      expect(body).toContain(`\`\`\`text\n${HOSTILE}\n\`\`\``);
      expect(body).toContain("- When: &lt;script&gt;alert\\(1\\)&lt;\\/script&gt; \\\"&gt;&lt;img src\\=x");
      expect(body).toContain('  - `https://evil.example/"><img/src=x/onerror=alert(3)>@acme/core#1`');
    });

    it("answers another person's receipt exactly as an address that does not exist", async () => {
      const alice = await world.signedIn(ALICE);
      const receipt = receiptPath(await world.send(alice, aReport()));
      await world.drain();
      const mallory = await world.signedIn(MALLORY);
      const theirs = await mallory.open(receipt);
      const unknown = await mallory.open("/report/0123456789abcdef0123456789abcdef");
      const malformed = await mallory.open("/report/not-a-receipt");
      expect(theirs.status).toBe(404);
      expect(theirs.html).toBe(unknown.html);
      expect(theirs.html).toBe(malformed.html);
      expect(theirs.html).toContain("Page not found");
      expect(theirs.html).not.toContain("COC-2026");
      // A visitor is asked to sign in, whether the receipt exists or not.
      const visitor = world.server.browser();
      const [real, fake] = [await visitor.open(receipt), await visitor.open("/report/0123456789abcdef0123456789abcdef")];
      expect(real.status).toBe(401);
      expect(real.html.replace(encodeURIComponent(receipt), "")).toBe(fake.html.replace(encodeURIComponent("/report/0123456789abcdef0123456789abcdef"), ""));
      expect((await alice.open(receipt)).status).toBe(200);
    });

    it("refuses a body over 64 KiB, and a form without this session's token, keeping the text and recording nothing", async () => {
      const alice = await world.signedIn(ALICE);
      const huge = await world.send(alice, aReport({ what_happened: "x".repeat(70 * 1024) }));
      expect(huge.status).toBe(413);
      expect(huge.html).toContain("Too long to send");

      const missing = await alice.submit("/report", aReport({ what_happened: "my unsent words, the longest of the form".repeat(3) }));
      expect(missing.status).toBe(403);
      expect(missing.html).toContain("This form has expired");
      // Every free-text field comes back, so nothing the reporter wrote is lost.
      expect(missing.html).toContain(`<textarea id="unsent" readonly rows="8">${"my unsent words, the longest of the form".repeat(3)}\n\n`);
      expect(missing.html).toContain("troll-tom wrote it; bob saw it");
      const other = await world.signedIn(MALLORY);
      const wrong = await alice.submit("/report", { _csrf: PageClient.tokenOf(await other.open("/report")), ...aReport() });
      expect(wrong.status).toBe(403);
      expect(await world.database.db.privateReport.count()).toBe(0);
    });
  });

  describe("with two reports an hour", () => {
    const world = useReportWorld({ pages: { submissionsPerHour: 2 } });

    it("refuses a third report with a 429 page that keeps its text", async () => {
      const alice = await world.signedIn(ALICE);
      expect((await world.send(alice, aReport())).status).toBe(200);
      expect((await world.send(alice, aReport())).status).toBe(200);
      const third = await world.send(alice, aReport({ what_happened: "the third account, not lost" }));
      expect(third.status).toBe(429);
      expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(third.html).toContain("Too many reports for now");
      expect(third.html).toContain("the third account, not lost</textarea>");
      expect(await world.database.db.privateReport.count()).toBe(2);
      // Someone else is counted apart.
      expect((await world.send(await world.signedIn(MALLORY), aReport())).status).toBe(200);
    });
  });
});
