/**
 * What is left of a comment once its `/coc` lines are taken out, so a command
 * written inside a longer comment removes only itself.
 */
import type { ParsedCommand } from "./grammar.js";

/** @returns the remaining text, or null when nothing but commands was written */
export function bodyWithoutCommands(body: string, commands: ParsedCommand[]): string | null {
  const lines = new Set(commands.map((c) => c.line));
  const kept = body.split(/\r?\n/).filter((line) => !lines.has(line.trim()));
  const text = kept.join("\n");
  return text.trim() === "" ? null : text;
}
