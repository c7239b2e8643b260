/**
 * Hostile text quoted into a case file must stay inert. Outputs are parsed with
 * a CommonMark + GFM parser (micromark, the same rules GitHub's renderer
 * follows) so the tests check what would render, not only the string shape.
 */
import type { Nodes, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { fencedEvidence, inlineSafe, plainText, quietLogin, quietUrl } from "../../src/messages/safe-markdown.js";

const ZWJ = "\u200D";

function parse(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

function nodeTypes(node: Nodes, into = new Set<string>()): Set<string> {
  into.add(node.type);
  if ("children" in node) for (const child of node.children) nodeTypes(child, into);
  return into;
}

/** The text a reader sees: text and inline code values, in order. */
function visibleText(node: Nodes): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value;
  if ("children" in node) return node.children.map((child) => visibleText(child)).join("");
  return "";
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}

/** Only the text outside code, where GitHub looks for mentions and references. */
function textOutsideCode(node: Nodes): string {
  if (node.type === "text") return node.value;
  if ("children" in node) return node.children.map((child) => textOutsideCode(child)).join("");
  return "";
}

/** Patterns GitHub turns into notifications, references or links in displayed text. */
const AUTOLINK_TRIGGERS: Array<[string, RegExp]> = [
  ["mention", /@[A-Za-z0-9]/],
  ["issue reference", /#\d/],
  ["GH- reference", /gh-\d/i],
  ["URL scheme", /:\/\//],
  ["www autolink", /www\./i],
];

describe("fencedEvidence", () => {
  const backtickRuns = Array.from({ length: 8 }, (_, i) => i + 3).map(
    (n): [string, string] => [`a line of ${n} backticks`, `before\n${"`".repeat(n)}\n@octocat\n${"`".repeat(n)} after`],
  );
  const hostile: Array<[string, string]> = [
    ["user mention", "@octocat please look at this"],
    ["team mention", "cc @my-org/security-team"],
    ["issue references", "see #12, GH-12 and owner/repo#12"],
    ["commit reference", "owner/repo@a5c3785ed8d6a35868bc169f07e40e889087fd2e"],
    ["issue URL", "https://github.com/octo/repo/issues/12#issuecomment-1"],
    ["image tag", '<img src=x onerror="alert(1)">'],
    ["details tag", "<details><summary>click</summary>\n\n@octocat\n</details>"],
    ["HTML comment", "<!-- everything after this is hidden"],
    ["markdown image", "![tracker](https://evil.example/pixel.png)"],
    ["task list", "- [ ] toggle me\n- [x] done"],
    ["triple backticks inside", "```\n@octocat\n```"],
    ["tilde fence", "~~~\n@octocat\n~~~\n~~~~~~~~~~"],
    ["inline backticks at the edges", "`start` and end`"],
    ["CRLF line endings", "line one\r\nline two\r\n```\r\n@octocat"],
    ["lone CR line endings", "one\rtwo\r```\r#12"],
    ["zero-width characters", "zero\u200Bwidth @\u200Boctocat \uFEFF"],
    ["math", "$x^2$ and $$y$$"],
    ["indentation", "    indented\n\ttabbed"],
    ["block syntax", "> quote\n# heading\n| a | b |\n|---|---|"],
    ["trailing newline", "ends with a newline\n"],
    ["leading blank lines", "\n\nstarts late"],
    ["only spaces", "   "],
    ["control characters", "bell\u0007 escape\u001b[31m red"],
    ...backtickRuns,
  ];

  it.each(hostile)("quotes %s verbatim in one code block", (_name, content) => {
    const out = fencedEvidence(content);
    const fence = /^`+/.exec(out)?.[0] ?? "";
    expect(fence.length).toBeGreaterThanOrEqual(3);
    expect(fence.length).toBeGreaterThan(longestRun(content, "`"));
    expect(out.startsWith(`${fence}text\n`)).toBe(true);
    expect(out.endsWith(`\n${fence}`)).toBe(true);

    // Byte-identical inside the fence (a final newline is added only when missing).
    const inner = out.slice(fence.length + "text\n".length, out.length - fence.length);
    expect(inner).toBe(content.endsWith("\n") ? content : `${content}\n`);

    // A Markdown parser sees exactly one code block holding the content, nothing else.
    const tree = parse(out);
    expect([...nodeTypes(tree)].sort()).toEqual(["code", "root"]);
    const [block] = tree.children;
    expect(block?.type === "code" && block.lang).toBe("text");
    expect(block?.type === "code" && block.value).toBe(content.replace(/(\r\n|\n|\r)$/, ""));
  });

  it.each(backtickRuns.map(([, content], i) => [i + 3, content] as const))(
    "makes the fence one longer than a run of %i backticks",
    (n, content) => {
      expect(fencedEvidence(content).split("\n")[0]).toBe(`${"`".repeat(n + 1)}text`);
    },
  );

  it("uses the shortest fence when the text has no long backtick run", () => {
    expect(fencedEvidence("plain `code` here")).toBe("```text\nplain `code` here\n```");
  });

  it("removes NUL bytes and nothing else", () => {
    const out = fencedEvidence("a\u0000b\u0000\nc\u0007");
    expect(out).toBe("```text\nab\nc\u0007\n```");
    expect(out).not.toContain("\u0000");
  });

  it("replaces lone surrogates, which cannot be encoded", () => {
    expect(fencedEvidence("x\uD800y")).toBe("```text\nx\uFFFDy\n```");
  });

  it.each([[""], ["\u0000"], ["\u0000\u0000\u0000"]])("marks empty text %j explicitly", (text) => {
    expect(fencedEvidence(text)).toBe("_(empty)_");
  });

  it("truncates with a note outside the fence", () => {
    const out = fencedEvidence("a".repeat(100), { maxChars: 10 });
    expect(out).toBe(`\`\`\`text\n${"a".repeat(10)}\n\`\`\`\n\n… (truncated, 90 more characters)`);
    const tree = parse(out);
    expect(tree.children.map((node) => node.type)).toEqual(["code", "paragraph"]);
    expect(visibleText(tree.children[1] as Nodes)).toBe("… (truncated, 90 more characters)");
  });

  it("says 'character' for one", () => {
    expect(fencedEvidence("abcd", { maxChars: 3 })).toMatch(/\(truncated, 1 more character\)$/);
  });

  it("counts and cuts code points, never half an emoji", () => {
    const out = fencedEvidence("😀".repeat(5), { maxChars: 2 });
    expect(out).toBe("```text\n😀😀\n```\n\n… (truncated, 3 more characters)");
  });

  it("sizes the fence on the kept text", () => {
    expect(fencedEvidence(`abc${"`".repeat(12)}`, { maxChars: 4 })).toBe(
      "```text\nabc`\n```\n\n… (truncated, 11 more characters)",
    );
  });

  it("caps at 50,000 characters by default, below GitHub's body limit", () => {
    const out = fencedEvidence("x".repeat(60_000));
    expect(out.endsWith("… (truncated, 10000 more characters)")).toBe(true);
    const block = parse(out).children[0];
    expect(block?.type === "code" && block.value.length).toBe(50_000);
  });

  it("keeps a plain info string", () => {
    expect(fencedEvidence("x", { info: "diff" })).toBe("```diff\nx\n```");
    expect(fencedEvidence("x", { info: "" })).toBe("```\nx\n```");
  });

  it.each([["mermaid"], ["GeoJSON"], ["topojson"], ["stl"], ["math"], ["suggestion"], ["ts\n@octocat"], ["a`b"], ["a b"]])(
    "replaces the info string %j, which would render or break the fence, with text",
    (info) => {
      expect(fencedEvidence("x", { info })).toBe("```text\nx\n```");
    },
  );

  it("keeps text-direction controls but warns about them outside the fence", () => {
    const content = "harmless \u202Eevil\u202C and \u2066more\u2069";
    const out = fencedEvidence(content);
    const tree = parse(out);
    expect(tree.children.map((node) => node.type)).toEqual(["code", "paragraph"]);
    expect(tree.children[0]?.type === "code" && tree.children[0].value).toBe(content);
    expect(visibleText(tree.children[1] as Nodes)).toContain("contains 4 text-direction control characters");
  });

  it.each([[0], [-1], [1.5], [Number.NaN]])("rejects maxChars %s", (maxChars) => {
    expect(() => fencedEvidence("x", { maxChars })).toThrow(RangeError);
  });
});

describe("inlineSafe", () => {
  // [name, input, the text a reader should see once the invisible joiners are removed]
  const hostile: Array<[string, string, string]> = [
    ["user mention", "@octocat", "@octocat"],
    ["team mention", "ping @my-org/security-team now", "ping @my-org/security-team now"],
    ["issue references", "see #12, GH-12, gh-7 and owner/repo#12", "see #12, GH-12, gh-7 and owner/repo#12"],
    ["commit reference", "owner/repo@a5c3785", "owner/repo@a5c3785"],
    ["issue URL", "https://github.com/octo/repo/issues/12", "https://github.com/octo/repo/issues/12"],
    ["www URL", "www.github.com/octo/repo/pull/3", "www.github.com/octo/repo/pull/3"],
    ["email", "write to evil@example.com", "write to evil@example.com"],
    ["image tag", '<img src=x onerror="alert(1)">', '<img src=x onerror="alert(1)">'],
    ["details tag", "<details><summary>hi", "<details><summary>hi"],
    ["HTML comment", "<!-- hide the rest", "<!-- hide the rest"],
    ["markdown image", "![t](https://evil.example/p.png)", "![t](https://evil.example/p.png)"],
    ["link", "[click](javascript:alert(1))", "[click](javascript:alert(1))"],
    ["task list", "- [ ] toggle", "- [ ] toggle"],
    ["heading", "# Heading", "# Heading"],
    ["quote", "> quote", "> quote"],
    ["ordered list", "1. item", "1. item"],
    ["thematic break", "---", "---"],
    ["emphasis", "**bold** _em_ ~~strike~~", "**bold** _em_ ~~strike~~"],
    ["backticks", "`code` and ```` fence `", "`code` and ```` fence `"],
    ["dollars", "price $5, $x^2$ and $$y$$ $`z`$", "price $5, $x^2$ and $$y$$ $`z`$"],
    ["pipes", "a | b | c", "a | b | c"],
    ["entities", "&#64;octocat &amp; &lt;b&gt;", "&#64;octocat &amp; &lt;b&gt;"],
    ["backslashes", "back\\slash \\@x \\", "back\\slash \\@x \\"],
    ["CRLF", "line1\r\nline2\nline3\rline4", "line1 line2 line3 line4"],
    ["tabs and runs of spaces", "   tab\there    spaced   ", "tab here spaced"],
    ["control characters", "nul\u0000byte bell\u0007 esc\u001b[31m del\u007f", "nul byte bell esc [31m del"],
    ["zero-width characters", "zero\u200Bwidth @\u200Boctocat #\u2060\u200D12", "zerowidth @octocat #12"],
    ["RTL override", "\u202Egnp.exe", "gnp.exe"],
    ["bidi isolates and marks", "\u2066iso\u2069 \u200Fmark\u200E \u061C", "iso mark"],
    ["BOM and invisible fillers", "\uFEFFbom \u3164x\u115F", "bom x"],
    ["line separators", "a\u2028b\u2029c\u0085d", "a b c d"],
    ["emoji shortcodes", ":smile: :+1:", ":smile: :+1:"],
  ];

  it.each(hostile)("renders %s as inert plain text", (_name, input, expected) => {
    const out = inlineSafe(input);
    expect(out).not.toMatch(/[\r\n\u0000-\u001f\u007f-\u009f]/);
    // The only invisible characters left are the joiners this module inserts.
    expect(out.replace(/(?:[@#:-]|www)\u200D/gi, "")).not.toMatch(/[\p{Cf}\u3164\u115F]/u);

    const tree = parse(out);
    expect(tree.children).toHaveLength(1);
    expect(tree.children[0]?.type).toBe("paragraph");
    const types = nodeTypes(tree);
    for (const type of types) expect(["root", "paragraph", "text", "inlineCode"]).toContain(type);

    const shown = visibleText(tree);
    for (const [name, pattern] of AUTOLINK_TRIGGERS) expect({ name, match: pattern.exec(shown) }).toEqual({ name, match: null });
    expect(shown.replaceAll(ZWJ, "")).toBe(expected);
  });

  it("only uses inline code for dollar signs", () => {
    const tree = parse(inlineSafe("$x$ costs $$5"));
    const codes: string[] = [];
    const walk = (node: Nodes): void => {
      if (node.type === "inlineCode") codes.push(node.value);
      if ("children" in node) node.children.forEach(walk);
    };
    walk(tree);
    expect(codes).toEqual(["$", "$", "$$"]);
  });

  it("neutralises at the exact spots GitHub looks at", () => {
    expect(inlineSafe("@octocat #12 GH-3 https://x www.y")).toBe(
      `\\@${ZWJ}octocat \\#${ZWJ}12 GH\\-${ZWJ}3 https\\:${ZWJ}\\/\\/x www${ZWJ}\\.y`,
    );
  });

  it("writes <, > and & as entities, so no tag appears even inside an HTML element", () => {
    expect(inlineSafe("<b>&</b>")).toBe("&lt;b&gt;&amp;&lt;\\/b&gt;");
    const tree = parse(`<details><summary>${inlineSafe("<img src=x>")}</summary>`);
    const html = tree.children[0];
    expect(html?.type).toBe("html");
    expect(html?.type === "html" && html.value.match(/<[a-z/]+/g)).toEqual(["<details", "<summary", "</summary"]);
  });

  it("stays one paragraph after another line (no setext heading)", () => {
    const tree = parse(`Title\n${inlineSafe("===")}\n${inlineSafe("- item")}`);
    expect(tree.children.map((node) => node.type)).toEqual(["paragraph"]);
  });

  it("stays inside its table cell", () => {
    const tree = parse(`| a | b |\n|---|---|\n| ${inlineSafe("x | @y | <img src=z>")} | end |`);
    const table = tree.children[0];
    expect(table?.type).toBe("table");
    if (table?.type !== "table") return;
    const row = table.children[1];
    expect(row?.children).toHaveLength(2);
    expect(visibleText(row?.children[0] as Nodes).replaceAll(ZWJ, "")).toBe("x | @y | <img src=z>");
    expect(visibleText(row?.children[1] as Nodes)).toBe("end");
  });

  it("stays inside link text", () => {
    const tree = parse(`[${inlineSafe("x](https://evil.example) [y")}](https://example.com/ok)`);
    const links: string[] = [];
    const walk = (node: Nodes): void => {
      if (node.type === "link") links.push(node.url);
      if ("children" in node) node.children.forEach(walk);
    };
    walk(tree);
    expect(links).toEqual(["https://example.com/ok"]);
  });

  it("caps at 300 characters by default, ellipsis included", () => {
    const shown = visibleText(parse(inlineSafe("a".repeat(400))));
    expect(shown).toBe(`${"a".repeat(299)}…`);
  });

  it("caps at maxChars and drops the space before the ellipsis", () => {
    expect(inlineSafe("hello     world", { maxChars: 7 })).toBe("hello…");
    expect(inlineSafe("hello", { maxChars: 5 })).toBe("hello");
  });

  it("never cuts an emoji in half", () => {
    expect(inlineSafe("😀😀😀", { maxChars: 2 })).toBe("😀…");
  });

  it.each([[""], ["   "], ["\r\n\t"], ["\u200B\u202E"], ["\u3164"]])("marks empty text %j explicitly", (text) => {
    expect(inlineSafe(text)).toBe("_(empty)_");
  });

  it.each([[0], [-5], [2.5]])("rejects maxChars %s", (maxChars) => {
    expect(() => inlineSafe("x", { maxChars })).toThrow(RangeError);
  });
});

describe("quietLogin", () => {
  it.each([
    ["octocat", "`octocat`"],
    ["@octocat", "`octocat`"],
    ["Mona-Lisa-42", "`Mona-Lisa-42`"],
    ["dependabot[bot]", "`dependabot[bot]`"],
    ["owner/repo", "`owner/repo`"],
  ])("shows %s as inline code", (login, expected) => {
    const out = quietLogin(login);
    expect(out).toBe(expected);
    expect([...nodeTypes(parse(out))].sort()).toEqual(["inlineCode", "paragraph", "root"]);
  });

  it.each([
    ["a backtick", "evil`@octocat <img src=x>"],
    ["a pipe", "a|@octocat"],
    ["a newline", "octo\n@cat"],
    ["too long", `@${"a".repeat(40)}`],
  ])("quotes a non-login with %s without breaking out", (_name, login) => {
    const out = quietLogin(login);
    expect(out).not.toContain("\n");
    const tree = parse(`| who |\n|---|\n| ${out} |`);
    const table = tree.children[0];
    expect(table?.type === "table" && table.children[1]?.children.length).toBe(1);
    for (const type of nodeTypes(tree)) {
      expect(["root", "table", "tableRow", "tableCell", "text", "inlineCode"]).toContain(type);
    }
    expect(textOutsideCode(tree)).not.toMatch(/@[A-Za-z0-9]/);
    expect(visibleText(tree)).toContain("@");
  });

  it("does not mention a non-login shown as code", () => {
    expect(quietLogin("a@b c")).toBe("`a@b c`");
  });
});

describe("quietUrl", () => {
  it("shows an issue URL as code, not as a link", () => {
    const url = "https://github.com/octo/repo/issues/12#issuecomment-1";
    const out = quietUrl(url);
    expect(out).toBe(`\`${url}\``);
    const tree = parse(out);
    expect([...nodeTypes(tree)].sort()).toEqual(["inlineCode", "paragraph", "root"]);
    expect(visibleText(tree)).toBe(url);
  });

  it.each([
    ["a backtick", "https://x.test/a`b``c", "https://x.test/a%60b%60%60c"],
    ["a pipe", "https://x.test/a|b", "https://x.test/a%7Cb"],
    ["spaces and newlines", " https://x.test/a b\r\nc\t ", "https://x.test/a%20bc"],
    ["bidi and zero-width characters", "https://x.test/\u202Eabc\u200B", "https://x.test/abc"],
    ["an HTML-looking URL", "javascript:<img src=x>", "javascript:<img%20src=x>"],
  ])("keeps a URL with %s inside one code span", (_name, url, expected) => {
    const out = quietUrl(url);
    expect(out).toBe(`\`${expected}\``);
    const tree = parse(`| link |\n|---|\n| ${out} |`);
    const table = tree.children[0];
    expect(table?.type === "table" && table.children[1]?.children.length).toBe(1);
    expect(visibleText(tree)).toBe(`link${expected}`);
    expect(nodeTypes(tree).has("link")).toBe(false);
  });

  it("caps a very long URL", () => {
    const out = quietUrl(`https://x.test/${"a".repeat(3_000)}`);
    expect(Array.from(out)).toHaveLength(2_000 + 2);
    expect(out.endsWith("…`")).toBe(true);
  });

  it.each([[""], ["  \n "], ["\u200B"]])("marks an empty URL %j explicitly", (url) => {
    expect(quietUrl(url)).toBe("_(empty)_");
  });
});

describe("plainText", () => {
  it("gives back what inlineSafe escaped, as it was written, for a plain-text email", () => {
    const reason = "heated, not *targeted*; see #12 & @bob's <b>$5</b> at https://x.example or www.example.org (gh-3) \\ `code`";
    expect(inlineSafe(reason)).not.toBe(reason);
    expect(plainText(inlineSafe(reason))).toBe(reason);
  });

  it("keeps the app's own Markdown readable: a code span keeps its backticks", () => {
    expect(plainText(`decided: \`warning\`. The committee's reason: ${inlineSafe("rude, twice")}.`)).toBe("decided: `warning`. The committee's reason: rude, twice.");
  });
});
