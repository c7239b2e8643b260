/**
 * What the reporter and the subject of a case are told, and what the case
 * shows of it: the notice itself when it mentions them there, a record of the
 * email that told them, or a task asking the committee to tell them when the
 * app cannot (GitHub has no private message). The reporter's notices never
 * name the subject's reasons or anyone else; the subject's never name who
 * reported. Only the case issue, where the committee reads, and the person's
 * own mailbox ever see them.
 */
import { formatUtc } from "../cases/case-state.js";
import { OUTCOME_INFO, isOutcome } from "../cases/outcomes.js";
import { describeDuration } from "../config/duration.js";
import { inlineSafe } from "./safe-markdown.js";

export type NoticeAbout = "reporter" | "subject";

export function reportAcknowledgedNotice(code: string, acknowledgedAt: Date, resolveBy: Date | null): string {
  const by = resolveBy ? ` The committee aims to resolve it by ${formatUtc(resolveBy)}.` : "";
  return `Your report (case ${code}) was received and acknowledged by the conduct committee on ${formatUtc(acknowledgedAt)}.${by}`;
}

/** Sent each `deadlines.resolve` period while the case is open, from the resolution target on. */
export function resolutionPendingNotice(code: string, nextUpdateBy: Date): string {
  return (
    `Your report (case ${code}) is not resolved yet: the conduct committee is still working on it. ` +
    `You will hear from it again by ${formatUtc(nextUpdateBy)}, or sooner if it is decided.`
  );
}

export function decisionForReporterNotice(code: string, outcome: string, feedbackMs: number, decidedAt: Date): string {
  const described = isOutcome(outcome) ? ` (${OUTCOME_INFO[outcome].description})` : "";
  const comment =
    feedbackMs > 0
      ? ` Before it is enacted you may comment on it until ${formatUtc(new Date(decidedAt.getTime() + feedbackMs))} (${describeDuration(feedbackMs)}).`
      : "";
  return `The conduct committee decided on your report (case ${code}): \`${outcome}\`${described}.${comment}`;
}

/**
 * How to appeal a decision: the appeal page and the last day for it, once the app serves one;
 * until then the committee tells the subject how.
 */
export interface AppealRoute {
  url: string;
  until: Date;
}

/** The appeal page of a case and the last day to appeal a decision taken at `decidedAt`; null when the app serves no pages. */
export function appealRouteOf(appeals: { window: number; pageUrl: string | null }, code: string, decidedAt: Date): AppealRoute | null {
  if (!appeals.pageUrl) return null;
  return { url: `${appeals.pageUrl}/appeal/${encodeURIComponent(code)}`, until: new Date(decidedAt.getTime() + appeals.window) };
}

/** `terms`: the outcome's length and reach in words ("for 30 days"), when it takes any. */
export function decisionForSubjectNotice(code: string, outcome: string, reason: string, appeal: AppealRoute | null = null, terms = ""): string {
  const described = `${terms ? ` ${terms}` : ""}${isOutcome(outcome) ? ` (${OUTCOME_INFO[outcome].description})` : ""}`;
  const why = reason ? ` The committee's reason: ${inlineSafe(reason, { maxChars: 1_000 })}.` : "";
  const how = appeal ? `You may appeal the decision until ${formatUtc(appeal.until)}: ${appeal.url}` : "You may appeal the decision; the committee will tell you how.";
  return `The conduct committee decided on case ${code}, about your conduct: \`${outcome}\`${described}.${why} ${how}`;
}

/** Why the app did not email a notice itself, when email is set up. */
export type NotEmailed = { why: "no-public-email" } | { why: "refused"; replyCode: number | null };

/** The notice as a task for the committee, when the person cannot read the case and no other channel reaches them. */
export function deliverByHandTask(login: string, about: NoticeAbout, notice: string, notEmailed?: NotEmailed): string {
  return [
    `**To do for the committee:** GitHub has no private message, and \`${login}\` (the ${about}) cannot read this repository.${notEmailedLine(notEmailed)} Tell them, by a channel you trust:`,
    "",
    ...quoted(notice),
    "",
    "Then record that they were told with `/coc note`.",
  ].join("\n");
}

/** The case's record of a notice the app emailed: what was sent and when, never to which address. */
export function emailedRecord(login: string, about: NoticeAbout, notice: string, sentAt: Date): string {
  return [
    `**Emailed to \`${login}\`** (the ${about}) at the public email address of their GitHub profile, on ${formatUtc(sentAt)}:`,
    "",
    ...quoted(notice),
  ].join("\n");
}

function notEmailedLine(notEmailed: NotEmailed | undefined): string {
  if (!notEmailed) return "";
  if (notEmailed.why === "no-public-email") return " Their GitHub profile shows no public email, so the app could not email them.";
  const reply = notEmailed.replyCode === null ? "" : ` (reply ${notEmailed.replyCode})`;
  return ` The mail server refused the email to the public address of their GitHub profile${reply}.`;
}

function quoted(notice: string): string[] {
  return notice.split("\n").map((line) => `> ${line}`);
}
