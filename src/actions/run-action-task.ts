/**
 * The job that runs one saved action: skips it when already done, records the
 * outcome, and lets the job queue retry with backoff when GitHub fails or the
 * action must wait (for example, for a private cases repository).
 */
import type { Logger } from "probot";
import type { JobAttempt } from "./job-queue.js";
import { loadAction, markActionAttemptFailed, markActionDone, markActionFailed, markWriteStarted } from "../store/actions.js";
import { describeError } from "../errors/describe-error.js";
import { performAction, type ActionDeps } from "./perform-action.js";
import { isPermanent, WaitingError } from "./action-error.js";

export function makeRunActionTask(deps: ActionDeps & { log: Logger }) {
  return async function runAction(payload: unknown, attempt: JobAttempt, signal?: AbortSignal): Promise<void> {
    const actionId = (payload as { actionId?: unknown }).actionId;
    if (typeof actionId !== "string") throw new Error("run-action job without an actionId");
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
  };
}
