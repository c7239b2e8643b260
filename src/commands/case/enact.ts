/**
 * `/coc enact`: enacts a decided case at once, without waiting for the end of
 * the reporter's feedback window (`decisions.reporter_feedback`), e.g.
 *
 *   /coc enact
 */
import { caseCommand } from "../command-spec.js";
import { UserError } from "../user-error.js";
import { enactedText } from "../../messages/decisions.js";
import { recordCommandResult } from "./case-change.js";
import { enactDecision } from "./decision.js";

export const enactCommand = caseCommand({
  name: "enact",
  decides: true,
  usage: "/coc enact",
  summary: "Enact the decision now and close the case.",
  details:
    "A decision that needs nothing more is enacted at once, without waiting for the end of the reporter's time to comment. " +
    "The app carries out the decision's sanction itself (a strike, a cooldown, a ban), then closes the case.",
  async run(ctx) {
    if (ctx.caseFile.state !== "decided") throw new UserError("only a decided case can be enacted.");
    await recordCommandResult(ctx, {
      apply: async (tx) => {
        const enacted = await enactDecision(tx, ctx.caseFile.id, ctx.now, { config: ctx.config, sanctionDoneByHand: true });
        if (!enacted) throw new UserError("only a decided case can be enacted.");
        return { ...enacted, reply: enactedText(enacted) };
      },
      audit: [{ actor: ctx.event.sender, action: "decision.enacted-early", detail: {} }],
      reply: "enacting now:",
    });
  },
});
