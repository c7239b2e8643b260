/**
 * What every committee command does with its result: record the change to the
 * case with its audit event, and confirm in the case thread (where only the
 * committee reads), mentioning the member who wrote it. The command stays in
 * the thread: in a case issue it is the committee's own record.
 */
import type { PlannedAction } from "../../actions/planned-action.js";
import { commandKey } from "../../events/command-event.js";
import { recordCaseChange, type CaseChange } from "../../store/case-records.js";
import type { CaseCommandContext } from "../command-spec.js";

export function caseReply(ctx: CaseCommandContext, body: string): PlannedAction {
  return { kind: "reply", repo: ctx.event.repo, issueNumber: ctx.event.issueNumber, body: `@${ctx.event.sender} ${body}` };
}

/** The case issue's labels and status block, brought in step with the case when the action runs. */
export function caseIssueSync(ctx: CaseCommandContext): PlannedAction {
  return { kind: "sync-case-state", caseId: ctx.caseFile.id };
}

export async function recordCommandResult(
  ctx: CaseCommandContext,
  change: Omit<CaseChange, "actions"> & { reply: string; actions?: PlannedAction[] },
): Promise<boolean> {
  const actions = (extra: string | null) => [...(change.actions ?? []), caseReply(ctx, extra ? `${change.reply}\n\n${extra}` : change.reply)];
  return recordCaseChange(ctx.db, ctx.caseFile, commandKey(ctx.event), { ...change, actions }, ctx.now);
}
