/**
 * The job that runs one saved action: skips it when already done, records the
 * outcome, and lets the job queue retry with backoff when GitHub fails or the
 * action must wait (for example, for a private cases repository).
 */
import type { Logger } from "probot";
import type { JobAttempt } from "./job-queue.js";
import { loadAction, markActionAttemptFailed, markActionDone, markActionFailed } from "../store/actions.js";
import { performAction, type ActionDeps } from "./perform-action.js";
import { WaitingError } from "./action-error.js";

export function makeRunActionTask(deps: ActionDeps & { log: Logger; now: () => Date }) {
  return async function runAction(payload: unknown, attempt: JobAttempt, signal?: AbortSignal): Promise<void> {
    const actionId = (payload as { actionId?: unknown }).actionId;
    if (typeof actionId !== "string") throw new Error("run-action job without an actionId");
    const stored = await loadAction(deps.db, actionId);
    if (!stored || stored.status === "done") return;
    try {
      await performAction(stored.action, deps, signal);
    } catch (error) {
      // Only the status and first line of the message: a GitHub error can carry the request body, i.e. case content.
      const message = (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 500);
      const status = (error as { status?: number }).status;
      const details = { actionId, kind: stored.action.kind, status, attempts: attempt.attempts, maxAttempts: attempt.maxAttempts };
      if (attempt.attempts >= attempt.maxAttempts) {
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
