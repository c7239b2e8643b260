/**
 * Runs one saved action: skips it when already done, records the outcome, and
 * lets the job queue retry with backoff when GitHub fails or the action must
 * wait (for example, for a private cases repository). The same runner serves
 * the queued job and the protective actions a command runs at once.
 */
import type { Logger } from "probot";
import type { JobAttempt } from "./job-queue.js";
import { loadAction, markActionAttemptFailed, markActionDone, markActionFailed, markWriteStarted, requeueActions } from "../store/actions.js";
import { describeError } from "../errors/describe-error.js";
import { performAction, type ActionDeps } from "./perform-action.js";
import { isPermanent, WaitingError } from "./action-error.js";

export type ActionRunnerDeps = ActionDeps & { log: Logger };

/** How long an action that is still waiting after all its attempts waits before it starts over. */
const WAIT_AGAIN_MS = 6 * 60 * 60_000;

export function makeRunActionTask(deps: ActionRunnerDeps) {
  return async function runAction(payload: unknown, attempt: JobAttempt, signal?: AbortSignal): Promise<void> {
    const actionId = (payload as { actionId?: unknown }).actionId;
    if (typeof actionId !== "string") throw new Error("run-action job without an actionId");
    await runStoredAction(deps, actionId, attempt, signal);
  };
}

/**
 * Runs the actions at once, in order, in this process: the queued job of each
 * is its fallback, and finds it done. A failure here is left to that job.
 */
export async function runActionsNow(deps: ActionRunnerDeps, actionIds: string[]): Promise<void> {
  for (const actionId of actionIds) {
    try {
      // Never the last attempt: giving up is for the queued job to decide.
      await runStoredAction(deps, actionId, { attempts: 0, maxAttempts: Number.MAX_SAFE_INTEGER });
    } catch {
      // Logged by runStoredAction; the queued job retries it.
    }
  }
}

async function runStoredAction(deps: ActionRunnerDeps, actionId: string, attempt: JobAttempt, signal?: AbortSignal): Promise<void> {
  const stored = await loadAction(deps.db, actionId);
  if (!stored || stored.status === "done") return;
  try {
    await performAction(
      stored.action,
      { ...deps, actionId, writeStarted: stored.writeStarted, markWriteStarted: () => markWriteStarted(deps.db, actionId, deps.now()) },
      signal,
    );
  } catch (error) {
    // Never the raw error: a GitHub error can carry the request body, and a database error the query's values, i.e. case content.
    const described = describeError(error);
    const message = described.message;
    const details = { actionId, kind: stored.action.kind, ...described, attempts: attempt.attempts, maxAttempts: attempt.maxAttempts };
    // Waiting (for a private cases repository, for a subject to lose access) never gives up: after the
    // job's last attempt the action is queued afresh, so a held case is not dropped after some weeks.
    if (attempt.attempts >= attempt.maxAttempts && error instanceof WaitingError) {
      await markActionAttemptFailed(deps.db, actionId, message);
      await requeueActions(deps.db, [actionId], new Date(Date.now() + WAIT_AGAIN_MS));
      deps.log.warn(details, `action still waiting after every attempt; it keeps waiting: ${message}`);
      return;
    }
    if (attempt.attempts >= attempt.maxAttempts || isPermanent(error)) {
      await markActionFailed(deps.db, stored, message, deps.now());
      deps.log.error(details, `action failed for good: ${message}`);
      return;
    }
    await markActionAttemptFailed(deps.db, actionId, message);
    if (error instanceof WaitingError) deps.log.info(details, `action waiting: ${message}`);
    else deps.log.warn(details, `action failed; it will be retried: ${message}`);
    throw error;
  }
  await markActionDone(deps.db, stored, "app", deps.now());
}
