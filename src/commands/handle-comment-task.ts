/**
 * The job that runs the `/coc` commands in one comment. It first reads the
 * configuration and checks that the author may use commands: anyone else gets
 * no effect and no reply, and their comment is never even parsed. Those who may
 * get a short reply when something is wrong (an invalid configuration, a
 * mistyped command, a bad link), never one with case details.
 */
import type { Logger } from "probot";
import type { JobAttempt } from "../actions/job-queue.js";
import { loadConfig, type ConfigResult } from "../config/load.js";
import { defaultCocConfig } from "../config/schema.js";
import type { CommandEvent } from "../events/command-event.js";
import type { CommentEvent } from "../events/comment-event.js";
import type { GitHubGateway, GitHubPort } from "../github/port.js";
import { configErrorReply, internalErrorReply, unknownCommandReply, userErrorReply } from "../messages/replies.js";
import type { Database } from "../store/database.js";
import { recordReply } from "../store/replies.js";
import { isModerator } from "./authorize.js";
import type { CommandContext } from "./command-spec.js";
import { readComment } from "./read-comment.js";
import { allCommands, findCommand } from "./registry.js";
import { UserError } from "./user-error.js";

export interface CommentJobDeps {
  db: Database;
  gateway: GitHubGateway;
  webHost: string;
  log: Logger;
  now: () => Date;
}

export function makeHandleCommentTask(deps: CommentJobDeps) {
  return async function handleComment(payload: unknown, attempt: JobAttempt): Promise<void> {
    const comment = payload as CommentEvent;
    const log = deps.log.child({ delivery: comment.deliveryId });
    const github = await deps.gateway.forRepository(comment.repo);
    const configResult = await loadConfig(() => github.readConfig(comment.repo, "coc.yml"));
    // With a broken file, only repository permissions grant the right to be told about it.
    const moderators = configResult.ok ? configResult.config.moderators : defaultCocConfig().moderators;
    if (!(await isModerator(github, comment.repo, comment.sender, moderators))) {
      log.info("ignored: the author may not use /coc commands here");
      return;
    }
    const { commands, remainingBody } = await readComment(comment, log);
    const { body: _body, previousBody: _previous, ...context } = comment;
    for (const [commandIndex, command] of commands.entries()) {
      const event: CommandEvent = { ...context, commandIndex, command, remainingBody };
      await runSafely(event, configResult, github, deps, attempt, log.child({ command: command.name }));
      // One reply about a broken configuration is enough for a whole comment.
      if (!configResult.ok) return;
    }
  };
}

async function runSafely(event: CommandEvent, config: ConfigResult, github: GitHubPort, deps: CommentJobDeps, attempt: JobAttempt, log: Logger) {
  try {
    await runCommand(event, config, github, deps);
  } catch (error) {
    if (error instanceof UserError) {
      await recordReply(deps.db, event, userErrorReply(event.sender, error.message), "command.refused", deps.now());
      return;
    }
    // Only the status and first line of the message: a request error could carry case content.
    const message = (error as Error).message?.split("\n")[0];
    log.error({ status: (error as { status?: number }).status, message }, "command failed");
    if (attempt.attempts < attempt.maxAttempts) throw error;
    await recordReply(deps.db, event, internalErrorReply(event.sender), "command.failed", deps.now());
  }
}

async function runCommand(event: CommandEvent, configResult: ConfigResult, github: GitHubPort, deps: CommentJobDeps): Promise<void> {
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
