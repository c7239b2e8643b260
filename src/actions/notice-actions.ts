/**
 * Posts a notice on the cases repository's notice board, opening the board
 * issue on first use. Notices queue one at a time per cases repository (see
 * `kinds/notify.ts`), so two notices never open two boards; a create whose answer
 * was lost is looked for before it is sent again. While a case in the cases
 * repository is held because its subject can read it, only notices that name
 * nobody are posted; the others wait until the hold ends.
 */
import type { GitHubPort, RepoRef } from "../github/port.js";
import { NOTICE_BOARD_MARKER, NOTICE_BOARD_TITLE, NOTICE_LABEL, noticeBoardBody, noticeMarker } from "../messages/notices.js";
import { loadNoticeBoard, markNoticeBoardCreateStarted, setNoticeBoardIssue } from "../store/notice-boards.js";
import { hasHeldCase } from "../store/cases.js";
import { WaitingError } from "./action-error.js";
import { assertPrivate } from "./cases-repo-guard.js";
import { createOnce } from "./create-once.js";
import type { ActionRun } from "./perform-action.js";
import type { PlannedAction } from "./planned-action.js";

/** A notice that names people waits while the person a held case is about can read the notice board. */
export class NoticeHeldError extends WaitingError {}

export async function postNotice(notice: Extract<PlannedAction, { kind: "notify" }>, run: ActionRun): Promise<void> {
  const { casesRepo, body } = notice;
  const github = await run.gateway.forRepository(casesRepo);
  await assertPrivate(github, casesRepo);
  // The board is in the cases repository, which the subject of a held case can read: who flagged,
  // where, and what else they wrote would all be theirs to see. Only nameless notices go meanwhile.
  if (!notice.nameless && (await hasHeldCase(run.db, casesRepo))) {
    throw new NoticeHeldError(`notices naming people wait: the subject of a held case can read ${casesRepo.owner}/${casesRepo.repo}`);
  }
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
