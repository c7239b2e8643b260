/**
 * A case file is measured whole against GitHub's limit; what does not fit
 * continues in further bodies, and evidence is cut without losing a character.
 */
import { describe, expect, it } from "vitest";
import { GITHUB_BODY_LIMIT, packMessages } from "../../src/messages/message-packer.js";
import { fencedEvidence } from "../../src/messages/safe-markdown.js";

const head = (index: number) => `<!-- part ${index} -->`;

/** The quoted text of every fenced block, in order, with the line breaks the cuts say were there. */
function unquote(messages: string[]): string {
  let text = "";
  for (const message of messages) {
    for (const m of message.matchAll(/^(`{3,}|~{3,})text\n([\s\S]*?)\n\1$/gm)) text += m[2]!;
    if (message.endsWith("_(continued in the next comment)_")) text += "\n";
  }
  return text;
}

describe("packMessages", () => {
  it("keeps a small case file in one body", () => {
    const messages = packMessages([{ kind: "text", text: "## Case" }, { kind: "evidence", text: "short" }], { head });
    expect(messages).toEqual(["<!-- part 0 -->\n## Case\n```text\nshort\n```"]);
  });

  it.each([
    ["backticks", "`".repeat(65_536)],
    ["tildes and backticks", "~".repeat(40_000) + "`".repeat(25_536)],
    ["long lines of text", ("x".repeat(999) + "\n").repeat(200)],
    ["astral characters", "😀".repeat(40_000)],
  ])("splits %s into bodies within GitHub's limit, and loses nothing", (_name, text) => {
    const messages = packMessages([{ kind: "text", text: "## Case" }, { kind: "evidence", text }], { head });
    expect(messages.length).toBeGreaterThan(1);
    for (const [index, message] of messages.entries()) {
      expect(message.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
      expect(message.startsWith(head(index))).toBe(true);
    }
    expect(unquote(messages)).toBe(text.endsWith("\n") ? text.slice(0, -1) : text);
    // No half of a surrogate pair is ever sent.
    for (const message of messages) expect(message).not.toMatch(/\p{Cs}/u);
  });

  it("says where a body continues, and whether a line was cut in two", () => {
    const oneLine = packMessages([{ kind: "evidence", text: "a".repeat(100_000) }], { head });
    expect(oneLine[0]).toMatch(/\n_\(continued in the next comment, on the same line\)_$/);
    expect(oneLine.at(-1)).not.toContain("continued in the next comment");
    const lines = packMessages([{ kind: "evidence", text: "b".repeat(999).concat("\n").repeat(100) }], { head });
    expect(lines[0]).toMatch(/b\n```\n_\(continued in the next comment\)_$/);
  });

  it("moves a whole block to the next body rather than overflow", () => {
    const big = { kind: "text" as const, text: "y".repeat(40_000) };
    const messages = packMessages([big, big], { head });
    expect(messages).toHaveLength(2);
    expect(messages.every((m) => m.length <= GITHUB_BODY_LIMIT)).toBe(true);
  });

  it("keeps evidence truncation outside the fence", () => {
    const messages = packMessages([{ kind: "evidence", text: "z".repeat(3_000), maxChars: 2_000 }], { head });
    expect(messages).toEqual([`${head(0)}\n${fencedEvidence("z".repeat(3_000), { maxChars: 2_000 })}`]);
    expect(messages[0]).toContain("… (truncated, 1000 more characters)");
  });
});

describe("fencedEvidence with a body of backticks", () => {
  it("fences it with tildes, so the fence does not grow with the body", () => {
    const quoted = fencedEvidence("`".repeat(10_000));
    expect(quoted.startsWith("~~~text\n")).toBe(true);
    expect(quoted.length).toBeLessThan(10_020);
  });

  it("keeps backticks for ordinary code", () => {
    expect(fencedEvidence("use ```js fences```")).toBe("````text\nuse ```js fences```\n````");
  });
});
