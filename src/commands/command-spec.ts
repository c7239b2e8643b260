/**
 * The shape of a `/coc` command: its name, help text, who may run it and what
 * it does. Each command lives in its own module and is listed in the registry.
 */
import type { CocConfig } from "../config/schema.js";
import type { TrustedConfigOptions } from "../config/trusted-config.js";
import type { CommandEvent } from "../events/command-event.js";
import type { GitHubGateway, GitHubPort } from "../github/port.js";
import type { Database } from "../store/database.js";

export type CommandRole = "moderator";

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
  /** Runs recorded actions at once in this process (protection first); their queued jobs are the fallback. */
  runNow(actionIds: string[]): Promise<void>;
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
