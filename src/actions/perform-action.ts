/**
 * Carries out one planned action on GitHub, through its kind's module (see
 * `action-kinds.ts`). Each is idempotent: running an action twice (after a
 * crash or a retry) leaves GitHub as running it once.
 */
import type { GitHubGateway, GitHubPort } from "../github/port.js";
import type { Mailer } from "../mail/mailer.js";
import type { Database } from "../store/database.js";
import type { ActionKindSpec, ActionOf } from "./action-kind.js";
import { actionKind } from "./action-kinds.js";
import type { ActionKind, PlannedAction } from "./planned-action.js";

export interface ActionDeps {
  db: Database;
  gateway: GitHubGateway;
  /** Emails notices to people; null when email is not set up (no `SMTP_URL`). */
  mailer: Mailer | null;
  now: () => Date;
  /**
   * Called when a ban the app enforces itself starts or ends here, so this process's set of banned
   * people (`bans/banned-people.ts`) is reloaded at once instead of at its next timed reload.
   */
  bansChanged?: () => void;
}

/** One attempt at one stored action. */
export interface ActionRun extends ActionDeps {
  actionId: string;
  /** An earlier attempt sent a create whose outcome is unknown. */
  writeStarted: boolean;
  /** Durably marks that a create is about to be sent. */
  markWriteStarted(): Promise<void>;
}

/**
 * @param signal aborted when the job timed out: a late continuation must not
 *   start writes that the job's retry is about to make itself.
 */
export async function performAction(action: PlannedAction, run: ActionRun, signal?: AbortSignal): Promise<void> {
  const gateway: GitHubGateway = { forRepository: async (repo) => guarded(await run.gateway.forRepository(repo), signal) };
  return perform(action, { ...run, gateway, mailer: run.mailer && signal ? guardedMailer(run.mailer, signal) : run.mailer });
}

/** The mailer, likewise: no email starts once the job timed out, and one being sent is abandoned (the retry sends it). */
function guardedMailer(mailer: Mailer, signal: AbortSignal): Mailer {
  return {
    from: mailer.from,
    send: (email) => {
      signal.throwIfAborted();
      return mailer.send(email, { signal });
    },
  };
}

/**
 * Wraps a port so each call first checks that the job has not timed out, and creates carry
 * the job's signal, so that one still queued behind GitHub's pacing at the timeout is dropped.
 */
function guarded(github: GitHubPort, signal: AbortSignal | undefined): GitHubPort {
  if (!signal) return github;
  const abortable: Partial<GitHubPort> = {
    createIssue: (repo, issue) => github.createIssue(repo, issue, { signal }),
    createComment: (repo, issueNumber, body) => github.createComment(repo, issueNumber, body, { signal }),
  };
  return new Proxy(github, {
    get(target, property, receiver) {
      const value = Reflect.get(abortable, property) ?? Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        signal.throwIfAborted();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

async function perform(action: PlannedAction, run: ActionRun): Promise<void> {
  const spec = actionKind(action.kind) as ActionKindSpec<ActionKind>;
  await spec.perform(action as ActionOf<ActionKind>, run);
}
