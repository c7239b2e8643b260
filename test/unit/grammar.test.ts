import { describe, it, expect } from "vitest";
import {
  extractCommands,
  newCommands,
  MAX_BODY_CHARS,
  MAX_COMMANDS,
  MAX_NESTING,
} from "../../src/commands/grammar.js";

/** Commands reduced to `name arg arg…` so a table row stays on one line. */
function summary(body: string): string[] {
  return extractCommands(body).map((c) => [c.name, ...c.args].join(" "));
}

describe("extractCommands: where a command counts", () => {
  it.each([
    ["plain", "/coc flag", ["flag"]],
    ["leading spaces", "   /coc flag", ["flag"]],
    ["leading no-break space", "\u00A0/coc flag", ["flag"]],
    ["after other text in the paragraph", "Thanks.\n/coc flag", ["flag"]],
    ["indented continuation line", "Thanks.\n        /coc flag", ["flag"]],
    ["list item", "- /coc flag", ["flag"]],
    ["no name", "/coc", [""]],
    ["name only, trailing spaces", "/coc flag   ", ["flag"]],
    ["quoted", "> /coc flag", []],
    ["nested quote", "> > /coc flag", []],
    ["quote in a list item", "- > /coc flag", []],
    ["lazy quote continuation", "> I said\n/coc flag", []],
    ["GitHub alert", "> [!NOTE]\n> /coc flag", []],
    ["fenced code (backticks)", "```\n/coc flag\n```", []],
    ["fenced code (tildes)", "~~~md\n/coc flag\n~~~", []],
    ["unclosed fence", "```\n/coc flag", []],
    ["indented code", "    /coc flag", []],
    ["inline code", "`/coc flag`", []],
    ["inline code across lines", "see `this\n/coc flag` example", []],
    ["link text", "[/coc flag](https://example.com)", []],
    ["link text across lines", "[see\n/coc flag](https://example.com)", []],
    ["reference link text across lines", "[see\n/coc flag]\n\n[see /coc flag]: https://example.com", []],
    ["inside a URL", "https://example.com/coc flag", []],
    ["inside a link destination", "[x](</coc flag>)", []],
    ["HTML comment", "<!-- /coc flag -->", []],
    ["multi-line HTML comment", "<!--\n\n/coc flag\n\n-->", []],
    ["inline HTML comment across lines", "hello <!--\n/coc flag -->", []],
    ["HTML block", "<div>\n/coc flag\n</div>", []],
    ["heading", "# /coc flag", []],
    ["table cell", "| /coc flag |\n| --- |", []],
    ["footnote", "see[^1]\n\n[^1]: /coc flag", []],
    ["escaped slash", "\\/coc flag", []],
    ["mid-line", "please /coc flag this", []],
    ["glued name", "/cocflag", []],
    ["longer prefix", "/cocx flag", []],
  ])("%s", (_label, body, expected) => {
    expect(summary(body)).toEqual(expected);
  });

  it("counts text that GitHub renders between HTML blocks", () => {
    expect(summary("<details>\n\n/coc flag\n\n</details>")).toEqual(["flag"]);
  });
});

describe("extractCommands: what a command holds", () => {
  it.each([
    [
      "trailing reason",
      "/coc flag this was rude",
      { name: "flag", args: ["this", "was", "rude"], rest: "this was rude", line: "/coc flag this was rude" },
    ],
    [
      "uppercase: name lower-cased, arguments kept",
      "/COC FLAG Rude Words",
      { name: "flag", args: ["Rude", "Words"], rest: "Rude Words", line: "/COC FLAG Rude Words" },
    ],
    [
      "link argument kept as typed",
      "/coc flag https://github.com/o/r/issues/1#issuecomment-2 rude words",
      {
        name: "flag",
        args: ["https://github.com/o/r/issues/1#issuecomment-2", "rude", "words"],
        rest: "https://github.com/o/r/issues/1#issuecomment-2 rude words",
        line: "/coc flag https://github.com/o/r/issues/1#issuecomment-2 rude words",
      },
    ],
    [
      "angle-bracket link argument",
      "/coc flag <https://github.com/o/r/pull/3> spam",
      { name: "flag", args: ["<https://github.com/o/r/pull/3>", "spam"], rest: "<https://github.com/o/r/pull/3> spam", line: "/coc flag <https://github.com/o/r/pull/3> spam" },
    ],
    [
      "inline code and emphasis in arguments",
      "/coc flag `slur` *again*",
      { name: "flag", args: ["`slur`", "*again*"], rest: "`slur` *again*", line: "/coc flag `slur` *again*" },
    ],
    [
      "spacing inside the reason kept in rest",
      "  /coc   flag   two  spaces  ",
      { name: "flag", args: ["two", "spaces"], rest: "two  spaces", line: "/coc   flag   two  spaces" },
    ],
    [
      "unicode reason",
      "/coc flag très impoli 😠 侮辱",
      { name: "flag", args: ["très", "impoli", "😠", "侮辱"], rest: "très impoli 😠 侮辱", line: "/coc flag très impoli 😠 侮辱" },
    ],
    [
      "unicode name is just an unknown name",
      "/coc ÜBERPRÜFEN x",
      { name: "überprüfen", args: ["x"], rest: "x", line: "/coc ÜBERPRÜFEN x" },
    ],
    [
      "no-break and ideographic spaces separate words",
      "/coc\u00A0flag\u3000rude\u2003words",
      { name: "flag", args: ["rude", "words"], rest: "rude\u2003words", line: "/coc\u00A0flag\u3000rude\u2003words" },
    ],
    [
      "hard break ends the line",
      "/coc flag rude\\\nnot part of it",
      { name: "flag", args: ["rude"], rest: "rude", line: "/coc flag rude" },
    ],
    ["no name", "/coc", { name: "", args: [], rest: "", line: "/coc" }],
  ])("%s", (_label, body, expected) => {
    expect(extractCommands(body)).toEqual([expected]);
  });

  it("finds several commands in one body, in order", () => {
    const body = "/coc flag first\nsome text\n\n/coc label second\n- /coc ban third";
    expect(summary(body)).toEqual(["flag first", "label second", "ban third"]);
  });

  it("reads CRLF and CR line endings without leaking carriage returns", () => {
    expect(extractCommands("hi\r\n/coc flag a\r\n/coc label b\r\n")).toEqual([
      { name: "flag", args: ["a"], rest: "a", line: "/coc flag a" },
      { name: "label", args: ["b"], rest: "b", line: "/coc label b" },
    ]);
    expect(summary("hi\r/coc flag a\r```\r/coc not\r```")).toEqual(["flag a"]);
  });

  it("ignores a leading byte-order mark", () => {
    expect(summary("\uFEFF/coc flag x")).toEqual(["flag x"]);
  });
});

