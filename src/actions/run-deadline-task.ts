/**
 * The job that fires when a case's deadline comes (see
 * `src/deadlines/deadline-rules.ts`). It asks first whether the deadline is
 * still due (the case may have moved on), then reminds the committee once,
 * and queues the deadline again if the case's rules say it moved later.
 */
import type { Logger } from "probot";
import { loadTrustedConfig, type TrustedConfigOptions } from "../config/trusted-config.js";
import { isStillDue, rescheduleAfterFiring, type DeadlineKind } from "../deadlines/deadline-rules.js";
import type { GitHubGateway } from "../github/port.js";
import { deadlineReminder, heldCaseReminder, type ReminderKind } from "../messages/deadline-reminders.js";
import { recordActions } from "../store/actions.js";
import { appendAudit } from "../store/audit-log.js";
import { statusOf } from "../store/case-records.js";
import type { Database } from "../store/database.js";
import { ACTIVE_DEADLINE_KINDS, deadlineCaseOf, scheduleDeadline } from "../store/deadline-jobs.js";
import type { PlannedAction } from "./planned-action.js";

export interface DeadlineTaskDeps {
  db: Database;
  gateway: GitHubGateway;
  settings: TrustedConfigOptions;
  log: Logger;
  now: () => Date;
}

interface DeadlinePayload {
  caseId: string;
  key: string;
  kind: DeadlineKind;
  itemId: string | null;
  dueAt: string;
}

export function makeDeadlineTask(deps: DeadlineTaskDeps) {
  return async function fireDeadline(payload: unknown): Promise<void> {
    const deadline = payload as DeadlinePayload;
    if (!ACTIVE_DEADLINE_KINDS.has(deadline.kind)) return;
    const record = await deps.db.case.findUnique({ where: { id: deadline.caseId } });
    if (!record) return;
    const casesRepo = { owner: record.casesOwner, repo: record.casesRepo };
    const github = await deps.gateway.forRepository(casesRepo);
    const config = await loadTrustedConfig(github, casesRepo, deps.settings);
    // Without a readable configuration the deadlines are unknown: the job is tried again later.
    if (!config.ok) throw new Error(`deadline ${deadline.kind} of case ${record.code} waits: the configuration cannot be read`);
    const durations = config.config.deadlines;
    const timers = deadlineCaseOf(record, statusOf(record));
    const now = deps.now();
    if (isStillDue(deadline.kind, timers, durations, now, deadline.itemId)) {
      const kind = deadline.kind as ReminderKind;
      const window = kind === "resolve" ? durations.resolve : durations.acknowledge;
      const reminder: PlannedAction =
        record.issueNumber === null
          ? { kind: "notify", casesRepo, body: heldCaseReminder(kind, record.code, new Date(deadline.dueAt)), nameless: true }
          : {
              kind: "reply",
              repo: casesRepo,
              issueNumber: record.issueNumber,
              body: deadlineReminder(kind, {
                code: record.code,
                team: `${record.casesOwner}/${config.config.committee.team}`,
                reportedAt: record.createdAt,
                acknowledgedAt: record.acknowledgedAt,
                dueAt: new Date(deadline.dueAt),
                window,
              }),
            };
      await remindOnce(deps.db, record.id, `${deadline.key}@${deadline.dueAt}`, reminder, deadline.kind, now);
    }
    // Queued again only when its time moved (the next status notice, a lengthened deadline): a timer
    // that came a little early by this process's clock is not re-queued at the same time, over and over.
    const later = rescheduleAfterFiring(deadline.key, timers, durations, now);
    if (later && later.dueAt.toISOString() !== deadline.dueAt) await deps.db.$transaction((tx) => scheduleDeadline(tx, later));
  };
}

/** One reminder per deadline and due time, however often the job runs. */
async function remindOnce(db: Database, caseId: string, onceKey: string, reminder: PlannedAction, kind: DeadlineKind, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    if (await tx.action.findFirst({ where: { onceKey: { startsWith: `${onceKey}:` } }, select: { id: true } })) return;
    await recordActions(tx, caseId, [reminder], onceKey);
    await appendAudit(tx, [{ actor: "app", action: `deadline.${kind}`, caseId, detail: {} }], now);
  });
}
