/**
 * Every `/coc` command by name. `/coc help` and docs/commands.md are both
 * rendered from this list, so the help a user sees cannot drift from the code.
 */
import { usableIn, type CommandSpec } from "./command-spec.js";
import { flagCommand } from "./flag.js";
import { makeHelpCommand } from "./help.js";
import { ackCommand } from "./case/ack.js";
import { assignCommand, claimCommand } from "./case/claim.js";
import { noteCommand } from "./case/note.js";
import { recuseCommand } from "./case/recuse.js";
import { statusCommand } from "./case/status.js";
import { enactCommand } from "./case/enact.js";
import { proposeCommand, resolveCommand } from "./case/propose.js";
import { approveCommand, objectCommand } from "./case/vote.js";
import { withdrawCommand } from "./case/withdraw.js";
import { lockCommand, unlockCommand } from "./case/lock.js";
import { closeCommand, removeCommand } from "./case/remove.js";
import { hideCommand, unhideCommand } from "./case/visibility.js";
import { emergencyCommand, signoffCommand } from "./case/emergency.js";
import { reopenCommand } from "./case/reopen.js";
import { escalateCommand } from "./case/escalate.js";
import { affectedCommand } from "./case/affected.js";
import { safetyCommand } from "./case/safety.js";
import { warnCommand } from "./case/warn.js";
import { strikeCommand } from "./case/strike.js";
import { appealCommand } from "./case/appeal.js";
import { cooldownCommand } from "./case/cooldown.js";
import { banCommand, unbanCommand } from "./case/ban.js";
import { sweepCommand } from "./case/sweep.js";

const COMMANDS: CommandSpec[] = [
  flagCommand,
  makeHelpCommand(() => COMMANDS),
  ackCommand,
  claimCommand,
  assignCommand,
  recuseCommand,
  affectedCommand,
  safetyCommand,
  noteCommand,
  hideCommand,
  unhideCommand,
  lockCommand,
  unlockCommand,
  removeCommand,
  closeCommand,
  cooldownCommand,
  banCommand,
  unbanCommand,
  sweepCommand,
  emergencyCommand,
  signoffCommand,
  proposeCommand,
  approveCommand,
  objectCommand,
  withdrawCommand,
  resolveCommand,
  escalateCommand,
  warnCommand,
  strikeCommand,
  enactCommand,
  reopenCommand,
  appealCommand,
  statusCommand,
];

export function allCommands(): CommandSpec[] {
  return COMMANDS;
}

export function commandsUsableIn(place: "case" | "thread"): CommandSpec[] {
  return usableIn(COMMANDS, place);
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
    case "any":
      return "anyone who may use `/coc` commands where it is written";
    case "committee":
      return "members of the committee team (`committee.team`) and of the escalation team (`committee.escalation_team`), in a case issue of the cases repository";
  }
}
