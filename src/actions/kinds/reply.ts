/** Answers a command in its thread (only ever a thread of the cases repository), once. */
import type { ActionKindSpec } from "../action-kind.js";
import { postCommentOnce } from "../post-comment-once.js";

export const reply: ActionKindSpec<"reply"> = {
  kind: "reply",
  priority: 40,
  maxAttempts: 25,
  async perform(action, run) {
    const github = await run.gateway.forRepository(action.repo);
    await postCommentOnce(github, action.repo, action.issueNumber, action.body, run);
  },
};
