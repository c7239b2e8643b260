/**
 * `/coc ack`: the committee acknowledges a new case, e.g.
 *
 *   /coc ack
 *
 * Records who acknowledged it and when, and moves the case to
 * "acknowledged" (its label follows); the acknowledgement reminders are
 * cancelled and the resolution target starts.
 */
import { transition } from "../../cases/case-state.js";
import { statusOf } from "../../store/case-records.js";
import { deadlineCaseOf, replanDeadlines, timerDurations } from "../../store/deadline-jobs.js";
import { reportAcknowledgedNotice } from "../../messages/people-notices.js";
import { UserError } from "../user-error.js";
import { reporterNotices } from "./decision.js";
import { caseCommand } from "../command-spec.js";
import { recordCommandResult, caseIssueSync } from "./case-change.js";

export const ackCommand = caseCommand({
  name: "ack",
  usage: "/coc ack",
  summary: "Acknowledge the case: the committee is handling it.",
  details:
    "Records who acknowledged the case and when, and moves it from new to acknowledged. " +
    "The acknowledgement reminders are cancelled and the resolution target (`deadlines.resolve`) starts.",
  async run(ctx) {
    const { caseFile, event } = ctx;
    const moved = transition(statusOf(caseFile), { type: "acknowledge", by: event.sender, at: ctx.now });
    if (!moved.ok) throw new UserError(moved.reason);
    await recordCommandResult(ctx, {
      apply: async (tx) => {
        const updated = await tx.case.updateMany({
          where: { id: caseFile.id, state: "new" },
          data: { state: "acknowledged", acknowledgedAt: ctx.now, acknowledgedBy: event.sender },
        });
        // Another member's acknowledgement landed first.
        if (updated.count === 0) throw new UserError("this case was acknowledged a moment ago.");
        // The acknowledgement reminders go; the resolution target starts.
        const before = deadlineCaseOf(caseFile, statusOf(caseFile));
        await replanDeadlines(tx, before, deadlineCaseOf({ ...caseFile, acknowledgedAt: ctx.now }, moved.state), timerDurations(ctx.config), ctx.now);
      },
      audit: [{ actor: event.sender, action: "case.acknowledged", detail: {} }],
      reply: "the case is acknowledged.",
      actions: [
        caseIssueSync(ctx),
        ...reporterNotices(caseFile.id, caseFile.reports, reportAcknowledgedNotice(caseFile.code, ctx.now, new Date(ctx.now.getTime() + ctx.config.deadlines.resolve))),
      ],
    });
  },
});

