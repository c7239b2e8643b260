/** Removes a `/coc` command from its thread, so nobody sees that a report was made, or by whom. */
import type { ActionKindSpec } from "../action-kind.js";

export const removeCommand: ActionKindSpec<"remove-command"> = {
  kind: "remove-command",
  priority: 10,
  maxAttempts: 25,
  async perform(action, run) {
    const github = await run.gateway.forRepository(action.location);
    await github.ensureCommandRemoved(action.location, action.remainingBody);
  },
};
