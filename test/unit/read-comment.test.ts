import { afterAll, describe, expect, it, vi } from "vitest";

// Counts Markdown parses on this (the main) thread: every parse in the grammar goes through fromMarkdown.
vi.mock("mdast-util-from-markdown", async (importOriginal) => {
  const original = await importOriginal<typeof import("mdast-util-from-markdown")>();
  return { ...original, fromMarkdown: vi.fn(original.fromMarkdown) };
});

import { fromMarkdown } from "mdast-util-from-markdown";
import { BoundedParser } from "../../src/commands/bounded-parser.js";
import { extractCommands, newCommands } from "../../src/commands/grammar.js";
import type { ParseRequest } from "../../src/commands/parse-request.js";
import { readComment } from "../../src/commands/read-comment.js";
import { bodyWithoutCommands } from "../../src/commands/strip-commands.js";
import { HEAVY_COMMAND, pathologicalComment } from "../factories/heavy-comments.js";
import { capturingLog } from "../support/capturing-log.js";

interface Comment {
  body: string;
  previousBody: string | null;
}

/** What the comment job computed on the main thread before reading moved to the parser thread. */
function mainThreadReading({ body, previousBody }: Comment) {
  const commands = previousBody === null ? extractCommands(body) : newCommands(previousBody, body);
  return { commands, remainingBody: bodyWithoutCommands(body, extractCommands(body)), unreadable: false };
}

const mainThreadParses = () => vi.mocked(fromMarkdown).mock.calls.length;

describe("readComment", () => {
  it.each<[string, Comment]>([
    ["a new comment", { body: "thanks\n/coc flag rude @alice\nbye", previousBody: null }],
    ["a new comment with two commands", { body: "/coc flag a\ntext\n/coc help", previousBody: null }],
    ["a new comment quoting a command", { body: "> /coc flag quoted\n\n/coc flag real", previousBody: null }],
    ["a comment where line removal would uncover a command", { body: "``` /coc flag x\n/coc flag y\n```\n/coc flag x", previousBody: null }],
    ["an edit that adds a command", { body: "/coc flag a\n/coc label b", previousBody: "/coc flag a" }],
    ["an edit that only fixes a typo", { body: "/coc flag a\n\nfixed a typo", previousBody: "/coc flag a" }],
    ["an edit that adds a duplicate", { body: "/coc flag a\n/coc flag a", previousBody: "/coc flag a" }],
    ["an edit of a comment without commands", { body: "hello\n/coc flag a", previousBody: "hello" }],
    ["an edit that removes every command", { body: "hello", previousBody: "hello\n/coc flag a" }],
    ["a comment with only a quoted command", { body: "> /coc flag a", previousBody: null }],
  ])("gives %s the same commands and remaining body as the grammar, with no parse on the main thread", async (_label, comment) => {
    const expected = mainThreadReading(comment);
    const before = mainThreadParses();
    const reading = await readComment(comment, capturingLog().log);
    expect(mainThreadParses() - before).toBe(0);
    expect(reading).toEqual(expected);
  });

  it("asks the parser thread for one parse of the new body and at most one of the previous body", async () => {
    const requests: ParseRequest[] = [];
    const real = new BoundedParser();
    const counting = { parse: (request: ParseRequest) => (requests.push(request), real.parse(request)) };
    const read = async (comment: Comment) => {
      requests.length = 0;
      await readComment(comment, capturingLog().log, counting);
      return requests.map((r) => ({ body: r.body, strip: r.strip }));
    };
    try {
      expect(await read({ body: "/coc flag a", previousBody: null })).toEqual([{ body: "/coc flag a", strip: true }]);
      expect(await read({ body: "/coc flag a\n/coc flag b", previousBody: "/coc flag a" })).toEqual([
        { body: "/coc flag a\n/coc flag b", strip: true },
        { body: "/coc flag a", strip: false },
      ]);
      // Nothing that could hold a command is sent at all.
      expect(await read({ body: "/coc flag a", previousBody: "no command before" })).toEqual([{ body: "/coc flag a", strip: true }]);
      expect(await read({ body: "no command now", previousBody: "/coc flag a" })).toEqual([]);
    } finally {
      await real.close();
    }
  });
});

describe("readComment on a comment the parser cannot finish in time", () => {
  const parser = new BoundedParser({ timeoutMs: 300 });
  afterAll(() => parser.close());
  const secret = "reason-that-must-stay-private";
  const heavy = pathologicalComment.replace("personal attack", secret);

  it("finds no commands, and logs that it happened without logging the comment", async () => {
    const captured = capturingLog();
    expect(await readComment({ body: heavy, previousBody: null }, captured.log, parser)).toEqual({ commands: [], remainingBody: null, unreadable: true });
    expect(captured.lines).toHaveLength(1);
    expect(captured.lines[0]).toMatchObject({ level: 40, reason: "timeout", which: "new body", msg: expect.stringMatching(/no command runs, and the comment is removed/) });
    const logged = JSON.stringify(captured.lines);
    expect(logged).not.toContain(secret);
    expect(logged).not.toContain("issuecomment-555");
  });

  it("runs none of an edit's commands when the previous body cannot be read, so old commands never run again", async () => {
    const captured = capturingLog();
    const reading = await readComment({ body: `${HEAVY_COMMAND}\n/coc flag new`, previousBody: heavy }, captured.log, parser);
    expect(reading).toEqual({ commands: [], remainingBody: null, unreadable: true });
    expect(captured.lines).toMatchObject([{ reason: "timeout", which: "previous body" }]);
  });
});
