/**
 * `/coc help`: lists the commands that can be used where it is written: in a
 * case issue, the committee's commands; anywhere else, the moderators'.
 */
import { usableIn, type CommandSpec } from "./command-spec.js";
import { recordReply } from "../store/replies.js";

export function makeHelpCommand(list: () => CommandSpec[]): CommandSpec {
  return {
    name: "help",
    usage: "/coc help",
    summary: "List the `/coc` commands.",
    details: "Answers with each command's usage and purpose: in the thread when it is in the cases repository, else on the cases repository's notice board.",
    role: "any",
    async run(ctx) {
      const here = usableIn(list(), ctx.caseFile ? "case" : "thread");
      const lines = here.map((c) => `- \`${c.usage}\`: ${c.summary}`);
      const title = ctx.caseFile ? "the committee's `/coc` commands in a case:" : "the `/coc` commands:";
      const body = [title, "", ...lines].join("\n");
      await recordReply(ctx.db, ctx.event, body, "command.help", ctx.now);
    },
  };
}
