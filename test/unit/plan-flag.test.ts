import { describe, expect, it } from "vitest";
import { contentKey, planFlagActions, protectionFor } from "../../src/cases/plan-flag.js";
import { abusiveComment, issueBody } from "../support/fake-world.js";

const command = { location: { kind: "issue_comment" as const, owner: "acme", repo: "widgets", commentId: 1 }, remainingBody: null };
const base = { caseId: "c1", reportId: "r1", isNewCase: true, hideOnFlag: true, command, casesRepoProblemReply: null };

describe("planFlagActions", () => {
  it("protects first: hide, then remove the command, then open the case issue", () => {
    expect(planFlagActions({ ...base, snapshot: abusiveComment() }).map((a) => a.kind)).toEqual(["hide-content", "remove-command", "open-case-issue"]);
    expect(planFlagActions({ ...base, snapshot: abusiveComment() })[0]).toEqual({
      kind: "hide-content",
      repo: { owner: "acme", repo: "widgets" },
      nodeId: "IC_abusive555",
      classifier: "ABUSE",
    });
  });

  it.each([
    ["an issue body cannot be hidden", issueBody(), true, "not-hideable"],
    ["hiding turned off", abusiveComment(), false, "hiding-disabled"],
    ["already hidden", abusiveComment({ isMinimized: true }), true, "already-hidden"],
  ] as const)("does not hide when %s", (_name, snapshot, hideOnFlag, protection) => {
    const actions = planFlagActions({ ...base, snapshot, hideOnFlag });
    expect(actions.map((a) => a.kind)).toEqual(["remove-command", "open-case-issue"]);
    expect(actions[1]).toMatchObject({ protection });
    expect(protectionFor(snapshot, hideOnFlag)).toBe(protection);
  });

  it("adds a report to an open case instead of opening one, and replies when the cases repository is not usable", () => {
    const reply = { repo: { owner: "acme", repo: "widgets" }, issueNumber: 7, body: "@mod notice" };
    const actions = planFlagActions({ ...base, isNewCase: false, snapshot: abusiveComment(), casesRepoProblemReply: reply });
    expect(actions.map((a) => a.kind)).toEqual(["hide-content", "remove-command", "post-report-to-case", "reply"]);
    expect(actions[2]).toEqual({ kind: "post-report-to-case", caseId: "c1", reportId: "r1", protection: "hidden" });
    expect(actions[3]).toEqual({ kind: "reply", ...reply });
  });
});

describe("contentKey", () => {
  it("is the same for the same content whatever the case of the names, and differs by kind", () => {
    const comment = abusiveComment();
    const upper = abusiveComment({ ref: { ...comment.ref, owner: "ACME", repo: "Widgets" } as typeof comment.ref });
    expect(contentKey("github.com", comment)).toBe("github.com/acme/widgets:issuecomment-555");
    expect(contentKey("github.com", upper)).toBe(contentKey("github.com", comment));
    expect(contentKey("github.com", issueBody())).toBe("github.com/acme/widgets#7");
  });
});
