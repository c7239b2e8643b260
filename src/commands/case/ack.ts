/**
 * `/coc ack`: the committee acknowledges a new case, e.g.
 *
 *   /coc ack
 *
 * Records who acknowledged it and when, and moves the case to
 * "acknowledged" (its label follows); the acknowledgement deadline stops.
 */
import { UserError } from "../user-error.js";
import { caseCommand } from "../command-spec.js";
import { recordCommandResult, stateLabelSync } from "./case-change.js";

export const ackCommand = caseCommand({
  name: "ack",
  usage: "/coc ack",
  summary: "Acknowledge the case: the committee is handling it.",
  details: "Records who acknowledged the case and when, and moves it from new to acknowledged. The acknowledgement deadline stops.",
  async run(ctx) {
    const { caseFile, event } = ctx;
    if (caseFile.state !== "new") throw new UserError(alreadyAcknowledged(caseFile.acknowledgedBy, caseFile.acknowledgedAt));
    await recordCommandResult(ctx, {
      apply: async (tx) => {
        const moved = await tx.case.updateMany({
          where: { id: caseFile.id, state: "new" },
          data: { state: "acknowledged", acknowledgedAt: ctx.now, acknowledgedBy: event.sender },
        });
        // Another member's acknowledgement landed first.
        if (moved.count === 0) throw new UserError("this case was acknowledged a moment ago.");
      },
      audit: [{ actor: event.sender, action: "case.acknowledged", detail: {} }],
      reply: "the case is acknowledged.",
      actions: [stateLabelSync(ctx)],
    });
  },
});

function alreadyAcknowledged(by: string | null, at: Date | null): string {
  if (!by || !at) return "this case is past acknowledgement.";
  return `this case was already acknowledged by \`${by}\` at ${at.toISOString()}.`;
}
