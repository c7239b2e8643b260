/**
 * Where the notice board of each cases repository is: one issue the app opens
 * there on first use and posts notices to, so notices for the committee and
 * for moderators never go to a public thread.
 */
import type { RepoRef } from "../github/port.js";
import { casesScope } from "./cases.js";
import type { Database } from "./database.js";

export interface NoticeBoardState {
  issueNumber: number | null;
  /** A create was sent before and its answer may have been lost: look before creating again. */
  createStarted: boolean;
}

export async function loadNoticeBoard(db: Database, casesRepo: RepoRef): Promise<NoticeBoardState> {
  const row = await db.noticeBoard.findUnique({ where: { scope: casesScope(casesRepo) } });
  return { issueNumber: row?.issueNumber ?? null, createStarted: row?.createStartedAt != null };
}

export async function markNoticeBoardCreateStarted(db: Database, casesRepo: RepoRef, now: Date): Promise<void> {
  const scope = casesScope(casesRepo);
  await db.noticeBoard.upsert({ where: { scope }, create: { scope, createStartedAt: now }, update: { createStartedAt: now } });
}

export async function setNoticeBoardIssue(db: Database, casesRepo: RepoRef, issueNumber: number): Promise<void> {
  const scope = casesScope(casesRepo);
  await db.noticeBoard.upsert({ where: { scope }, create: { scope, issueNumber }, update: { issueNumber } });
}
