/**
 * `/coc note <text>`: a private note in the case record, e.g.
 *
 *   /coc note spoke with the reporter by email; they want no public statement
 */
import { UserError } from "../user-error.js";
import { caseCommand } from "../command-spec.js";
import { recordCommandResult } from "./case-change.js";

const MAX_NOTE_CHARS = 10_000;

export const noteCommand = caseCommand({
  name: "note",
  openToRecused: true,
  usage: "/coc note <text>",
  summary: "Add a private note to the case record.",
  details: "Stores the text in the case's record in the app's database, with its author and time, and in the audit log. The note is not posted anywhere else.",
  async run(ctx) {
    const text = ctx.event.command.rest;
    if (text === "") throw new UserError("write the note after `/coc note`, e.g. `/coc note spoke with the reporter`.");
    if (text.length > MAX_NOTE_CHARS) throw new UserError(`a note can be at most ${MAX_NOTE_CHARS} characters; this one has ${text.length}.`);
    await recordCommandResult(ctx, {
      apply: async (tx) => {
        await tx.caseNote.create({ data: { caseId: ctx.caseFile.id, author: ctx.event.sender, body: text, createdAt: ctx.now } });
      },
      audit: [{ actor: ctx.event.sender, action: "case.note-added", detail: { characters: text.length } }],
      reply: "your note is in the case record.",
    });
  },
});
