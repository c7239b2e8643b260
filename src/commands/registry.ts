/**
 * Every `/coc` command by name. `/coc help` and docs/commands.md are both
 * rendered from this list, so the help a user sees cannot drift from the code.
 */
import type { CommandSpec } from "./command-spec.js";
import { flagCommand } from "./flag.js";
import { makeHelpCommand } from "./help.js";

const COMMANDS: CommandSpec[] = [flagCommand, makeHelpCommand(() => COMMANDS)];

export function allCommands(): CommandSpec[] {
  return COMMANDS;
}

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** The reference page for docs/commands.md. */
export function renderCommandReference(): string {
  return COMMANDS.map((c) =>
    [`### \`${c.usage}\``, "", c.summary, "", c.details, "", `Who may use it: ${roleText(c)}.`, ""].join("\n"),
  ).join("\n");
}

function roleText(c: CommandSpec): string {
  switch (c.role) {
    case "moderator":
      return "moderators: anyone with write, maintain or admin permission on the repository, and the teams and users listed under `moderators` in the owner's `.github/coc.yml` (in the `.github` repository)";
  }
}
