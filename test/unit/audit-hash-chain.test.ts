import { describe, expect, it } from "vitest";
import { auditHash, canonicalJson, GENESIS_HASH, verifyAuditChain, type ChainedAuditEvent } from "../../src/audit/hash-chain.js";

function chain(count: number): ChainedAuditEvent[] {
  const events: ChainedAuditEvent[] = [];
  let prev = GENESIS_HASH;
  for (let i = 0; i < count; i++) {
    const content = { at: new Date(Date.UTC(2026, 0, 1, 0, i)), actor: `user-${i}`, action: "case.opened", caseId: null, detail: { n: i } };
    const hash = auditHash(prev, content);
    events.push({ ...content, seq: BigInt(i + 1), prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

describe("audit hash chain", () => {
  it("accepts an untouched chain", () => {
    const events = chain(5);
    expect(verifyAuditChain(events)).toEqual({ ok: true, count: 5, lastHash: events[4]!.hash });
  });

  it("hashes the same content the same way whatever the key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
  });

  it.each([
    ["an altered detail", (e: ChainedAuditEvent[]) => (e[2]!.detail = { n: 99 }), 3n, /altered/],
    ["an altered actor", (e: ChainedAuditEvent[]) => (e[1]!.actor = "someone-else"), 2n, /altered/],
    ["an altered time", (e: ChainedAuditEvent[]) => (e[3]!.at = new Date(0)), 4n, /altered/],
    ["a removed event", (e: ChainedAuditEvent[]) => e.splice(2, 1), 4n, /removed or reordered/],
    ["swapped events", (e: ChainedAuditEvent[]) => ([e[1], e[2]] = [e[2]!, e[1]!]), 3n, /removed or reordered/],
  ])("finds %s", (_name, tamper, brokenAt, reason) => {
    const events = chain(5);
    tamper(events);
    const verdict = verifyAuditChain(events);
    expect(verdict.ok).toBe(false);
    expect(verdict).toMatchObject({ brokenAt, reason: expect.stringMatching(reason) });
  });
});
