/**
 * What an action says in its case when it cannot simply do what it was asked
 * (GitHub refused a cooldown or a block) or when what it did needs the
 * committee's eye: a reply in the case issue, recorded once under its key
 * however often the action runs, with its audit event.
 */
import type { AuditEntry } from "../store/audit-log.js";
import { recordActionsOnce } from "../store/actions.js";
import { appendAudit } from "../store/audit-log.js";
import type { ActionRun } from "./perform-action.js";
import { caseIssueOf } from "./post-comment-once.js";

export async function sayInCase(run: ActionRun, caseId: string, onceKey: string, body: string, audit: Omit<AuditEntry, "caseId">): Promise<void> {
  const { repo, issueNumber } = await caseIssueOf(run, caseId);
  await run.db.$transaction(async (tx) => {
    const recorded = await recordActionsOnce(tx, caseId, [{ action: { kind: "reply", repo, issueNumber, body }, onceKey }]);
    if (recorded.length > 0) await appendAudit(tx, [{ ...audit, caseId }], run.now());
  });
}
