/**
 * Posts a notice on the cases repository's notice board, opening the board
 * issue on first use. Notices queue one at a time per cases repository (see
 * `actionQueue`), so two notices never open two boards; a create whose answer
 * was lost is looked for before it is sent again.
 */
import type { GitHubPort, RepoRef } from "../github/port.js";
import { NOTICE_BOARD_MARKER, NOTICE_BOARD_TITLE, NOTICE_LABEL, noticeBoardBody, noticeMarker } from "../messages/notices.js";
import { loadNoticeBoard, markNoticeBoardCreateStarted, setNoticeBoardIssue } from "../store/notice-boards.js";
import { assertPrivate } from "./cases-repo-guard.js";
import { createOnce } from "./create-once.js";
import type { ActionRun } from "./perform-action.js";

export async function postNotice(casesRepo: RepoRef, body: string, run: ActionRun): Promise<void> {
  const github = await run.gateway.forRepository(casesRepo);
  await assertPrivate(github, casesRepo);
  const board = await noticeBoard(github, casesRepo, run);
  const marker = noticeMarker(run.actionId);
  await createOnce<true>({
    previouslyStarted: run.writeStarted,
    find: async () => ((await github.hasOwnComment(casesRepo, board, marker)) ? true : null),
    markStarted: () => run.markWriteStarted(),
    create: async () => {
      await github.createComment(casesRepo, board, `${marker}\n${body}`);
      return true;
    },
  });
}

async function noticeBoard(github: GitHubPort, casesRepo: RepoRef, run: ActionRun): Promise<number> {
  const state = await loadNoticeBoard(run.db, casesRepo);
  if (state.issueNumber !== null) return state.issueNumber;
  const number = await createOnce({
    previouslyStarted: state.createStarted,
    find: () => github.findOwnIssue(casesRepo, NOTICE_BOARD_MARKER, NOTICE_LABEL.name),
    markStarted: () => markNoticeBoardCreateStarted(run.db, casesRepo, run.now()),
    create: async () => {
      await github.ensureLabel(casesRepo, NOTICE_LABEL);
      return github.createIssue(casesRepo, { title: NOTICE_BOARD_TITLE, body: noticeBoardBody(), labels: [NOTICE_LABEL.name] });
    },
  });
  await setNoticeBoardIssue(run.db, casesRepo, number);
  return number;
}
