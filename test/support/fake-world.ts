/**
 * A small GitHub world on the in-memory fake: an organisation "acme" with a
 * public project repository, a private cases repository, a moderator and a
 * flagged comment. Tests change what they need from here.
 */
import { BAN_REGISTER_MARKER } from "../../src/messages/ban-register.js";
import { fakeAccountId, InMemoryGitHub, type RecordedWrite } from "../../src/github/in-memory-github.js";
import { NOTICE_BOARD_MARKER } from "../../src/messages/notices.js";
import type { ContentSnapshot } from "../../src/github/port.js";

export const PROJECT = { owner: "acme", repo: "widgets" };
export const CASES = { owner: "acme", repo: "coc-cases" };
export const MODERATOR = "mod-maria";

export function abusiveComment(overrides: Partial<ContentSnapshot> = {}): ContentSnapshot {
  return {
    ref: { kind: "issue_comment", ...PROJECT, number: 7, commentId: 555 },
    nodeId: "IC_abusive555",
    url: "https://github.com/acme/widgets/issues/7#issuecomment-555",
    authorLogin: "troll-tom",
    authorId: fakeAccountId(overrides.authorLogin ?? "troll-tom"),
    title: null,
    body: "You are all idiots. @mod-maria see #12 and @acme/core",
    createdAt: "2026-03-04T09:00:00Z",
    editedAt: "2026-03-04T09:05:00Z",
    editHistory: [{ editedAt: "2026-03-04T09:05:00Z", editor: "troll-tom", diff: "You are idiots." }],
    hideable: true,
    isMinimized: false,
    ...overrides,
  };
}

export function issueBody(overrides: Partial<ContentSnapshot> = {}): ContentSnapshot {
  return {
    ref: { kind: "issue", ...PROJECT, number: 7 },
    nodeId: "I_issue7",
    url: "https://github.com/acme/widgets/issues/7",
    authorLogin: "troll-tom",
    authorId: fakeAccountId(overrides.authorLogin ?? "troll-tom"),
    title: "Maintainers are @clowns",
    body: "An issue body written to offend.",
    createdAt: "2026-03-04T08:00:00Z",
    editedAt: null,
    editHistory: [],
    hideable: false,
    isMinimized: false,
    ...overrides,
  };
}

/** Sets up the world on `github` (a fresh fake unless a test brings its own kind). */
export function fakeWorld<T extends InMemoryGitHub = InMemoryGitHub>(github: T = new InMemoryGitHub() as T): T {
  github.addRepository(PROJECT, { private: false });
  github.addRepository(CASES, { private: true });
  github.setPermission(PROJECT, MODERATOR, "maintain");
  github.addContent(abusiveComment());
  github.addContent(issueBody());
  return github;
}

/** The notices the app posted on the cases repository's notice board, without their hidden first line. */
export function noticesOn(github: InMemoryGitHub, casesRepo = CASES): string[] {
  const board = github.issuesIn(casesRepo).find((issue) => issue.body.startsWith(NOTICE_BOARD_MARKER));
  return (board?.comments ?? []).map((comment) => comment.body.replace(/^<!-- coc-notice:[^>]* -->\n/, ""));
}

/** The case issues in the cases repository (the notice board and the ban register left out). */
export function caseIssues(github: InMemoryGitHub, casesRepo = CASES) {
  return github.issuesIn(casesRepo).filter((issue) => !issue.body.startsWith(NOTICE_BOARD_MARKER) && !issue.body.startsWith(BAN_REGISTER_MARKER));
}

/** The ban register issue of the cases repository, if the app opened it. */
export function banRegister(github: InMemoryGitHub, casesRepo = CASES) {
  return github.issuesIn(casesRepo).find((issue) => issue.body.startsWith(BAN_REGISTER_MARKER));
}

/** Writes that posted in a repository (comments, issues, labels), e.g. to show that nothing was said in a public thread. */
export function writesIn(github: InMemoryGitHub, repo: { owner: string; repo: string }): RecordedWrite[] {
  const name = `${repo.owner}/${repo.repo}`.toLowerCase();
  return github.writes.filter((w) => "repo" in w && w.repo === name);
}

/** What the app answered in a case issue, without its hidden first lines, and without the notices it delivers to people. */
export function caseAnswers(github: InMemoryGitHub, casesRepo = CASES, caseIndex = 0): string[] {
  return caseThread(github, casesRepo, caseIndex).filter((body) => !isPeopleNotice(body));
}

/** The notices for the reporter and the subject in the case issue (see `deliver-notice`). */
export function peopleNotices(github: InMemoryGitHub, casesRepo = CASES): string[] {
  return caseThread(github, casesRepo).filter(isPeopleNotice);
}

function caseThread(github: InMemoryGitHub, casesRepo: { owner: string; repo: string }, caseIndex = 0): string[] {
  const issue = caseIssues(github, casesRepo)[caseIndex];
  return (issue?.comments ?? []).map((comment) => comment.body.replace(/^<!-- coc-reply:[^>]* -->\n/, ""));
}

function isPeopleNotice(body: string): boolean {
  return /^\*\*(To do for the committee:|Emailed to `[^`]+`)\*\*|^@\S+ (Your report|The conduct committee decided)/.test(body);
}
