/** Hides (minimizes) flagged content: the first thing done for the people it hurts. */
import type { ActionKindSpec } from "../action-kind.js";

export const hideContent: ActionKindSpec<"hide-content"> = {
  kind: "hide-content",
  priority: 0,
  maxAttempts: 25,
  async perform(action, run) {
    const github = await run.gateway.forRepository(action.repo);
    await github.ensureHidden(action.nodeId, action.classifier);
  },
};
