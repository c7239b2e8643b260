/**
 * The job that runs the `/coc` commands in one comment. It first reads the
 * trusted configuration and checks that the author may use commands: anyone
 * else gets no effect and no reply, and their comment is never even parsed.
 * Those who may are answered when something is wrong (an invalid
 * configuration, a mistyped command, a bad link), in the thread of a private
 * repository or else privately on the cases repository's notice board, never
 * with case details.
 */
import type { Logger } from "probot";
import type { JobAttempt } from "../actions/job-queue.js";
import { defaultCocConfig, resolveCasesRepo } from "../config/schema.js";
import { loadTrustedConfig, type TrustedConfigOptions, type TrustedConfigResult } from "../config/trusted-config.js";
import { describeError } from "../errors/describe-error.js";
import type { CommandEvent, ReplyRoute } from "../events/command-event.js";
import type { CommentEvent } from "../events/comment-event.js";
import type { GitHubGateway, GitHubPort } from "../github/port.js";
import type { Mailer } from "../mail/mailer.js";
import { deletedTextNotice, ignoredSettingsNotice } from "../messages/notices.js";
import {
  appTurnedOffReply,
  configErrorReply,
  internalErrorReply,
  unknownCommandReply,
  unreadableCommentReply,
  userErrorReply,
} from "../messages/replies.js";
import type { Database } from "../store/database.js";
import { recordNoticeOnce } from "../store/notices.js";
import { recordReply } from "../store/replies.js";
import { runActionsNow } from "../actions/run-action-task.js";
import { findCaseByIssue, type CaseRecord } from "../store/case-records.js";
import { isModerator } from "./authorize.js";
import { assertMayRun } from "./command-access.js";
import { committeeStanding, type CommitteeStanding } from "./committee.js";
import type { CommandContext } from "./command-spec.js";
import { readComment } from "./read-comment.js";
import { commandsUsableIn, findCommand } from "./registry.js";
import type { SenderLimit } from "./sender-limit.js";
import { UserError } from "./user-error.js";

export interface CommentJobDeps {
  db: Database;
  gateway: GitHubGateway;
  webHost: string;
  settings: TrustedConfigOptions;
  /** Bounds the GitHub requests that people who may not use commands can cause. */
  senders: SenderLimit;
  /** For the notices to people that the actions a command records may email; null without `SMTP_URL`. */
  mailer: Mailer | null;
  log: Logger;
  now: () => Date;
}

export function makeHandleCommentTask(deps: CommentJobDeps) {
  return async function handleComment(payload: unknown, attempt: JobAttempt): Promise<void> {
    const comment = payload as CommentEvent;
    const log = deps.log.child({ delivery: comment.deliveryId });
    if (await deps.senders.exhausted(comment.repo.owner, comment.sender)) {
      log.info("ignored: the author was refused too often recently; GitHub is not asked again for a while");
      return;
    }
    const github = await deps.gateway.forRepository(comment.repo);
    // The author's permission is asked for while the configuration is read: a flag waits for both.
    const permission = github.getPermission(comment.repo, comment.sender);
    permission.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
    const configResult = await loadTrustedConfig(github, comment.repo, deps.settings);
    // With a broken file, only repository permissions grant the right to be told about it.
    const trusted = configResult.ok ? configResult.config : defaultCocConfig();
    const replyRoute = routeFor(comment, configResult);
    // Only a thread of the cases repository can be a case issue.
    let caseFile = replyRoute.kind === "thread" ? await findCaseByIssue(deps.db, comment.repo, comment.issueNumber) : null;
    const authority: Authority = {
      moderator: await isModerator(github, comment.repo, comment.sender, trusted.moderators, permission),
      committee: caseFile ? await committeeStanding(github, comment.repo, trusted, comment.sender) : null,
    };
    if (!authority.moderator && !authority.committee) {
      await deps.senders.refused(comment.repo.owner, comment.sender);
      log.info("ignored: the author may not use /coc commands here");
      return;
    }
    const reading = await readComment(comment, log);
    if (reading.unreadable) return removeUnreadable(comment, replyRoute, deps);
    const { commands, remainingBody: strippedBody } = reading;
    if (commands.length === 0) return;
    // The whole comment goes: GitHub shows an edited comment's earlier versions to everyone who can read the
    // thread, and outside the cases repository that may include the person reported, even in a private repository.
    const inCasesRepo = replyRoute.kind === "thread";
    const remainingBody = inCasesRepo ? strippedBody : null;

    const { body: _body, previousBody: _previous, ...context } = comment;
    for (const [commandIndex, command] of commands.entries()) {
      // Each command sees the case as the commands before it left it.
      if (caseFile && commandIndex > 0) caseFile = await findCaseByIssue(deps.db, comment.repo, comment.issueNumber);
      const event: CommandEvent = { ...context, commandIndex, command, remainingBody, replyRoute, keepCommand: caseFile !== null };
      await runSafely(event, { configResult, authority, caseFile }, github, deps, attempt, log.child({ command: command.name }));
      // One reply about a broken configuration is enough for a whole comment.
      if (!configResult.ok) break;
    }
    // Notices come after the commands, so that protecting people never waits for them.
    await noticeIgnoredSettings(comment, configResult, deps);
    if (!inCasesRepo && strippedBody !== null) await noticeDeletedText(comment, strippedBody, replyRoute, deps);
  };
}

