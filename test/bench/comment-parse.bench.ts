/**
 * What a heavy comment from a moderator costs the app: 64 KiB of footnotes,
 * tables or lists after a `/coc flag` command. `npm run bench` prints, per
 * crafted comment, how long one parse takes, how long the main thread's event
 * loop is held up while a comment job reads it, and how many Markdown parses
 * one comment job runs: before (everything on the main thread, as the job
 * did until parsing moved to the parser thread) and after (readComment).
 * The pathological comment runs only after: on the main thread one parse of
 * it takes tens of seconds.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { bench, describe, vi } from "vitest";

// Counts the parses: every Markdown parse in the grammar goes through fromMarkdown.
vi.mock("mdast-util-from-markdown", async (importOriginal) => {
  const original = await importOriginal<typeof import("mdast-util-from-markdown")>();
  return { ...original, fromMarkdown: vi.fn(original.fromMarkdown) };
});

import { fromMarkdown } from "mdast-util-from-markdown";
import { BoundedParser } from "../../src/commands/bounded-parser.js";
import { extractCommands, newCommands } from "../../src/commands/grammar.js";
import { answerParseRequest, type ParseRequest } from "../../src/commands/parse-request.js";
import { readComment } from "../../src/commands/read-comment.js";
import { bodyWithoutCommands } from "../../src/commands/strip-commands.js";
import { HEAVY_COMMAND, heavyComments, longListComment, pathologicalComment } from "../factories/heavy-comments.js";
import { capturingLog } from "../support/capturing-log.js";

interface Comment {
  body: string;
  previousBody: string | null;
}

/** What the comment job did with a comment's text before parsing moved off the main thread. */
function mainThreadJob(comment: Comment) {
  const commands = comment.previousBody === null ? extractCommands(comment.body) : newCommands(comment.previousBody, comment.body);
  const remainingBody = bodyWithoutCommands(comment.body, extractCommands(comment.body));
  return { commands, remainingBody };
}

/** Reads a comment the way the comment job now does (readComment), with the production bounds. */
const log = capturingLog().log;
const parserThreadJob = (comment: Comment) => readComment(comment, log);

async function parsesDuring(work: () => unknown): Promise<number> {
  const before = vi.mocked(fromMarkdown).mock.calls.length;
  await work();
  return vi.mocked(fromMarkdown).mock.calls.length - before;
}

// The parser thread's own work, run here where its parses can be counted.
let requests = 0;
const countableParser = { parse: async (request: ParseRequest) => (requests++, { ok: true as const, ...answerParseRequest(request) }) };

/** Event-loop delay on this thread while `work` runs, in milliseconds. */
async function loopDelayDuring(work: () => unknown): Promise<{ ms: number; p99: number; max: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  // The histogram's first tick only starts its clock: a block before it would go unrecorded.
  await sleep(20);
  const start = performance.now();
  await work();
  const ms = performance.now() - start;
  // A blocked loop records its delay when its timer finally fires: let it fire before reading.
  await sleep(20);
  histogram.disable();
  return { ms, p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6 };
}

const round = (ms: number) => Math.round(ms);

// Comments shaped like the ones moderators write, each job counted from the same code path.
const padding = "Some context for the committee.";
const scenarios: Record<string, Comment> = {
  "new comment with a command": { body: `${padding}\n${HEAVY_COMMAND}`, previousBody: null },
  "edit that adds a command": { body: `${padding}\n${HEAVY_COMMAND}`, previousBody: padding },
  "edit that adds a second command": { body: `${HEAVY_COMMAND}\n/coc flag again`, previousBody: HEAVY_COMMAND },
  "new comment that also quotes a command": { body: `> /coc flag quoted\n\n${HEAVY_COMMAND}`, previousBody: null },
  "edit of a comment that quotes a command": { body: `> /coc flag quoted\n\n${HEAVY_COMMAND}`, previousBody: "> /coc flag quoted" },
};

const counts: Record<string, Record<string, number>> = {};
for (const [name, comment] of Object.entries(scenarios)) {
  const before = await parsesDuring(() => mainThreadJob(comment));
  requests = 0;
  const after = await parsesDuring(() => readComment(comment, log, countableParser));
  counts[name] = { "before: parses": before, "after: parses": after, "after: bodies sent to the parser thread": requests };
}
console.log("Markdown parses per comment job (before: all on the main thread; after: all on the parser thread, none on the main thread):");
console.table(counts);

// Started before measuring: a thread starts once per process, not once per comment.
await parserThreadJob({ body: "/coc flag warm-up", previousBody: null });

const figures: Record<string, Record<string, number | string>> = {};
const crafted: Record<string, string> = { ...heavyComments, "long list": longListComment, pathological: pathologicalComment };
for (const [name, body] of Object.entries(crafted)) {
  const row: Record<string, number | string> = {};
  if (body !== pathologicalComment) {
    const before = await loopDelayDuring(() => mainThreadJob({ body, previousBody: null }));
    Object.assign(row, { "before: job ms": round(before.ms), "before: loop delay p99 ms": round(before.p99), "before: loop delay max ms": round(before.max) });
  }
  let commands = 0;
  const after = await loopDelayDuring(async () => (commands = (await parserThreadJob({ body, previousBody: null })).commands.length));
  Object.assign(row, {
    "after: job ms": round(after.ms),
    "after: loop delay p99 ms": round(after.p99),
    "after: loop delay max ms": round(after.max),
    "after: commands": commands === 1 ? "found" : "none: past the bound",
  });
  figures[name] = row;
}
console.log("A new 64 KiB comment with one command: the time its comment job takes to read it, and the main thread's event-loop delay meanwhile:");
console.table(figures);

describe("one parse of a 64 KiB comment, on the main thread (before)", () => {
  for (const [name, body] of Object.entries(heavyComments)) {
    bench(name, () => {
      extractCommands(body);
    }, { iterations: 2, time: 0, warmupIterations: 0, warmupTime: 0 });
  }
});

// The bound lifted, to measure whole parses; started before measuring, as above.
const unbounded = new BoundedParser({ timeoutMs: 600_000 });
await unbounded.parse({ body: "/coc flag warm-up", strip: true });

describe("one parse of a 64 KiB comment, on the parser thread (after)", () => {
  for (const [name, body] of Object.entries({ ...heavyComments, "long list": longListComment })) {
    bench(name, async () => {
      await unbounded.parse({ body, strip: true });
    }, { iterations: 2, time: 0, warmupIterations: 0, warmupTime: 0 });
  }
});
