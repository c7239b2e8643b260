/**
 * `/coc flag [<link>] [reason…]`: a moderator reports content discreetly.
 *
 *   /coc flag https://github.com/acme/widgets/issues/7#issuecomment-42 personal attack
 *
 * Without a link, the issue or pull request the command is written in is
 * flagged. The app snapshots the content, records the report, hides the
 * content, removes the command and writes the case file in the private cases
 * repository.
 */
import type { CocConfig } from "../config/schema.js";
import { loadTrustedConfig } from "../config/trusted-config.js";
import { commandKey } from "../events/command-event.js";
import type { GitHubPort } from "../github/port.js";
import { isModerator } from "./authorize.js";
import type { CommandContext, CommandSpec } from "./command-spec.js";
import { looksLikeLink, parseContentLink, type ContentRef } from "./content-link.js";
import { reportContent } from "./report-content.js";
import { UserError } from "./user-error.js";

export const flagCommand: CommandSpec = {
  name: "flag",
  usage: "/coc flag [<link>] [reason…]",
  summary: "Report content to the conduct committee, discreetly.",
  details:
    "Flags the issue or pull request the command is written in, or the comment, review or issue a link points to. " +
    "The command comment is removed, the content is snapshotted and hidden (comments and reviews), " +
    "and a private case is opened for the committee. Flagging the same content again adds a report to its open case.",
  role: "moderator",
  run: runFlag,
};

async function runFlag(ctx: CommandContext): Promise<void> {
  const { event } = ctx;
  const { target, reason } = parseFlagArguments(ctx);
  const scope = await governingScope(ctx, target);
  await reportContent(
    { db: ctx.db, gateway: ctx.gateway, github: scope.github, config: scope.config, webHost: ctx.webHost, now: ctx.now, runNow: ctx.runNow },
    {
      target,
      reporterLogin: event.sender,
      reason,
      reportKey: commandKey(event),
      sourceUrl: event.locationUrl,
      source: "flag",
      command: { location: event.location, remainingBody: event.remainingBody },
    },
  );
}

function parseFlagArguments(ctx: CommandContext): { target: ContentRef; reason: string } {
  const { event } = ctx;
  const [first, ...others] = event.command.args;
  if (first !== undefined && looksLikeLink(first)) {
    const parsed = parseContentLink(first, ctx.webHost);
    if (!parsed.ok) throw new UserError(parsed.reason);
    return { target: parsed.ref, reason: others.join(" ") };
  }
  const thread: ContentRef = { kind: "issue", owner: event.repo.owner, repo: event.repo.repo, number: event.issueNumber };
  return { target: thread, reason: event.command.args.join(" ") };
}

/**
 * The repository whose content is flagged governs the flag: its installation
 * reads the content, its configuration decides hiding and the cases repository,
 * and the moderator must moderate it by its own rules.
 */
async function governingScope(ctx: CommandContext, target: ContentRef): Promise<{ github: GitHubPort; config: CocConfig }> {
  const sameRepo =
    target.owner.toLowerCase() === ctx.event.repo.owner.toLowerCase() &&
    target.repo.toLowerCase() === ctx.event.repo.repo.toLowerCase();
  if (sameRepo) return { github: ctx.github, config: ctx.config };
  let github: GitHubPort;
  try {
    github = await ctx.gateway.forRepository(target);
  } catch (error) {
    if ((error as { status?: number }).status === 404) {
      throw new UserError("the linked content does not exist, or the app is not installed on its repository.");
    }
    throw error;
  }
  const targetConfig = await loadTrustedConfig(github, target, ctx.settings);
  if (!targetConfig.ok) throw new UserError(`the linked repository's configuration is invalid. ${targetConfig.message}`);
  if (!targetConfig.config.enabled) throw new UserError("the app is turned off in the linked repository.");
  if (!(await isModerator(github, target, ctx.event.sender, targetConfig.config.moderators))) {
    throw new UserError("you can only flag content in repositories where you are a moderator.");
  }
  return { github, config: targetConfig.config };
}
