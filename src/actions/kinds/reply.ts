/** Answers a command in its thread (only ever a thread of the cases repository), once. */
import { replyMarker } from "../../messages/replies.js";
import type { ActionKindSpec } from "../action-kind.js";
import { createOnce } from "../create-once.js";

export const reply: ActionKindSpec<"reply"> = {
  kind: "reply",
  priority: 40,
  maxAttempts: 25,
  async perform(action, run) {
    const github = await run.gateway.forRepository(action.repo);
    const marker = replyMarker(run.actionId);
    await createOnce<true>({
      previouslyStarted: run.writeStarted,
      find: async () => ((await github.hasOwnComment(action.repo, action.issueNumber, marker)) ? true : null),
      markStarted: () => run.markWriteStarted(),
      create: async () => {
        await github.createComment(action.repo, action.issueNumber, `${marker}\n${action.body}`);
        return true;
      },
    });
  },
};
