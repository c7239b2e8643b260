import { afterAll, describe, expect, it } from "vitest";
import { BoundedParser } from "../../src/commands/bounded-parser.js";
import { extractCommands } from "../../src/commands/grammar.js";
import { bodyWithoutCommands } from "../../src/commands/strip-commands.js";
import { heavyComments, pathologicalComment } from "../factories/heavy-comments.js";

// Generous, so that only the pathological comment can reach it, even on a busy machine.
const BOUND_MS = 1_500;

describe("the parser thread", () => {
  const parser = new BoundedParser({ timeoutMs: BOUND_MS });
  afterAll(() => parser.close());

  it.each([
    ["a command alone", "/coc flag rude"],
    ["text around a command", "thanks\n/coc flag rude @alice\nbye"],
    ["a quoted command beside a real one", "> /coc flag quoted\n\n/coc flag real"],
    ["a command that only looks removable", "intro\n``` /coc flag x\n/coc flag y\n```\n/coc flag x"],
    ["no command at all", "`/coc flag` is how you report"],
  ])("reads %s exactly as the grammar does, with the remaining body", async (_label, body) => {
    const commands = extractCommands(body);
    expect(await parser.parse({ body, strip: true })).toEqual({ ok: true, commands, remainingBody: bodyWithoutCommands(body, commands) });
  });

  it("reads only the commands when no remaining body is asked for", async () => {
    expect(await parser.parse({ body: "hi\n/coc flag a", strip: false })).toEqual({ ok: true, commands: extractCommands("/coc flag a"), remainingBody: null });
  });

  it("gives up on a parse that exceeds the bound, replaces the thread, and keeps answering", async () => {
    expect(await parser.parse({ body: pathologicalComment, strip: true })).toEqual({ ok: false, reason: "timeout" });
    // The stopped parse would have run for tens of seconds more: only a new thread can answer this.
    expect(await parser.parse({ body: "/coc flag after", strip: true })).toMatchObject({ ok: true, commands: [{ name: "flag", args: ["after"] }] });
  });

  it("starts the bound when a parse starts, not while it waits behind a slow one", async () => {
    const slow = parser.parse({ body: pathologicalComment, strip: true });
    const waiting = parser.parse({ body: "/coc flag queued", strip: true });
    expect(await slow).toEqual({ ok: false, reason: "timeout" });
    expect(await waiting).toMatchObject({ ok: true, commands: [{ name: "flag", args: ["queued"] }] });
  });

  it("leaves the main thread free while it parses", async () => {
    const order: string[] = [];
    const parsed = parser.parse({ body: pathologicalComment, strip: true }).then(() => order.push("parse settled"));
    await new Promise((resolve) => setTimeout(resolve, 10)).then(() => order.push("timer fired"));
    await parsed;
    expect(order).toEqual(["timer fired", "parse settled"]);
  });
});

describe("the parser thread's memory bound", () => {
  // Enough to load the parser, far too little for a 64 KiB table.
  const parser = new BoundedParser({ timeoutMs: 60_000, heapMb: 32 });
  afterAll(() => parser.close());

  it("gives up on a parse that exceeds it, and keeps answering", async () => {
    expect(await parser.parse({ body: heavyComments["wide table"]!, strip: true })).toEqual({ ok: false, reason: "out-of-memory" });
    expect(await parser.parse({ body: "/coc flag after", strip: true })).toMatchObject({ ok: true, commands: [{ name: "flag" }] });
  });
});

describe("a parser thread that cannot start", () => {
  it("fails the parse instead of reporting a comment without commands", async () => {
    const parser = new BoundedParser({ workerUrl: new URL("./no-such-parser-thread.js", import.meta.url) });
    await expect(parser.parse({ body: "/coc flag x", strip: true })).rejects.toThrow(/parser thread/);
    await parser.close();
  });
});
