/**
 * The webhook side of commands: records the delivery and queues one job per
 * new command, in one transaction, then answers GitHub. All GitHub calls happen
 * later in the job, so a webhook is answered in milliseconds and a redelivery
 * (same `x-github-delivery`) changes nothing.
 */
import { enqueueJobs } from "../actions/job-queue.js";
import type { Database } from "../store/database.js";
import { claimDelivery } from "../store/deliveries.js";
import { commandKey } from "./command-event.js";
import { commandEventsFrom, type CommandWebhook } from "./normalize.js";

/** A failing command is retried this many times before its issuer is told of an internal error. */
export const COMMAND_MAX_ATTEMPTS = 5;

/** @returns how many commands were queued */
export async function receiveCommandWebhook(db: Database, webhook: CommandWebhook): Promise<number> {
  const events = commandEventsFrom(webhook);
  if (events.length === 0) return 0;
  return db.$transaction(async (tx) => {
    if (!(await claimDelivery(tx, webhook.id, webhook.name))) return 0;
    await enqueueJobs(
      tx,
      events.map((event) => ({
        task: "handle-command" as const,
        payload: event as unknown as Record<string, unknown>,
        jobKey: `command:${commandKey(event)}`,
        maxAttempts: COMMAND_MAX_ATTEMPTS,
      })),
    );
    return events.length;
  });
}
