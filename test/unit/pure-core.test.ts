/**
 * The case core (state machine, consensus, recusal, outcomes, deadline rules)
 * is pure: nothing it imports, however indirectly, reaches GitHub, the
 * database or the job queue. It is tested without either, and stays so.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), "../../src");
const CORE = ["cases", "deadlines", "domain"];
const FORBIDDEN = ["github/", "store/", "generated/", "actions/kinds/", "server/"];

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/^(?:import|export)[^;]*?from\s+"([^"]+)"/gms)].map((m) => m[1]!);
  return specifiers.filter((s) => s.startsWith(".")).map((s) => resolve(dirname(file), s.replace(/\.js$/, ".ts")));
}

function reachableFrom(roots: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...importsOf(file));
  }
  return seen;
}

describe("the pure case core", () => {
  it("imports nothing from GitHub, the database or the job queue, even indirectly", () => {
    const roots = CORE.flatMap((dir) => readdirSync(join(SRC, dir)).filter((f) => f.endsWith(".ts")).map((f) => join(SRC, dir, f)));
    expect(roots.length).toBeGreaterThan(5);
    const reached = [...reachableFrom(roots)].map((file) => relative(SRC, file));
    expect(reached.filter((file) => FORBIDDEN.some((dir) => file.startsWith(dir)))).toEqual([]);
  });
});
