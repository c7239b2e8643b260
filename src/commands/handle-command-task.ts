/**
 * The job that runs one `/coc` command: reads the configuration, checks who
 * may run it, and runs it. People who may not use commands get no effect and no
 * reply; those who may get a short reply when something is wrong (an invalid
 * configuration, a mistyped command, a bad link), never one with case details.
 */
import type { Logger } from "probot";
import { loadConfig } from "../config/load.js";
import { defaultCocConfig } from "../config/schema.js";
import type { CommandEvent } from "../events/command-event.js";
import type { GitHubGateway } from "../github/port.js";
import { configErrorReply, internalErrorReply, unknownCommandReply, userErrorReply } from "../messages/replies.js";
import type { Database } from "../store/database.js";
import { recordReply } from "../store/replies.js";
import { isModerator } from "./authorize.js";
import type { CommandContext } from "./command-spec.js";
import { allCommands, findCommand } from "./registry.js";
import { UserError } from "./user-error.js";

export interface HandleCommandDeps {
  db: Database;
  gateway: GitHubGateway;
  webHost: string;
  log: Logger;
  now: () => Date;
}

export interface JobAttempt {
  attempts: number;
  maxAttempts: number;
}

export function makeHandleCommandTask(deps: HandleCommandDeps) {
  return async function handleCommand(payload: unknown, attempt: JobAttempt): Promise<void> {
    const event = payload as CommandEvent;
    const log = deps.log.child({ delivery: event.deliveryId, command: event.command.name });
    try {
      await runCommand(event, deps, log);
    } catch (error) {
      if (error instanceof UserError) {
        await recordReply(deps.db, event, userErrorReply(event.sender, error.message), "command.refused", deps.now());
        return;
      }
      // Only the status and message are logged: a request error could carry case content in its body.
      log.error({ status: (error as { status?: number }).status, message: (error as Error).message }, "command failed");
      if (attempt.attempts >= attempt.maxAttempts) {
        await recordReply(deps.db, event, internalErrorReply(event.sender), "command.failed", deps.now());
        return;
      }
      throw error;
    }
  };
}

async function runCommand(event: CommandEvent, deps: HandleCommandDeps, log: Logger): Promise<void> {
  const github = await deps.gateway.forRepository(event.repo);
  const configResult = await loadConfig(() => github.readConfig(event.repo, "coc.yml"));
  // With a broken file, only repository permissions grant the right to be told about it.
  const moderators = configResult.ok ? configResult.config.moderators : defaultCocConfig().moderators;
  if (!(await isModerator(github, event.repo, event.sender, moderators))) {
    log.info("ignored: sender may not use /coc commands here");
    return;
  }
  const now = deps.now();
  if (!configResult.ok) {
    await recordReply(deps.db, event, configErrorReply(event.sender, configResult.message), "command.config-invalid", now);
    return;
  }
  const spec = findCommand(event.command.name);
  if (!spec) {
    const names = allCommands().map((c) => c.name);
    await recordReply(deps.db, event, unknownCommandReply(event.sender, event.command.name, names), "command.unknown", now);
    return;
  }
  const ctx: CommandContext = { event, config: configResult.config, github, gateway: deps.gateway, db: deps.db, webHost: deps.webHost, now };
  await spec.run(ctx);
}
