import { describe, expect, it } from "vitest";
import { recusals, type RecusalInput } from "../../src/cases/recusal.js";

const COMMITTEE = ["Ana", "ben", "cy"];
const NOBODY: RecusalInput = { committee: COMMITTEE, subject: "dev", reporters: ["eve"], affected: ["fay"], manual: [] };

describe("recusals", () => {
  it("recuses nobody when no member is involved", () => {
    expect(recusals(NOBODY)).toEqual({ recused: [], eligible: ["Ana", "ben", "cy"], escalate: false, why: null });
  });

  it("recuses a member who reported, without escalating: members flag content as part of their work", () => {
    expect(recusals({ ...NOBODY, reporters: ["eve", "@Ben"] })).toEqual({
      recused: [{ login: "ben", reason: "reporter" }],
      eligible: ["Ana", "cy"],
      escalate: false,
      why: null,
    });
  });

  it("recuses a member who recused themselves, without escalating", () => {
    expect(recusals({ ...NOBODY, manual: ["cy"] })).toEqual({ recused: [{ login: "cy", reason: "self" }], eligible: ["Ana", "ben"], escalate: false, why: null });
  });

  it("escalates a case about a committee member, matching the login whatever its case", () => {
    expect(recusals({ ...NOBODY, subject: "ana" })).toEqual({
      recused: [{ login: "Ana", reason: "subject" }],
      eligible: ["ben", "cy"],
      escalate: true,
      why: "@Ana, a committee member, is the subject of this case.",
    });
  });

  it("escalates a case where a committee member is an affected party", () => {
    expect(recusals({ ...NOBODY, affected: ["fay", "CY"] })).toEqual({
      recused: [{ login: "cy", reason: "affected" }],
      eligible: ["Ana", "ben"],
      escalate: true,
      why: "@cy, a committee member, is affected by it.",
    });
  });

  it("names several affected members together", () => {
    expect(recusals({ ...NOBODY, affected: ["ben", "cy"] }).why).toBe("@ben and @cy, committee members, are affected by it.");
    expect(recusals({ ...NOBODY, committee: ["a", "b", "c", "d"], affected: ["a", "b", "c"] }).why).toBe("@a, @b and @c, committee members, are affected by it.");
  });

  it("gives each member one entry with the weightiest reason: subject, affected, reporter, self", () => {
    const result = recusals({ committee: COMMITTEE, subject: "ana", reporters: ["ana", "ben", "cy"], affected: ["ben"], manual: ["ana", "ben", "cy"] });
    expect(result.recused).toEqual([
      { login: "Ana", reason: "subject" },
      { login: "ben", reason: "affected" },
      { login: "cy", reason: "reporter" },
    ]);
    expect(result.why).toBe("@Ana, a committee member, is the subject of this case; @ben, a committee member, is affected by it; no committee member is left to decide it.");
  });

  it("escalates when every member is recused, even for ordinary reasons", () => {
    expect(recusals({ ...NOBODY, reporters: ["ana"], manual: ["ben", "cy"] })).toEqual({
      recused: [
        { login: "Ana", reason: "reporter" },
        { login: "ben", reason: "self" },
        { login: "cy", reason: "self" },
      ],
      eligible: [],
      escalate: true,
      why: "No committee member is left to decide it.",
    });
  });

  it("escalates a committee with no members", () => {
    expect(recusals({ ...NOBODY, committee: [] })).toEqual({ recused: [], eligible: [], escalate: true, why: "No committee member is left to decide it." });
  });

  it("ignores recusals of people who are not on the committee, and an unknown subject", () => {
    expect(recusals({ committee: COMMITTEE, subject: null, reporters: [], affected: [], manual: ["zed"] })).toEqual({
      recused: [],
      eligible: ["Ana", "ben", "cy"],
      escalate: false,
      why: null,
    });
  });

  it("lists a member named twice in the committee once", () => {
    expect(recusals({ ...NOBODY, committee: ["ben", "BEN", "cy"], reporters: ["ben"] }).recused).toEqual([{ login: "ben", reason: "reporter" }]);
  });
});