/**
 * A comment too intricate to read within the parser's bounds may hold a command, and a command
 * must not stay public: the whole comment goes, and its author is told (with its text, privately).
 */
async function removeUnreadable(comment: CommentEvent, replyRoute: ReplyRoute, deps: CommentJobDeps): Promise<void> {
  const { body: _body, previousBody: _previous, ...context } = comment;
  const event: CommandEvent = { ...context, commandIndex: 0, command: { name: "", args: [], rest: "", line: "" }, remainingBody: null, replyRoute };
  await recordReply(deps.db, event, unreadableCommentReply(), "command.unreadable", deps.now());
  if (replyRoute.kind !== "thread") await noticeDeletedText(comment, comment.body, replyRoute, deps);
}

/**
 * Answers go to the thread only in the cases repository itself, where only the committee reads:
 * anywhere else, a private repository included, the person reported may read the thread.
 */
function routeFor(comment: CommentEvent, config: TrustedConfigResult): ReplyRoute {
  const casesRepo = config.ok ? resolveCasesRepo(config.config, comment.repo.owner) : config.casesRepo;
  if (!casesRepo) return { kind: "log-only" };
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  if (comment.repoIsPrivate && same(casesRepo.owner, comment.repo.owner) && same(casesRepo.repo, comment.repo.repo)) return { kind: "thread" };
  return { kind: "notice-board", casesRepo };
}

/** Protected keys in the repository's own file are ignored; the committee hears of it once per repository and set of keys. */
async function noticeIgnoredSettings(comment: CommentEvent, config: TrustedConfigResult, deps: CommentJobDeps): Promise<void> {
  if (!config.ok || config.ignoredKeys.length === 0) return;
  const repoName = `${comment.repo.owner}/${comment.repo.repo}`.toLowerCase();
  await recordNoticeOnce(
    deps.db,
    {
      onceKey: `ignored-settings:${repoName}:${config.ignoredKeys.join(",")}`,
      casesRepo: resolveCasesRepo(config.config, comment.repo.owner),
      body: ignoredSettingsNotice(comment.repo, config.ignoredKeys),
      nameless: true,
      audit: { actor: "app", action: "config.protected-keys-ignored", detail: { repo: repoName, keys: config.ignoredKeys } },
    },
    deps.now(),
  );
}

async function noticeDeletedText(comment: CommentEvent, otherText: string, route: ReplyRoute, deps: CommentJobDeps): Promise<void> {
  if (route.kind !== "notice-board") return;
  await recordNoticeOnce(
    deps.db,
    {
      onceKey: `deleted-text:${comment.deliveryId}`,
      casesRepo: route.casesRepo,
      body: deletedTextNotice(comment.sender, comment.repo, comment.issueNumber, otherText),
      audit: { actor: "app", action: "command.comment-deleted-whole", detail: { repo: `${comment.repo.owner}/${comment.repo.repo}` } },
    },
    deps.now(),
  );
}

/** What the author may do where they wrote: moderate, and run committee commands in this case. */
interface Authority {
  moderator: boolean;
  committee: CommitteeStanding;
}

interface CommandSetting {
  configResult: TrustedConfigResult;
  authority: Authority;
  caseFile: CaseRecord | null;
}

async function runSafely(event: CommandEvent, setting: CommandSetting, github: GitHubPort, deps: CommentJobDeps, attempt: JobAttempt, log: Logger) {
  try {
    await runCommand(event, setting, github, deps);
  } catch (error) {
    if (error instanceof UserError) {
      await recordReply(deps.db, event, userErrorReply(error.message), "command.refused", deps.now());
      return;
    }
    log.error(describeError(error), "command failed");
    if (attempt.attempts < attempt.maxAttempts) throw error;
    await recordReply(deps.db, event, internalErrorReply(), "command.failed", deps.now());
  }
}

async function runCommand(event: CommandEvent, setting: CommandSetting, github: GitHubPort, deps: CommentJobDeps): Promise<void> {
  const { configResult, authority, caseFile } = setting;
  const now = deps.now();
  if (!configResult.ok) {
    await recordReply(deps.db, event, configErrorReply(configResult.message), "command.config-invalid", now);
    return;
  }
  if (!configResult.config.enabled) {
    await recordReply(deps.db, event, appTurnedOffReply(), "command.app-turned-off", now);
    return;
  }
  const spec = findCommand(event.command.name);
  if (!spec) {
    const names = commandsUsableIn(caseFile ? "case" : "thread").map((c) => c.name);
    await recordReply(deps.db, event, unknownCommandReply(event.command.name, names), "command.unknown", now);
    return;
  }
  assertMayRun(spec, authority, caseFile !== null);
  const ctx: CommandContext = {
    event,
    config: configResult.config,
    github,
    gateway: deps.gateway,
    db: deps.db,
    webHost: deps.webHost,
    settings: deps.settings,
    now,
    caseFile,
    standing: authority.committee,
    runNow: (actionIds) => runActionsNow(deps, actionIds),
  };
  await spec.run(ctx);
}
