/**
 * What the reporter and the subject are told: each learns only what is theirs
 * to know, and the subject's notice says how to appeal.
 */
import { describe, expect, it } from "vitest";
import { decisionForSubjectNotice, resolutionPendingNotice } from "../../src/messages/people-notices.js";

describe("notices to people", () => {
  it("tells the subject the decision, the committee's reason, and that the committee will say how to appeal", () => {
    expect(decisionForSubjectNotice("COC-2026-0001", "warning", "slurs in a review")).toBe(
      "The conduct committee decided on case COC-2026-0001, about your conduct: `warning` (A formal warning recorded against the subject; it counts toward the strike rule.). " +
        "The committee's reason: slurs in a review. You may appeal the decision; the committee will tell you how.",
    );
  });

  it("gives the appeal page and its last day when there is one", () => {
    const notice = decisionForSubjectNotice("COC-2026-0001", "temporary-ban", "", { url: "https://coc.example.org/appeal/COC-2026-0001", until: new Date("2026-04-03T10:00:00Z") });
    expect(notice).toMatch(/`temporary-ban` \(The subject is banned for a set time, then let back in\.\)\. You may appeal/);
    expect(notice.endsWith("You may appeal the decision until 2026-04-03 10:00 UTC: https://coc.example.org/appeal/COC-2026-0001")).toBe(true);
  });

  it("keeps a reason the subject could use to mention or link people inert", () => {
    const notice = decisionForSubjectNotice("COC-2026-0001", "reminder", "reported by @mod-maria, see [here](https://evil.example)");
    expect(notice).not.toContain("@mod-maria");
    expect(notice).not.toContain("](https://evil.example)");
  });

  it("tells the reporter the case is still open, and by when they will hear next", () => {
    expect(resolutionPendingNotice("COC-2026-0001", new Date("2026-03-18T10:00:00Z"))).toBe(
      "Your report (case COC-2026-0001) is not resolved yet: the conduct committee is still working on it. You will hear from it again by 2026-03-18 10:00 UTC, or sooner if it is decided.",
    );
  });
});
