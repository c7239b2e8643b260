/**
 * `/coc help`: lists the commands with their usage, in the thread.
 */
import type { CommandSpec } from "./command-spec.js";
import { recordReply } from "../store/replies.js";

export function makeHelpCommand(list: () => CommandSpec[]): CommandSpec {
  return {
    name: "help",
    usage: "/coc help",
    summary: "List the `/coc` commands.",
    details: "Answers with each command's usage and purpose: in the thread when it is in the cases repository, else on the cases repository's notice board.",
    role: "moderator",
    async run(ctx) {
      const lines = list().map((c) => `- \`${c.usage}\`: ${c.summary}`);
      const body = ["the `/coc` commands:", "", ...lines].join("\n");
      await recordReply(ctx.db, ctx.event, body, "command.help", ctx.now);
    },
  };
}
