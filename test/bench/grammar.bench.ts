/**
 * How long the command grammar takes on ordinary and hostile comments, so a
 * change that makes parsing slow shows up as a figure: `npm run bench`.
 * Hostile bodies stay under GitHub's 65,536-character limit so the parser
 * really reads them.
 */
import { bench, describe } from "vitest";
import { extractCommands } from "../../src/commands/grammar.js";

const bodies: Record<string, string> = {
  "short comment without a command": "Thanks, this looks good to me. Merging after CI.",
  "short comment with a command": "/coc flag https://github.com/acme/widgets/issues/7#issuecomment-42 personal attack",
  "64 KiB of prose with a command": `/coc flag x\n\n${"words and more words\n".repeat(3_000)}`,
  "emphasis markers": `/coc flag x\n\n${"*_".repeat(30_000)}`,
  "unclosed links": `/coc flag x\n\n${"[a](".repeat(2_000)}`,
  "lists nested by indentation": `/coc flag x\n\n${Array.from({ length: 250 }, (_, i) => `${" ".repeat(2 * i)}- a`).join("\n")}`,
  "quotes nested too deep (refused)": `/coc flag x\n\n${"> ".repeat(30_000)}`,
};

describe("extractCommands", () => {
  for (const [name, body] of Object.entries(bodies)) {
    bench(name, () => {
      extractCommands(body);
    }, { iterations: 5, time: 200 });
  }
});
