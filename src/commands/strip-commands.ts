/**
 * What is left of a comment once its `/coc` commands are taken out, so a
 * command written inside a longer comment removes only itself, and never
 * leaves a command, a reason or a mention behind in public.
 */
import { extractCommands, mayHoldCommand, type ParsedCommand } from "./grammar.js";

/**
 * Drops every line holding one of the commands, whatever precedes it (a list
 * marker) or follows it (a hard-break backslash).
 * @returns the remaining text, or null when nothing else remains, or when a
 *   command would survive (then the whole comment must go)
 */
export function bodyWithoutCommands(body: string, commands: ParsedCommand[]): string | null {
  const commandLines = commands.map((c) => c.line);
  const kept = body.split(/\r?\n/).filter((line) => !commandLines.some((command) => line.includes(command)));
  const text = kept.join("\n");
  if (text.trim() === "") return null;
  // Anything the line match missed must not stay public: delete the whole comment instead.
  if (mayHoldCommand(text) && extractCommands(text).length > 0) return null;
  return text;
}
