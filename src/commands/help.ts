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
    details: "Replies in the thread with each command's usage and purpose.",
    role: "moderator",
    async run(ctx) {
      const lines = list().map((c) => `- \`${c.usage}\`: ${c.summary}`);
      const body = ["the `/coc` commands:", "", ...lines].join("\n");
      await recordReply(ctx.db, ctx.event, body, "command.help", ctx.now);
    },
  };
}
