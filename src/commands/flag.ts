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
import { casesRepoProblem, subjectCanRead, type Subject } from "../actions/cases-repo-guard.js";
import type { PlannedAction } from "../actions/planned-action.js";
import { contentKey, planFlagActions, protectionFor } from "../cases/plan-flag.js";
import { resolveCasesRepo, type CocConfig } from "../config/schema.js";
import { loadTrustedConfig } from "../config/trusted-config.js";
import { commandKey } from "../events/command-event.js";
import type { ContentSnapshot, GitHubPort, RepoRef } from "../github/port.js";
import { recordFlag, type RecordedFlag } from "../store/cases.js";
import { memberInvolvedEscalation } from "../messages/escalation.js";
import { timerDurations } from "../store/deadline-jobs.js";
import { isModerator } from "./authorize.js";
import type { CommandContext, CommandSpec } from "./command-spec.js";
import { looksLikeLink, parseContentLink, type ContentRef } from "./content-link.js";
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
  const content = await scope.github.fetchContent(target);
  if (!content) throw new UserError("the linked content does not exist, or the app is not installed on its repository.");
  // Protection first, before anything is recorded: the hide is safe to repeat, and a retried job repeats it.
  const hiddenAtOnce = protectionFor(content, scope.config.flag.hide) === "hidden" && (await hideAtOnce(scope.github, content.nodeId));
  // Then the edit history, at once too: the person reported may delete the content, and its earlier versions with it.
  const snapshot = await withEditHistory(scope.github, content);

  const casesRepo = resolveCasesRepo(scope.config, target.owner);
  const casesAccess = await casesRepoAccess(ctx, casesRepo, { login: snapshot.authorLogin, accountId: snapshot.authorId });
  const remove = { location: event.location, remainingBody: event.remainingBody };

  const recorded = await recordFlag(
    ctx.db,
    {
      casesRepo,
      codePrefix: "COC",
      contentKey: contentKey(ctx.webHost, snapshot),
      commandKey: commandKey(event),
      reporterLogin: event.sender,
      reason,
      commandUrl: event.locationUrl,
      evidence: snapshot,
      plan: (outcome) => [
        ...planFlagActions({
          ...outcome,
          snapshot,
          hideOnFlag: scope.config.flag.hide,
          command: remove,
          // Even "your report was recorded" tells the person reported too much wherever they may read it; and the
          // cases repository, where it could be said, is the one that cannot be written to. The audit log says it waits.
          casesRepoProblemReply: null,
        }),
        ...(outcome.escalatedNow ? [escalationComment(outcome, casesRepo, scope.config), { kind: "sync-case-state" as const, caseId: outcome.caseId }] : []),
      ],
      casesRepoWaiting: !casesAccess.private,
      // Known now, before this comment's notices are recorded: they name the moderator and must wait with the case.
      subjectCanRead: casesAccess.subjectCanRead,
      escalation: (await involvesCommitteeMember(ctx, scope.config, casesRepo, snapshot.authorLogin, casesAccess)) ? "member-involved" : undefined,
      deadlines: timerDurations(scope.config),
      alreadyDone: hiddenAtOnce ? ["hide-content"] : [],
      runInline: RUN_AT_ONCE,
    },
    ctx.now,
  );
  // The command's removal is the next write: run it at once too, rather than wait for the job queue.
  if (recorded) await ctx.runNow(recorded.actions.filter((a) => RUN_AT_ONCE.includes(a.action.kind)).map((a) => a.id));
}

/**
 * With `committee.member_involved: escalate`, a case about a member of the committee team goes to the
 * escalation team. Only someone who can read the cases repository can be on the team that works in it,
 * so nobody else costs a question to GitHub.
 */
async function involvesCommitteeMember(
  ctx: CommandContext,
  config: CocConfig,
  casesRepo: RepoRef,
  subject: string,
  { subjectCanRead, private: casesPrivate }: { subjectCanRead: boolean; private: boolean },
): Promise<boolean> {
  // Unknown while the cases repository is not private yet: the case waits for it, and is held if the subject can read it.
  if (config.committee.member_involved !== "escalate" || !(subjectCanRead || !casesPrivate)) return false;
  // Teams belong to the account: the moderated repository's installation can ask when the cases repository's cannot yet.
  const github = casesPrivate ? await ctx.gateway.forRepository(casesRepo) : ctx.github;
  return github.isTeamMember(casesRepo.owner, config.committee.team, subject);
}

function escalationComment(outcome: RecordedFlag, casesRepo: RepoRef, config: CocConfig): PlannedAction {
  return { kind: "case-comment", caseId: outcome.caseId, body: memberInvolvedEscalation(outcome.code, `${casesRepo.owner}/${config.committee.escalation_team}`, "subject") };
}

/** Run by the command itself right after the flag is recorded; their queued jobs are the fallback. */
const RUN_AT_ONCE: ReadonlyArray<PlannedAction["kind"]> = ["remove-command"];

/** The snapshot with its edit history; without it (left for the case-file action to read) when GitHub fails. */
async function withEditHistory(github: GitHubPort, snapshot: ContentSnapshot): Promise<ContentSnapshot> {
  if (snapshot.editHistory !== null) return snapshot;
  try {
    const history = await github.fetchEditHistory(snapshot.nodeId);
    return history ? { ...snapshot, editHistory: history.edits, editedAt: history.editedAt } : snapshot;
  } catch {
    return snapshot;
  }
}

/** @returns whether the content is now hidden; when not, the recorded hide action retries it. */
async function hideAtOnce(github: GitHubPort, nodeId: string): Promise<boolean> {
  try {
    await github.ensureHidden(nodeId, "ABUSE");
    return true;
  } catch {
    // The planned action's job tries again at once, with retries and logging.
    return false;
  }
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

/**
 * Whether the cases repository can receive the case now (the same check the case file's action
 * makes before it writes: private, and where the configuration says), and whether its subject
 * can read it (then the case is held). The case file checks both again before every write; this
 * answer decides what is recorded with the report, and is cached for that check.
 */
async function casesRepoAccess(ctx: CommandContext, repo: RepoRef, subject: Subject): Promise<{ private: boolean; subjectCanRead: boolean }> {
  try {
    const github = await ctx.gateway.forRepository(repo);
    if ((await casesRepoProblem(github, repo)) !== null) return { private: false, subjectCanRead: false };
    return { private: true, subjectCanRead: await subjectCanRead(github, repo, subject) };
  } catch (error) {
    if ((error as { status?: number }).status === 404) return { private: false, subjectCanRead: false };
    throw error;
  }
}