describe("extractCommands: bounded work", () => {
  it(`stops after ${MAX_COMMANDS} commands`, () => {
    const body = Array.from({ length: 25 }, (_, i) => `/coc flag n${i}`).join("\n");
    const commands = extractCommands(body);
    expect(commands).toHaveLength(MAX_COMMANDS);
    expect(commands.at(-1)?.args).toEqual([`n${MAX_COMMANDS - 1}`]);
  });

  it("reads only the first 65,536 characters of a 200k body", () => {
    const filler = "words and more words\n".repeat(10_000);
    const body = `/coc flag early\n${filler}/coc flag late\n`;
    expect(body.length).toBeGreaterThan(200_000);
    expect(summary(body)).toEqual(["flag early"]);
  });

  it("never reads a command cut in half by the limit", () => {
    const head = "x\n".repeat((MAX_BODY_CHARS - 10) / 2);
    const body = `${head}/coc flag abcdefghijklmnop\n`;
    expect(body.indexOf("/coc")).toBeLessThan(MAX_BODY_CHARS);
    expect(extractCommands(body)).toEqual([]);
  });

  // Fillers stay under the limit so that the parser really reads them.
  it.each([
    ["emphasis markers", "*_".repeat(30_000)],
    ["unclosed links", "[a](".repeat(2_000)],
    ["list items nested by indentation", Array.from({ length: 250 }, (_, i) => `${" ".repeat(2 * i)}- a`).join("\n")],
    ["many short lines in one paragraph", "words and more words\n".repeat(2_800)],
  ])("reads past %s (timings: npm run bench)", (_label, filler) => {
    expect(summary(`/coc flag x\n\n${filler}\n`)).toEqual(["flag x"]);
  });

  it.each([
    ["quotes", "> "],
    ["ordered lists", "1. "],
    ["mixed quotes and lists", "> - "],
    ["footnotes", "[^a]: "],
  ])("refuses a line nesting %s too deep, without a crash", (_label, marker) => {
    const deep = `/coc flag x\n\n${marker.repeat(Math.floor(60_000 / marker.length))}\n`;
    expect(extractCommands(deep)).toEqual([]);
  });

  it(`reads nesting up to ${MAX_NESTING} levels on a line`, () => {
    expect(summary(`/coc flag x\n\n${"> ".repeat(MAX_NESTING)}a\n`)).toEqual(["flag x"]);
    expect(summary(`/coc flag x\n\n${"> ".repeat(MAX_NESTING + 1)}a\n`)).toEqual([]);
  });
});

describe("newCommands: edited comments", () => {
  it.each([
    ["new comment", null, "/coc flag a", ["flag a"]],
    ["unchanged command", "/coc flag a", "/coc flag a\n\nfixed a typo", []],
    ["only case and spacing changed", "/coc flag  a", "/COC Flag a", []],
    ["added command", "/coc flag a", "/coc flag a\n/coc label b", ["label b"]],
    ["reason changed", "/coc flag a", "/coc flag b", ["flag b"]],
    ["duplicate added", "/coc flag a", "/coc flag a\n/coc flag a", ["flag a"]],
    ["command removed", "/coc flag a\n/coc label b", "/coc label b", []],
    ["quoted on edit", "/coc flag a", "> /coc flag a\n/coc flag a", []],
    ["was in code, now real", "`/coc flag a`", "/coc flag a", ["flag a"]],
  ])("%s", (_label, before, after, expected) => {
    expect(newCommands(before, after).map((c) => [c.name, ...c.args].join(" "))).toEqual(expected);
  });

  it("treats an undefined previous body as empty", () => {
    expect(newCommands(undefined, "/coc flag")).toHaveLength(1);
  });
});
