/**
 * The shape of a `/coc` command: its name, help text, who may run it and what
 * it does. Each command lives in its own module and is listed in the registry.
 */
import type { CocConfig } from "../config/schema.js";
import type { TrustedConfigOptions } from "../config/trusted-config.js";
import type { CommandEvent } from "../events/command-event.js";
import type { GitHubGateway, GitHubPort } from "../github/port.js";
import { caseCommandRecorded, type CaseRecord } from "../store/case-records.js";
import { commandKey } from "../events/command-event.js";
import { isRecused } from "./case/recusals.js";
import { decidedByEscalation, type CommitteeStanding } from "./committee.js";
import { UserError } from "./user-error.js";
import type { Database } from "../store/database.js";

/**
 * `moderator`: written in a moderated thread (or anywhere), by moderators.
 * `committee`: written in a case issue of the cases repository, by the committee.
 * `any`: by anyone who may use some `/coc` command where it is written (help).
 */
export type CommandRole = "moderator" | "committee" | "any";

export interface CommandContext {
  event: CommandEvent;
  config: CocConfig;
  /** The port for the repository the command was written in. */
  github: GitHubPort;
  gateway: GitHubGateway;
  db: Database;
  /** Web host of the GitHub instance, e.g. github.com or a GHES host: links must point there. */
  webHost: string;
  /** Process settings that bound what configuration may say. */
  settings: TrustedConfigOptions;
  now: Date;
  /** The case when the command is written in a case issue; committee commands always have one. */
  caseFile: CaseRecord | null;
  /** The author's place on the committee: its team, the escalation team, or neither. */
  standing: CommitteeStanding;
  /** Runs recorded actions at once in this process (protection first); their queued jobs are the fallback. */
  runNow(actionIds: string[]): Promise<void>;
}

/** What a committee command is given: the case it is written in, always. */
export interface CaseCommandContext extends CommandContext {
  caseFile: CaseRecord;
}

export interface CommandSpec {
  name: string;
  /** e.g. `/coc flag [<link>] [reason…]` */
  usage: string;
  summary: string;
  /** Longer explanation for `/coc help` and docs/commands.md. */
  details: string;
  role: CommandRole;
  run(ctx: CommandContext): Promise<void>;
}

/**
 * A committee command: the registry runs it only in a case issue, for the committee. Members
 * recused from the case (and the subject and reporters) may only use those that change nothing
 * about it (`openToRecused`: status, notes, recusing). Commands that decide (`decides`: votes,
 * proposals, enactment) belong to the committee team, or to the escalation team once the case is
 * escalated to it; on an escalated case both teams may act on the content.
 */
export function caseCommand(
  spec: Omit<CommandSpec, "role" | "run"> & { openToRecused?: boolean; decides?: boolean; run(ctx: CaseCommandContext): Promise<void> },
): CommandSpec {
  const { openToRecused, decides, run, ...described } = spec;
  return {
    ...described,
    role: "committee",
    async run(ctx) {
      const caseFile = ctx.caseFile;
      if (!caseFile) throw new Error(`committee command ${spec.name} run outside a case`);
      // Run again after a later command in its comment failed: it already did its part.
      if (await caseCommandRecorded(ctx.db, commandKey(ctx.event))) return;
      if (!openToRecused) assertTeamMayRun(spec.name, decides === true, ctx, caseFile);
      if (!openToRecused && isRecused(caseFile, ctx.event.sender)) {
        throw new UserError(`you take no part in this case (recused, or its subject, a reporter or an affected party), so you cannot use \`/coc ${spec.name}\` in it.`);
      }
      await run({ ...ctx, caseFile });
    },
  };
}

function assertTeamMayRun(name: string, decides: boolean, ctx: CommandContext, caseFile: CaseRecord): void {
  const standing = ctx.standing;
  const committee = ctx.config.committee;
  if (!decidedByEscalation(caseFile, committee)) {
    if (standing?.committee) return;
    throw new UserError(
      `only members of the committee team can use \`/coc ${name}\` here; the escalation team can use \`/coc status\` and \`/coc note\` until a case is escalated to it.`,
    );
  }
  if (standing?.escalation || (!decides && standing?.committee)) return;
  throw new UserError(
    `this case is escalated to the escalation team (\`${ctx.event.repo.owner}/${committee.escalation_team}\`), which decides it now: you can still act on its content, and use \`/coc status\` and \`/coc note\`.`,
  );
}

/** The commands that can be used where a command is written: in a case issue, the committee's; elsewhere, the moderators'. */
export function usableIn(commands: CommandSpec[], place: "case" | "thread"): CommandSpec[] {
  return commands.filter((c) => c.role === "any" || c.role === (place === "case" ? "committee" : "moderator"));
}
