/**
 * The shape of a `/coc` command: its name, help text, who may run it and what
 * it does. Each command lives in its own module and is listed in the registry.
 */
import type { CocConfig } from "../config/schema.js";
import type { TrustedConfigOptions } from "../config/trusted-config.js";
import type { CommandEvent } from "../events/command-event.js";
import type { GitHubGateway, GitHubPort } from "../github/port.js";
import type { CaseRecord } from "../store/case-records.js";
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

/** A committee command: the registry runs it only in a case issue, for the committee. */
export function caseCommand(spec: Omit<CommandSpec, "role" | "run"> & { run(ctx: CaseCommandContext): Promise<void> }): CommandSpec {
  return {
    ...spec,
    role: "committee",
    run: (ctx) => {
      if (!ctx.caseFile) throw new Error(`committee command ${spec.name} run outside a case`);
      return spec.run({ ...ctx, caseFile: ctx.caseFile });
    },
  };
}

/** The commands that can be used where a command is written: in a case issue, the committee's; elsewhere, the moderators'. */
export function usableIn(commands: CommandSpec[], place: "case" | "thread"): CommandSpec[] {
  return commands.filter((c) => c.role === "any" || c.role === (place === "case" ? "committee" : "moderator"));
}
