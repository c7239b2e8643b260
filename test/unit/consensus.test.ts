import { describe, expect, it } from "vitest";
import { approvalsNeeded, countVotes, QUORUM_RULES, type ConsensusInput, type QuorumRule, type Vote } from "../../src/cases/consensus.js";

const COMMITTEE = ["ana", "ben", "cy", "dee"];
const approve = (login: string): Vote => ({ login, choice: "approve" });
const object = (login: string): Vote => ({ login, choice: "object" });

function count(rule: QuorumRule, votes: Vote[], more: Partial<ConsensusInput> = {}) {
  return countVotes({ rule, members: COMMITTEE, recused: [], proposer: "ana", votes, ...more });
}

describe("approvalsNeeded", () => {
  it.each([
    ["unanimous", [0, 1, 2, 3, 4, 5, 6]],
    ["majority", [0, 1, 2, 2, 3, 3, 4]],
    ["two-thirds", [0, 1, 2, 2, 3, 4, 4]],
    ["single", [0, 1, 1, 1, 1, 1, 1]],
  ] as const)("under %s, for 0 to 6 eligible members", (rule, needed) => {
    expect([0, 1, 2, 3, 4, 5, 6].map((eligible) => approvalsNeeded(rule, eligible))).toEqual(needed);
  });

  it("knows every rule", () => {
    expect(QUORUM_RULES).toEqual(["unanimous", "majority", "two-thirds", "single"]);
  });
});

// [rule, recused, votes, status, approvals, objections, needed, eligible, missing]
const TABLE: [string, QuorumRule, string[], Vote[], string, number, number, number, number, string[]][] = [
  ["the proposal alone", "unanimous", [], [], "open", 1, 0, 4, 4, ["ben", "cy", "dee"]],
  ["all others approve", "unanimous", [], [approve("ben"), approve("cy"), approve("dee")], "decided", 4, 0, 4, 4, []],
  ["all approve but the recused", "unanimous", ["dee"], [approve("ben"), approve("cy")], "decided", 3, 0, 3, 3, []],
  ["one objection", "unanimous", [], [object("ben"), approve("cy")], "blocked", 2, 1, 4, 4, ["dee"]],
  ["an objection changed to approval", "unanimous", [], [object("ben"), approve("cy"), approve("dee"), approve("ben")], "decided", 4, 0, 4, 4, []],
  ["an approval changed to objection", "unanimous", [], [approve("ben"), approve("cy"), approve("dee"), object("cy")], "blocked", 3, 1, 4, 4, []],
  ["the proposer changes their mind", "unanimous", [], [approve("ben"), object("ana")], "blocked", 1, 1, 4, 4, ["cy", "dee"]],
  ["two of four", "majority", [], [approve("ben")], "open", 2, 0, 3, 4, ["cy", "dee"]],
  ["three of four despite an objection", "majority", [], [object("dee"), approve("ben"), approve("cy")], "decided", 3, 1, 3, 4, []],
  ["two objections leave too few to reach three", "majority", [], [object("ben"), object("cy")], "blocked", 1, 2, 3, 4, ["dee"]],
  ["one objection still leaves a way", "majority", [], [object("ben")], "open", 1, 1, 3, 4, ["cy", "dee"]],
  ["two of two after recusals, one objecting", "majority", ["cy", "dee"], [object("ben")], "blocked", 1, 1, 2, 2, []],
  ["two of three after a recusal", "majority", ["dee"], [approve("cy")], "decided", 2, 0, 2, 3, ["ben"]],
  ["three of four", "two-thirds", [], [approve("ben"), approve("cy"), object("dee")], "decided", 3, 1, 3, 4, []],
  ["two of four, one to vote", "two-thirds", [], [approve("ben"), object("cy")], "open", 2, 1, 3, 4, ["dee"]],
  ["two objections of four", "two-thirds", [], [object("ben"), object("cy")], "blocked", 1, 2, 3, 4, ["dee"]],
  ["two of three after a recusal", "two-thirds", ["dee"], [approve("ben")], "decided", 2, 0, 2, 3, ["cy"]],
  ["the proposal decides itself", "single", [], [], "decided", 1, 0, 1, 4, ["ben", "cy", "dee"]],
  ["objections do not undo a single approval", "single", [], [object("ben"), object("cy"), object("dee")], "decided", 1, 3, 1, 4, []],
  ["the proposer withdrew their approval and all object", "single", [], [object("ana"), object("ben"), object("cy"), object("dee")], "blocked", 0, 4, 1, 4, []],
];

