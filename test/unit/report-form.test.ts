// The private report form's checks: the limits the page shows are the ones the server keeps, line breaks
// count as browsers count them, exclusions are logins, and the case is about the first content link.
import { describe, expect, it } from "vitest";
import { checkReportForm, readReportForm } from "../../src/reports/report-form.js";

const COMPLETE = {
  what_happened: "x",
  where: "https://example.com/proof.png\r\nhttps://github.com/acme/widgets/pull/3#discussion_r77",
  ongoing: "unsure",
  in_danger: "no",
  anonymous: "no",
};
const check = (body: Record<string, unknown>, maxLength = 5000) => checkReportForm(readReportForm(body), { webHost: "github.com", maxLength });

describe("the private report form", () => {
  it("opens the case about the first link to GitHub content, and keeps every link", () => {
    const checked = check({ ...COMPLETE, exclude: "@Mod-Omar, mod-lena mod-omar" });
    expect(checked).toMatchObject({
      ok: true,
      link: "https://github.com/acme/widgets/pull/3#discussion_r77",
      target: { kind: "review_comment", owner: "acme", repo: "widgets", number: 3, commentId: 77 },
      fields: { links: ["https://example.com/proof.png", "https://github.com/acme/widgets/pull/3#discussion_r77"], excludedLogins: ["mod-omar", "mod-lena"], ongoing: "unsure" },
    });
  });

  it("counts a line break as one character, as the browser's maxlength does", () => {
    expect(check({ ...COMPLETE, what_happened: "a\r\n".repeat(250) }, 500).ok).toBe(true);
    expect(check({ ...COMPLETE, what_happened: "a\r\n".repeat(251) }, 500)).toMatchObject({ ok: false, errors: { what_happened: "This is 502 characters long; the limit is 500. Shorten it a little." } });
  });

  it("names each problem once, by field, and ignores fields it does not know", () => {
    const checked = check({ what_happened: "", where: "", ongoing: "maybe", in_danger: "yes", anonymous: "no", exclude: "a b c d e f g h i j k", when: "w".repeat(201), admin: "1" });
    expect(checked.ok).toBe(false);
    expect(Object.keys(checked.ok ? {} : checked.errors).sort()).toEqual(["exclude", "ongoing", "what_happened", "when", "where"]);
  });
});
