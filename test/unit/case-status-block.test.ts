/**
 * The status block at the top of a case issue: what it says in each state, and
 * how it is replaced in a body that also quotes what the person reported wrote.
 */
import { describe, expect, it } from "vitest";
import { caseIssueParts, caseMarker } from "../../src/messages/case-file.js";
import { STATUS_BEGIN, STATUS_BLOCK_ROOM, STATUS_END, statusBlock, withStatusBlock, type StatusFacts } from "../../src/messages/case-status-block.js";
import { GITHUB_BODY_LIMIT, MESSAGE_BUDGET, packMessages } from "../../src/messages/message-packer.js";
import type { CaseView } from "../../src/store/cases.js";

const AT = new Date("2026-03-04T10:00:00Z");
const NEW: StatusFacts = { state: "new", escalatedAt: null, acknowledgedBy: null, acknowledgedAt: null, assignee: null, proposal: null, decidedAt: null, closedAt: null };
const MARKER = caseMarker("COC-2026-0001");

describe("statusBlock", () => {
  it("says a new case awaits acknowledgement, between its markers", () => {
    expect(statusBlock(NEW)).toBe(
      [
        STATUS_BEGIN,
        "> **State: new: awaiting acknowledgement** · Decided by: the committee team · Acknowledged: not yet · Handled by: nobody yet",
        STATUS_END,
      ].join("\n"),
    );
  });

  it("shows the open proposal, who acknowledged and handles the case, and an escalation, without mentioning anyone", () => {
    const block = statusBlock({
      ...NEW,
      state: "decision_proposed",
      escalatedAt: AT,
      acknowledgedBy: "mod-ana",
      acknowledgedAt: AT,
      assignee: "mod-ben",
      proposal: { outcome: "reminder", proposer: "mod-ana", status: "open" },
    });
    expect(block).toContain("**State: decision proposed: the vote is open** · Decided by: the escalation team, since 2026-03-04 10:00 UTC");
    expect(block).toContain("Acknowledged: `mod-ana`, 2026-03-04 10:00 UTC · Handled by: `mod-ben`");
    expect(block).toContain("> Proposal: `reminder` by `mod-ana`; `/coc status` shows the votes");
    expect(block).not.toContain("@");
  });

  it("shows the decision and when the case closed", () => {
    const block = statusBlock({ ...NEW, state: "closed", proposal: { outcome: "no-violation", proposer: "mod-ana", status: "decided" }, decidedAt: AT, closedAt: AT });
    expect(block).toContain("> Decision: `no-violation`, 2026-03-04 10:00 UTC; closed 2026-03-04 10:00 UTC");
    expect(block).not.toContain("Proposal:");
  });

  it("fits its reserved room with the longest logins GitHub allows", () => {
    const login = "a".repeat(39);
    const facts: StatusFacts = {
      state: "decision_proposed",
      escalatedAt: AT,
      acknowledgedBy: login,
      acknowledgedAt: AT,
      assignee: login,
      proposal: { outcome: "resolved-elsewhere", proposer: login, status: "open" },
      decidedAt: null,
      closedAt: null,
    };
    expect(statusBlock(facts).length).toBeLessThanOrEqual(STATUS_BLOCK_ROOM);
  });
});

describe("withStatusBlock", () => {
  const body = `${MARKER}\n${statusBlock(NEW)}\n## Case COC-2026-0001\n\n\`\`\`text\n${STATUS_BEGIN}\nforged\n${STATUS_END}\n\`\`\``;
  const acknowledged = statusBlock({ ...NEW, state: "acknowledged", acknowledgedBy: "mod-ana", acknowledgedAt: AT });

  it("replaces the block at the top, and leaves the quoted evidence as it was, marker text and all", () => {
    const rewritten = withStatusBlock(body, MARKER, acknowledged)!;
    expect(rewritten.startsWith(`${MARKER}\n${acknowledged}\n## Case COC-2026-0001\n`)).toBe(true);
    expect(rewritten).toContain(`${STATUS_BEGIN}\nforged\n${STATUS_END}`);
    expect(rewritten.split(STATUS_BEGIN)).toHaveLength(3);
    // Replacing again changes nothing more.
    expect(withStatusBlock(rewritten, MARKER, acknowledged)).toBe(rewritten);
  });

  it("finds its block in a body edited in GitHub's web editor, which comes back with CRLF line ends", () => {
    expect(withStatusBlock(body.replace(/\n/g, "\r\n"), MARKER, acknowledged)).toBe(withStatusBlock(body, MARKER, acknowledged));
  });

  it("adds a block to a case issue written before status blocks, and ignores a body that is not a case file", () => {
    expect(withStatusBlock(`${MARKER}\n## Case COC-2026-0001`, MARKER, acknowledged)).toBe(`${MARKER}\n${acknowledged}\n## Case COC-2026-0001`);
    expect(withStatusBlock(`Some issue\n${MARKER}`, MARKER, acknowledged)).toBeNull();
    expect(withStatusBlock(`${caseMarker("COC-2026-0002")}\n${statusBlock(NEW)}`, MARKER, acknowledged)).toBeNull();
  });

  it("keeps a full body written before the room was reserved as it is, rather than break GitHub's limit", () => {
    const full = `${MARKER}\n${"x".repeat(GITHUB_BODY_LIMIT - MARKER.length - 1)}`;
    expect(withStatusBlock(full, MARKER, acknowledged)).toBeNull();
  });
});

describe("a case file's room for its status block", () => {
  it("leaves the first body room for the longest block, however long the evidence", () => {
    const messages = packMessages([{ kind: "evidence", text: "y".repeat(200_000) }], { head: () => MARKER, firstReserve: STATUS_BLOCK_ROOM });
    expect(messages[0]!.length).toBeLessThanOrEqual(MESSAGE_BUDGET - STATUS_BLOCK_ROOM);
    expect(messages[1]!.length).toBeGreaterThan(MESSAGE_BUDGET - STATUS_BLOCK_ROOM);
  });

  it("starts the case issue with the new case's block", () => {
    const view = {
      ...NEW,
      id: "c1",
      code: "COC-2026-0001",
      subjectLogin: "troll-tom",
      createdAt: AT,
      reports: [],
    } as unknown as CaseView;
    const [body] = caseIssueParts(view, "hidden");
    expect(body!.startsWith(`${MARKER}\n${statusBlock(NEW)}\n`)).toBe(true);
  });
});
