/**
 * `/coc warn [reason]`: a formal warning to the case's subject, e.g.
 *
 *   /coc warn personal attacks in review comments after a reminder
 *
 * It records a strike against them in the account's ledger (conduct follows
 * a person across the account's repositories), tells them through the notice
 * channels, and shows the strike's id and their active count in the case.
 * At `strikes.threshold` the strike rule's action follows (`strike-threshold.ts`).
 */
import { commandKey } from "../../events/command-event.js";
import { caseCommand } from "../command-spec.js";
import { UserError } from "../user-error.js";
import { recordCommandResult, caseIssueSync } from "./case-change.js";
import { strikeAgainstSubject } from "./strike-threshold.js";

export const warnCommand = caseCommand({
  name: "warn",
  decides: true,
  usage: "/coc warn [reason]",
  summary: "Formally warn the case's subject: a strike under the strike rule.",
  details:
    "Records a strike against the subject in the account's ledger, linked to this case, and tells them (never who reported). " +
    "The confirmation shows the strike's id and their active strikes; at `strikes.threshold` within `strikes.window` the app follows `strikes.on_threshold`. " +
    "`/coc strike void <id> <reason>` voids a strike.",
  async run(ctx) {
    const { caseFile, event } = ctx;
    if (caseFile.state === "new") throw new UserError("acknowledge this case (`/coc ack`) before warning its subject.");
    if (caseFile.state === "closed") throw new UserError("this case is closed; reopen it to warn its subject.");
    const reason = event.command.args.join(" ");
    await recordCommandResult(ctx, {
      apply: async (tx) => {
        const struck = await strikeAgainstSubject(
          tx,
          caseFile,
          { reason, issuedBy: event.sender, source: "warn", issueKey: `warn:${commandKey(event)}` },
          ctx.config,
          ctx.now,
          caseFile.state === "acknowledged" ? "acknowledged" : null,
        );
        return { actions: [struck.subjectNotice, ...(struck.actions ?? [])], audit: struck.audit ?? [], reply: struck.lines.join("\n") };
      },
      audit: [{ actor: event.sender, action: "subject.warned", detail: { reason } }],
      reply: `you warned \`${caseFile.subjectLogin}\`.`,
      actions: [caseIssueSync(ctx)],
    });
  },
});
