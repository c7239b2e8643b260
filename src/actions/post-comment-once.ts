/**
 * Posts the app's comment in a thread exactly once for an action, even when
 * GitHub's answer is lost: the comment starts with the action's hidden marker,
 * and a retry after a started send looks for it before writing again (see
 * `create-once.ts`). Replies, comments in a case, notices to people and the
 * public notice all post this way.
 */
import type { GitHubPort, RepoRef } from "../github/port.js";
import { replyMarker } from "../messages/replies.js";
import { createOnce } from "./create-once.js";
import type { ActionRun } from "./perform-action.js";

export async function postCommentOnce(
  github: GitHubPort,
  repo: RepoRef,
  issueNumber: number,
  body: string,
  run: Pick<ActionRun, "actionId" | "writeStarted" | "markWriteStarted">,
): Promise<void> {
  const marker = replyMarker(run.actionId);
  await createOnce<true>({
    previouslyStarted: run.writeStarted,
    find: async () => ((await github.hasOwnComment(repo, issueNumber, marker)) ? true : null),
    markStarted: () => run.markWriteStarted(),
    create: async () => {
      await github.createComment(repo, issueNumber, `${marker}\n${body}`);
      return true;
    },
  });
}
