/**
 * The job that runs one saved action: skips it when already done, records the
 * outcome, and lets the job queue retry with backoff when GitHub fails or the
 * action must wait (for example, for a private cases repository).
 */
import type { Logger } from "probot";
import { loadAction, markActionAttemptFailed, markActionDone } from "../store/actions.js";
import { performAction, type ActionDeps } from "./perform-action.js";
import { WaitingError } from "./action-error.js";

export function makeRunActionTask(deps: ActionDeps & { log: Logger; now: () => Date }) {
  return async function runAction(payload: unknown): Promise<void> {
    const actionId = (payload as { actionId?: unknown }).actionId;
    if (typeof actionId !== "string") throw new Error("run-action job without an actionId");
    const stored = await loadAction(deps.db, actionId);
    if (!stored || stored.status === "done") return;
    try {
      await performAction(stored.action, deps);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await markActionAttemptFailed(deps.db, actionId, message);
      if (error instanceof WaitingError) deps.log.info({ actionId, kind: stored.action.kind }, `action waiting: ${message}`);
      else deps.log.warn({ actionId, kind: stored.action.kind, err: error }, "action failed; it will be retried");
      throw error;
    }
    await markActionDone(deps.db, stored, "app", deps.now());
  };
}