describe("countVotes under each rule", () => {
  it.each(TABLE)("%s (%s)", (_name, rule, recused, votes, status, approvals, objections, needed, eligible, missing) => {
    expect(count(rule, votes, { recused })).toMatchObject({ status, approvals, objections, needed, eligible, missing });
  });

  it("names who approved and who objected, in committee order", () => {
    expect(count("majority", [object("dee"), approve("cy")])).toEqual({
      status: "open",
      approvals: 2,
      objections: 1,
      needed: 3,
      eligible: 4,
      missing: ["ben"],
      approvedBy: ["ana", "cy"],
      objectedBy: ["dee"],
      ignored: [],
    });
  });
});

describe("votes that do not count", () => {
  it("ignores a recused member's vote and says so", () => {
    const result = count("unanimous", [object("cy"), approve("ben"), approve("dee")], { recused: ["cy"] });
    expect(result).toMatchObject({ status: "decided", approvals: 3, objections: 0, needed: 3, eligible: 3, ignored: [{ login: "cy", why: "recused" }] });
  });

  it("ignores a vote from someone not on the committee", () => {
    const result = count("unanimous", [object("mallory"), approve("ben"), approve("cy"), approve("dee")]);
    expect(result).toMatchObject({ status: "decided", objections: 0, ignored: [{ login: "mallory", why: "not-a-member" }] });
  });

  it("drops the vote of a member removed mid-vote, and no longer waits for them", () => {
    const votes = [object("dee"), approve("ben"), approve("cy")];
    expect(count("unanimous", votes).status).toBe("blocked");
    expect(count("unanimous", votes, { members: ["ana", "ben", "cy"] })).toMatchObject({
      status: "decided",
      approvals: 3,
      eligible: 3,
      needed: 3,
      ignored: [{ login: "dee", why: "not-a-member" }],
    });
  });

  it("drops the proposer's approval once the proposer leaves the committee", () => {
    expect(count("majority", [approve("ben")], { members: ["ben", "cy", "dee"] })).toMatchObject({
      status: "open",
      approvals: 1,
      needed: 2,
      missing: ["cy", "dee"],
      ignored: [{ login: "ana", why: "not-a-member" }],
    });
  });

  it("reports each ignored person once, by their last vote", () => {
    expect(count("majority", [object("cy"), approve("cy")], { recused: ["cy"] }).ignored).toEqual([{ login: "cy", why: "recused" }]);
  });
});

describe("logins and the committee list", () => {
  it("matches logins whatever their case or a leading @", () => {
    const result = count("unanimous", [approve("@BEN"), approve("Dee")], { recused: ["CY"] });
    expect(result).toMatchObject({ status: "decided", approvals: 3, eligible: 3, ignored: [] });
  });

  it("counts a member listed twice once", () => {
    expect(count("unanimous", [], { members: ["ana", "Ana", "ben"] })).toMatchObject({ eligible: 2, needed: 2, missing: ["ben"] });
  });
});

describe("nobody left to decide", () => {
  it("says so when every member is recused, so the case can be escalated", () => {
    expect(count("majority", [approve("ben")], { recused: COMMITTEE })).toEqual({
      status: "no-eligible-members",
      approvals: 0,
      objections: 0,
      needed: 0,
      eligible: 0,
      missing: [],
      approvedBy: [],
      objectedBy: [],
      ignored: [
        { login: "ana", why: "recused" },
        { login: "ben", why: "recused" },
      ],
    });
  });

  it.each(QUORUM_RULES)("says so under %s for an empty committee", (rule) => {
    expect(count(rule, [], { members: [] }).status).toBe("no-eligible-members");
  });
});
