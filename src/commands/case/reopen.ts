/**
 * `/coc reopen`: a closed case is taken up again, e.g.
 *
 *   /coc reopen the subject did it again the next day
 *
 * The case goes back to acknowledged, its issue is reopened, and the
 * resolution target starts again. New reports about the same content join it
 * again, unless a newer case about that content is open: then that one is
 * where to work, and the reopen is refused.
 */
import { transition } from "../../cases/case-state.js";
import { DATABASE_STATE, statusOf } from "../../store/case-records.js";
import { deadlineCaseOf, replanDeadlines, timerDurations } from "../../store/deadline-jobs.js";
import { caseCommand } from "../command-spec.js";
import { UserError } from "../user-error.js";
import { recordCommandResult, caseIssueSync } from "./case-change.js";

export const reopenCommand = caseCommand({
  name: "reopen",
  decides: true,
  usage: "/coc reopen [reason]",
  summary: "Reopen a closed case.",
  details: "Moves a closed case back to acknowledged and reopens its issue; the resolution target (`deadlines.resolve`) starts again.",
  async run(ctx) {
    const { caseFile, event } = ctx;
    const moved = transition(statusOf(caseFile), { type: "reopen", by: event.sender, at: ctx.now });
    if (!moved.ok) throw new UserError(moved.reason);
    const newer = await ctx.db.case.findUnique({ where: { openContentKey: caseFile.contentKey }, select: { code: true } });
    if (newer) throw new UserError(`a newer case about the same content is open (${newer.code}); work there instead.`);
    const reason = event.command.rest;
    await recordCommandResult(ctx, {
      apply: async (tx) => {
        await tx.case.update({
          where: { id: caseFile.id },
          data: { state: DATABASE_STATE[moved.state.state], reopenedAt: ctx.now, closedAt: null, decidedAt: null, openContentKey: caseFile.contentKey },
        });
        const before = deadlineCaseOf(caseFile, statusOf(caseFile));
        await replanDeadlines(tx, before, deadlineCaseOf({ ...caseFile, reopenedAt: ctx.now }, moved.state), timerDurations(ctx.config), ctx.now);
      },
      audit: [{ actor: event.sender, action: "case.reopened", detail: reason ? { reason } : {} }],
      reply: "the case is reopened; the resolution target starts again.",
      actions: [caseIssueSync(ctx), { kind: "reopen-thread", repo: ctx.event.repo, issueNumber: ctx.event.issueNumber }],
    });
  },
});
