/**
 * What a heavy comment from a moderator costs the app: 64 KiB of footnotes,
 * tables or lists after a `/coc flag` command. `npm run bench` prints, per
 * crafted comment, how long one parse takes, how long the main thread's event
 * loop is held up while a comment job reads it, and how many Markdown parses
 * one comment job runs.
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
import { extractCommands, newCommands } from "../../src/commands/grammar.js";
import { bodyWithoutCommands } from "../../src/commands/strip-commands.js";
import { HEAVY_COMMAND, heavyComments } from "../factories/heavy-comments.js";

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

function parsesDuring(work: () => unknown): number {
  const before = vi.mocked(fromMarkdown).mock.calls.length;
  work();
  return vi.mocked(fromMarkdown).mock.calls.length - before;
}

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

console.log("Markdown parses per comment job, on the main thread (before):");
console.table(Object.fromEntries(Object.entries(scenarios).map(([name, comment]) => [name, { before: parsesDuring(() => mainThreadJob(comment)) }])));

const figures: Record<string, Record<string, number>> = {};
for (const [name, body] of Object.entries(heavyComments)) {
  const job = await loopDelayDuring(() => mainThreadJob({ body, previousBody: null }));
  figures[name] = { "before: job ms": round(job.ms), "before: loop delay p99 ms": round(job.p99), "before: loop delay max ms": round(job.max) };
}
console.log("A new 64 KiB comment with one command: the comment job's time and the main thread's event-loop delay meanwhile:");
console.table(figures);

describe("one parse of a 64 KiB comment, on the main thread (before)", () => {
  for (const [name, body] of Object.entries(heavyComments)) {
    bench(name, () => {
      extractCommands(body);
    }, { iterations: 2, time: 0, warmupIterations: 0, warmupTime: 0 });
  }
});
