import { describe, expect, it } from "vitest";
import { extractCommands } from "../../src/commands/grammar.js";
import { bodyWithoutCommands } from "../../src/commands/strip-commands.js";

const strip = (body: string) => bodyWithoutCommands(body, extractCommands(body));

describe("bodyWithoutCommands", () => {
  it.each([
    ["only a command", "/coc flag rude @alice", null],
    ["a command and blank lines", "\n/coc flag rude\n\n", null],
    ["text before and after", "thanks\n/coc flag rude @alice\nbye", "thanks\nbye"],
    ["a list item", "note:\n- /coc flag https://github.com/o/r/issues/1 harassing @alice\n- other point", "note:\n- other point"],
    ["an ordered list item", "1. /coc flag rude\n2. keep this", "2. keep this"],
    ["a hard break after the command", "/coc flag he insulted @alice\\\nmore words", "more words"],
    ["CRLF line endings", "keep\r\n/coc flag rude\r\n", "keep\n"],
    ["two commands", "/coc flag a\ntext\n/coc help", "text"],
  ])("removes %s", (_name, body, expected) => {
    expect(strip(body)).toBe(expected);
  });

  it("never leaves a command behind: when a command survives the line match, the whole comment goes", () => {
    const body = "intro\n/coc flag x\nmore";
    // Simulate a parse that reports a different line than the source holds.
    expect(bodyWithoutCommands(body, [{ name: "flag", args: ["y"], rest: "y", line: "/coc flag y" }])).toBeNull();
  });
});
