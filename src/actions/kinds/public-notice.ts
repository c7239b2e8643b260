/**
 * Posts the minimal public notice (`decisions.public_notice: minimal`) in a
 * moderated thread, once. The action carries no text: the kind writes the
 * fixed notice itself, so nothing from a case can ever reach a public thread
 * this way.
 */
import { MINIMAL_PUBLIC_NOTICE } from "../../messages/public-notice.js";
import type { ActionKindSpec } from "../action-kind.js";
import { postCommentOnce } from "../post-comment-once.js";

export const publicNotice: ActionKindSpec<"public-notice"> = {
  kind: "public-notice",
  priority: 44,
  maxAttempts: 25,
  async perform(action, run) {
    const github = await run.gateway.forRepository(action.repo);
    await postCommentOnce(github, action.repo, action.issueNumber, MINIMAL_PUBLIC_NOTICE, run);
  },
};
