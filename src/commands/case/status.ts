/**
 * `/coc status`: where the case stands, in the case thread, e.g.
 *
 *   /coc status
 *
 * State, who acknowledged it and handles it, who is recused, reports, and the
 * case's history from the audit log.
 */
import { auditTrail } from "../../store/audit-log.js";
import { caseCommand } from "../command-spec.js";
import { caseStatusText } from "../../messages/case-status.js";
import { recordCommandResult } from "./case-change.js";

export const statusCommand = caseCommand({
  name: "status",
  usage: "/coc status",
  summary: "Show where the case stands and its history.",
  details: "Answers in the case with its state, who acknowledged it and when, who handles it, who is recused, its reports, and its history from the audit log.",
  async run(ctx) {
    const history = await auditTrail(ctx.db, ctx.caseFile.id);
    await recordCommandResult(ctx, {
      audit: [{ actor: ctx.event.sender, action: "case.status-shown", detail: {} }],
      reply: caseStatusText(ctx.caseFile, history),
    });
  },
});
