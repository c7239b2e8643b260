/**
 * What the committee does to reported content from a case: show hidden
 * content again, lock or unlock its conversation, replace its text with a
 * removal notice (the original stays in the evidence), close its issue or
 * pull request. Each is safe to repeat; protection comes before paperwork.
 */
import type { ActionKindSpec } from "../action-kind.js";

export const unhideContent: ActionKindSpec<"unhide-content"> = {
  kind: "unhide-content",
  priority: 5,
  maxAttempts: 25,
  async perform(action, run) {
    await (await run.gateway.forRepository(action.repo)).ensureUnhidden(action.nodeId);
  },
};

export const lockThread: ActionKindSpec<"lock-thread"> = {
  kind: "lock-thread",
  priority: 1,
  maxAttempts: 25,
  async perform(action, run) {
    await (await run.gateway.forRepository(action.repo)).ensureThreadLocked(action.repo, action.issueNumber, action.reason);
  },
};

export const unlockThread: ActionKindSpec<"unlock-thread"> = {
  kind: "unlock-thread",
  priority: 5,
  maxAttempts: 25,
  async perform(action, run) {
    await (await run.gateway.forRepository(action.repo)).ensureThreadUnlocked(action.repo, action.issueNumber);
  },
};

export const replaceBody: ActionKindSpec<"replace-body"> = {
  kind: "replace-body",
  priority: 1,
  maxAttempts: 25,
  async perform(action, run) {
    await (await run.gateway.forRepository(action.ref)).replaceContentBody(action.ref, action.body);
  },
};

export const reopenThread: ActionKindSpec<"reopen-thread"> = {
  kind: "reopen-thread",
  priority: 5,
  maxAttempts: 25,
  async perform(action, run) {
    await (await run.gateway.forRepository(action.repo)).ensureIssueReopened(action.repo, action.issueNumber);
  },
};

export const closeThread: ActionKindSpec<"close-thread"> = {
  kind: "close-thread",
  priority: 2,
  maxAttempts: 25,
  async perform(action, run) {
    await (await run.gateway.forRepository(action.repo)).ensureIssueClosed(action.repo, action.issueNumber, "not_planned");
  },
};
