/**
 * What every report of content does, whether a moderator wrote
 * `/coc flag <link>` or someone sent the private report form with that link:
 * read the content, hide it at once (protection first), read its edit history
 * before its author can delete it, then record the report in a new case or the
 * open case about the same content, with the case file and the other GitHub
 * work it needs saved in the same transaction.
 */
import { casesRepoProblem, subjectCanRead, type Subject } from "../actions/cases-repo-guard.js";
import type { PlannedAction } from "../actions/planned-action.js";
import { contentKey, planFlagActions, protectionFor } from "../cases/plan-flag.js";
import { resolveCasesRepo, type CocConfig } from "../config/schema.js";
import type { CommandLocation } from "../domain/content.js";
import type { ContentSnapshot, GitHubGateway, GitHubPort, RepoRef } from "../github/port.js";
import { memberInvolvedEscalation } from "../messages/escalation.js";
import { recordFlag, type FlagToRecord, type RecordedFlag } from "../store/cases.js";
import type { Database } from "../store/database.js";
import { timerDurations } from "../store/deadline-jobs.js";
import type { ContentRef } from "./content-link.js";
import { UserError } from "./user-error.js";

/** Where the report is handled: the content repository's installation and trusted configuration. */
export interface ReportScope {
  db: Database;
  gateway: GitHubGateway;
  /** The installation of the repository the content is in. */
  github: GitHubPort;
  /** That repository's trusted configuration. */
  config: CocConfig;
  webHost: string;
  now: Date;
  /** Runs recorded actions at once in this process; their queued jobs are the fallback. */
  runNow(actionIds: string[]): Promise<void>;
}

export interface ContentReport {
  target: ContentRef;
  reporterLogin: string;
  reason: string;
  /** Identifies the report, so that a retried job records it once: the command's key, or the private report's. */
  reportKey: string;
  /** Where the report was made: the command comment, or the private report's receipt. */
  sourceUrl: string;
  source: NonNullable<FlagToRecord["source"]>;
  /** The `/coc flag` comment to remove; null for the report form. */
  command: { location: CommandLocation; remainingBody: string | null } | null;
  alsoRecord?: FlagToRecord["alsoRecord"];
}

/** @returns null when this report was already recorded (a retried job) */
export async function reportContent(scope: ReportScope, report: ContentReport): Promise<RecordedFlag | null> {
  const content = await scope.github.fetchContent(report.target);
  if (!content) throw new UserError("the linked content does not exist, or the app is not installed on its repository.");
  // Protection first, before anything is recorded: the hide is safe to repeat, and a retried job repeats it.
  const hiddenAtOnce = protectionFor(content, scope.config.flag.hide) === "hidden" && (await hideAtOnce(scope.github, content.nodeId));
  // Then the edit history, at once too: the person reported may delete the content, and its earlier versions with it.
  const snapshot = await withEditHistory(scope.github, content);

  const casesRepo = resolveCasesRepo(scope.config, report.target.owner);
  const casesAccess = await casesRepoAccess(scope.gateway, casesRepo, { login: snapshot.authorLogin, accountId: snapshot.authorId });

  const recorded = await recordFlag(
    scope.db,
    {
      casesRepo,
      codePrefix: "COC",
      contentKey: contentKey(scope.webHost, snapshot),
      commandKey: report.reportKey,
      reporterLogin: report.reporterLogin,
      reason: report.reason,
      commandUrl: report.sourceUrl,
      evidence: snapshot,
      source: report.source,
      alsoRecord: report.alsoRecord,
      plan: (outcome) => [
        ...planFlagActions({
          ...outcome,
          snapshot,
          hideOnFlag: scope.config.flag.hide,
          command: report.command,
          // Even "your report was recorded" tells the person reported too much wherever they may read it; and the
          // cases repository, where it could be said, is the one that cannot be written to. The audit log says it waits.
          casesRepoProblemReply: null,
        }),
        ...(outcome.escalatedNow ? [escalationComment(outcome, casesRepo, scope.config), { kind: "sync-case-state" as const, caseId: outcome.caseId }] : []),
      ],
      casesRepoWaiting: !casesAccess.private,
      // Known now, before this report's notices are recorded: they name the reporter and must wait with the case.
      subjectCanRead: casesAccess.subjectCanRead,
      escalation: (await involvesCommitteeMember(scope, casesRepo, snapshot.authorLogin, casesAccess)) ? "member-involved" : undefined,
      deadlines: timerDurations(scope.config),
      alreadyDone: hiddenAtOnce ? ["hide-content"] : [],
      runInline: RUN_AT_ONCE,
    },
    scope.now,
  );
  // The command's removal is the next write: run it at once too, rather than wait for the job queue.
  const inline = recorded?.actions.filter((a) => RUN_AT_ONCE.includes(a.action.kind)).map((a) => a.id) ?? [];
  if (inline.length > 0) await scope.runNow(inline);
  return recorded;
}

/** Run right after the report is recorded; their queued jobs are the fallback. */
const RUN_AT_ONCE: ReadonlyArray<PlannedAction["kind"]> = ["remove-command"];

/**
 * With `committee.member_involved: escalate`, a case about a member of the committee team goes to the
 * escalation team. Only someone who can read the cases repository can be on the team that works in it,
 * so nobody else costs a question to GitHub.
 */
async function involvesCommitteeMember(
  scope: ReportScope,
  casesRepo: RepoRef,
  subject: string,
  { subjectCanRead, private: casesPrivate }: { subjectCanRead: boolean; private: boolean },
): Promise<boolean> {
  // Unknown while the cases repository is not private yet: the case waits for it, and is held if the subject can read it.
  if (scope.config.committee.member_involved !== "escalate" || !(subjectCanRead || !casesPrivate)) return false;
  // Teams belong to the account: the content repository's installation can ask when the cases repository's cannot yet.
  const github = casesPrivate ? await scope.gateway.forRepository(casesRepo) : scope.github;
  return github.isTeamMember(casesRepo.owner, scope.config.committee.team, subject);
}

function escalationComment(outcome: RecordedFlag, casesRepo: RepoRef, config: CocConfig): PlannedAction {
  return { kind: "case-comment", caseId: outcome.caseId, body: memberInvolvedEscalation(outcome.code, `${casesRepo.owner}/${config.committee.escalation_team}`, "subject") };
}

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

/**
 * Whether the cases repository can receive the case now (the same check the case file's action
 * makes before it writes: private, and where the configuration says), and whether its subject
 * can read it (then the case is held). The case file checks both again before every write; this
 * answer decides what is recorded with the report, and is cached for that check.
 */
async function casesRepoAccess(gateway: GitHubGateway, repo: RepoRef, subject: Subject): Promise<{ private: boolean; subjectCanRead: boolean }> {
  try {
    const github = await gateway.forRepository(repo);
    if ((await casesRepoProblem(github, repo)) !== null) return { private: false, subjectCanRead: false };
    return { private: true, subjectCanRead: await subjectCanRead(github, repo, subject) };
  } catch (error) {
    if ((error as { status?: number }).status === 404) return { private: false, subjectCanRead: false };
    throw error;
  }
}
