/**
 * `/coc safety <yes|no> [note]`: whether anyone's safety was threatened, e.g.
 *
 *   /coc safety yes threats of violence in a DM, reported to the police
 *
 * The ITK policy asks the closing report to say so; the report and
 * `/coc status` show what the committee recorded. The note goes to the
 * case's record as a private note.
 */
import { caseCommand } from "../command-spec.js";
import { UserError } from "../user-error.js";
import { recordCommandResult } from "./case-change.js";

const ANSWERS: Record<string, boolean> = { yes: true, no: false };

export const safetyCommand = caseCommand({
  name: "safety",
  usage: "/coc safety <yes|no> [note]",
  summary: "Record whether anyone's safety was threatened.",
  details: "Records the answer for the closing report and `/coc status`; a later answer replaces it. The note is kept as a private note in the case's record.",
  async run(ctx) {
    const { caseFile, event } = ctx;
    const [word, ...noteWords] = event.command.args;
    const answer = word === undefined ? undefined : ANSWERS[word.toLowerCase()];
    if (answer === undefined) throw new UserError("answer yes or no: `/coc safety <yes|no> [note]`.");
    const note = noteWords.join(" ");
    await recordCommandResult(ctx, {
      apply: async (tx) => {
        await tx.case.update({ where: { id: caseFile.id }, data: { safetyThreatened: answer } });
        if (note) await tx.caseNote.create({ data: { caseId: caseFile.id, author: event.sender, body: note, createdAt: ctx.now } });
      },
      audit: [{ actor: event.sender, action: "case.safety-recorded", detail: { threatened: answer } }],
      reply: answer ? "recorded: someone's safety was threatened." : "recorded: nobody's safety was threatened.",
    });
  },
});
