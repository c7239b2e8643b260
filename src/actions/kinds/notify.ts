/** A notice on the cases repository's notice board; notices there go one at a time, so one board is opened. */
import type { ActionKindSpec } from "../action-kind.js";
import { postNotice } from "../notice-actions.js";

export const notify: ActionKindSpec<"notify"> = {
  kind: "notify",
  priority: 45,
  maxAttempts: 100,
  queue: (action) => `notices:${action.casesRepo.owner}/${action.casesRepo.repo}`.toLowerCase(),
  perform: postNotice,
};
