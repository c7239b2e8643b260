/**
 * What enforcing a ban on new content does: hide a comment as abuse, close
 * and lock an issue with no public reason, and note it in the ban's case with
 * the address shown inertly, however the banned person crafted it.
 */
import { describe, expect, it } from "vitest";
import type { AuthoredContent } from "../../src/bans/authored-content.js";
import { planBanEnforcement } from "../../src/bans/plan-enforcement.js";
import type { AppEnforcedBan } from "../../src/store/bans.js";

const BAN: AppEnforcedBan = { id: "ban-1", caseId: "case-1", account: "acme", subjectLogin: "troll-tom", subjectId: 99n, endsAt: null };
const REPO = { owner: "acme", repo: "widgets" };
const comment = (overrides: Partial<AuthoredContent> = {}): AuthoredContent => ({
  account: "acme",
  repo: REPO,
  author: { login: "troll-tom", id: 99 },
  url: "https://github.com/acme/widgets/issues/7#issuecomment-77",
  target: { kind: "hide", what: "comment", nodeId: "IC_77" },
  ...overrides,
});

describe("planBanEnforcement", () => {
  it("hides a comment as abuse and says so in the case", () => {
    const plan = planBanEnforcement(comment(), BAN, "delivery-1");
    expect(plan.actions).toEqual([
      { kind: "hide-content", repo: REPO, nodeId: "IC_77", classifier: "ABUSE" },
      {
        kind: "case-comment",
        caseId: "case-1",
        body: "**Ban of `troll-tom` in `acme` enforced:** a new comment they wrote was hidden as abuse: `https://github.com/acme/widgets/issues/7#issuecomment-77`.",
      },
    ]);
    expect(plan.audit).toEqual({
      actor: "app",
      action: "ban.enforced-on-content",
      caseId: "case-1",
      detail: { ban: "ban-1", delivery: "delivery-1", content: "comment", done: "hidden", url: "https://github.com/acme/widgets/issues/7#issuecomment-77" },
    });
  });

  it("closes and locks a pull request, giving GitHub no lock reason to show", () => {
    const pull = comment({ url: "https://github.com/acme/widgets/pull/41", target: { kind: "close", what: "pull request", issueNumber: 41 } });
    const plan = planBanEnforcement(pull, BAN, "delivery-2");
    expect(plan.actions.slice(0, 2)).toEqual([
      { kind: "lock-thread", repo: REPO, issueNumber: 41, reason: null },
      { kind: "close-thread", repo: REPO, issueNumber: 41 },
    ]);
    expect(plan.actions[2]).toMatchObject({ body: expect.stringContaining("a new pull request they opened was closed and locked: `https://github.com/acme/widgets/pull/41`.") });
    expect(plan.audit.detail).toMatchObject({ done: "closed-and-locked" });
  });

  it("names the login a renamed person wrote under, and keeps a crafted address inert", () => {
    const crafted = comment({ author: { login: "tom-renamed", id: 99 }, url: "https://github.com/acme/widgets/issues/7`@mod-maria [x](https://evil.example)|" });
    const body = (planBanEnforcement(crafted, BAN, "d").actions[1] as { body: string }).body;
    expect(body).toBe(
      "**Ban of `troll-tom` in `acme` enforced:** a new comment they wrote as `tom-renamed` was hidden as abuse: `https://github.com/acme/widgets/issues/7%60@mod-maria%20[x](https://evil.example)%7C`.",
    );
  });

  it("says nothing in a case when the ban has none, and still protects", () => {
    const plan = planBanEnforcement(comment(), { ...BAN, caseId: null }, "d");
    expect(plan.actions.map((a) => a.kind)).toEqual(["hide-content"]);
  });
});
