/**
 * Notices the app leaves on a cases repository's notice board: one issue,
 * opened by the app on first use, with one comment per notice. It is the
 * private channel for what must not be said where the person reported may
 * read: a moderator's command that did not run, settings a repository may not
 * set, a case held because its subject can read the cases repository. The
 * held-case notice names nobody (its subject can read it); the others name
 * the moderator they are for, as the case files do, for the committee only.
 */
import type { RepoRef } from "../github/port.js";
import type { LabelSpec } from "../github/port.js";
import { fencedEvidence, quietLogin } from "./safe-markdown.js";

export const NOTICE_BOARD_MARKER = "<!-- coc-notice-board -->";

export const NOTICE_LABEL: LabelSpec = {
  name: "coc-notices",
  color: "c5def5",
  description: "Notices from the Code of Conduct app",
};

export const NOTICE_BOARD_TITLE = "Notices from the Code of Conduct app";

export function noticeBoardBody(): string {
  return [
    NOTICE_BOARD_MARKER,
    "The Code of Conduct app posts notices here that must not appear in public threads:",
    "",
    "- a moderator's `/coc` command that did not run, written outside this repository (the moderator is mentioned; moderators without access to this repository do not see it, so the committee may need to pass it on);",
    "- settings a repository's own `.github/coc.yml` tried to set but may not;",
    "- a case held because the person it is about can read this repository.",
    "",
    "Keep this issue open; the app finds it again by its number.",
  ].join("\n");
}

/** First line of each notice comment, so a retried post is recognised. */
export function noticeMarker(actionId: string): string {
  return `<!-- coc-notice:${actionId} -->`;
}

function place(repo: RepoRef, issueNumber: number): string {
  return quietLogin(`${repo.owner}/${repo.repo}#${issueNumber}`);
}

/** A command reply that would have gone to a public thread. */
export function moderatorNotice(login: string, repo: RepoRef, issueNumber: number, reply: string): string {
  // A real @-mention: the moderator must learn that the command did not run.
  return `@${login} your \`/coc\` command in ${place(repo, issueNumber)} was removed from that thread. ${reply}`;
}

/** What else a moderator's comment said, deleted with the command so that its public edit history does not keep the command. */
export function deletedTextNotice(login: string, repo: RepoRef, issueNumber: number, otherText: string): string {
  return [
    `@${login} your comment with a \`/coc\` command in ${place(repo, issueNumber)} also held other text. ` +
      "The whole comment was deleted, because GitHub keeps the earlier versions of an edited comment where anyone can read them. " +
      "Here is the rest of what it said, to post again if you wish:",
    "",
    fencedEvidence(otherText, { maxChars: 20_000 }),
  ].join("\n");
}

export function ignoredSettingsNotice(repo: RepoRef, keys: string[]): string {
  const list = keys.map((k) => `\`${k}\``).join(", ");
  return (
    `${quietLogin(`${repo.owner}/${repo.repo}`)}'s own \`.github/coc.yml\` sets ${list}, which only the owner's \`.github\` repository may set: ` +
    "anyone who can push to one repository could otherwise redirect its case files, make themselves a moderator or change how its cases are decided. " +
    "These settings are ignored there; the rest of that file applies. Move them to the owner's `.github/coc.yml`, or delete them."
  );
}

export function heldCaseNotice(code: string): string {
  return (
    `Case ${code} is held: the person it is about can read this repository, so its case file is not written here. ` +
    "Check who can read it (the organization's base permission, teams, outside collaborators). " +
    "The content was hidden where GitHub allows it, and the case file is written as soon as that person can no longer read this repository."
  );
}
