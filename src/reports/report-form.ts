/**
 * The private report form's fields, their limits and their checks, as pure
 * functions: what the form shows and what the server accepts are the same
 * numbers. Everything typed comes back as typed when something is wrong, with
 * one message per field, so that nothing is lost.
 */
import type { ContentRef } from "../commands/content-link.js";
import { parseContentLink } from "../commands/content-link.js";
import { MAX_ACCOUNT_LENGTH } from "../config/reports-schema.js";
import type { PrivateReportFields } from "../store/private-reports.js";

/** The form's fields as typed, under their names in the page. */
export interface ReportFormValues {
  what_happened: string;
  where: string;
  when: string;
  people: string;
  ongoing: string;
  in_danger: string;
  anonymous: string;
  exclude: string;
  outcome: string;
}
export type ReportField = keyof ReportFormValues;
export type FieldErrors = Partial<Record<ReportField, string>>;

export const FIELD_NAMES: readonly ReportField[] = ["what_happened", "where", "when", "people", "ongoing", "in_danger", "anonymous", "exclude", "outcome"];

/** Characters each field takes; `what_happened` may be lowered by `reports.max_length`. */
export const FIELD_LIMITS: Record<ReportField, number> = {
  what_happened: MAX_ACCOUNT_LENGTH,
  where: 2_000,
  when: 200,
  people: 1_000,
  ongoing: 10,
  in_danger: 10,
  anonymous: 10,
  exclude: 400,
  outcome: 1_000,
};
export const MAX_LINKS = 20;
export const MAX_EXCLUDED = 10;

const LOGIN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,38}$/;
const CHOICES: Partial<Record<ReportField, readonly string[]>> = { ongoing: ["yes", "no", "unsure"], in_danger: ["yes", "no"], anonymous: ["yes", "no"] };

export function emptyReportForm(): ReportFormValues {
  return { what_happened: "", where: "", when: "", people: "", ongoing: "", in_danger: "", anonymous: "", exclude: "", outcome: "" };
}

/** The fields of a sent form; anything else in the body is ignored. Line breaks as browsers count them for `maxlength`. */
export function readReportForm(body: unknown): ReportFormValues {
  const sent = (body ?? {}) as Record<string, unknown>;
  const values = emptyReportForm();
  for (const name of FIELD_NAMES) {
    const value = sent[name];
    if (typeof value === "string") values[name] = value.replace(/\r\n?/g, "\n");
  }
  return values;
}

export type CheckedReport = { ok: true; fields: PrivateReportFields; target: ContentRef; link: string } | { ok: false; errors: FieldErrors };

/** Checks the form; `webHost` is the GitHub instance content links must point to. */
export function checkReportForm(values: ReportFormValues, limits: { webHost: string; maxLength: number }): CheckedReport {
  const errors: FieldErrors = {};
  const limitOf = (name: ReportField) => (name === "what_happened" ? limits.maxLength : FIELD_LIMITS[name]);
  for (const name of FIELD_NAMES) {
    if (values[name].length > limitOf(name)) errors[name] = `This is ${values[name].length} characters long; the limit is ${limitOf(name)}. Shorten it a little.`;
  }
  if (!errors.what_happened && values.what_happened.trim() === "") errors.what_happened = "Say what happened.";
  for (const [name, choices] of Object.entries(CHOICES) as Array<[ReportField, readonly string[]]>) {
    if (!choices.includes(values[name])) errors[name] = "Choose one of the answers.";
  }
  const links = values.where.split("\n").map((line) => line.trim()).filter((line) => line !== "");
  const content = errors.where ? null : checkLinks(links, limits.webHost);
  if (content && "error" in content) errors.where = content.error;
  // Logins compare without regard to case, as GitHub's do.
  const excluded = [...new Set(values.exclude.split(/[\s,]+/).map((login) => login.replace(/^@/, "").toLowerCase()).filter((login) => login !== ""))];
  if (!errors.exclude && excluded.some((login) => !LOGIN.test(login))) errors.exclude = "Write GitHub usernames only, separated by spaces or commas (for example: octocat, mona).";
  else if (!errors.exclude && excluded.length > MAX_EXCLUDED) errors.exclude = `Name at most ${MAX_EXCLUDED} people.`;
  if (Object.keys(errors).length > 0 || !content || "error" in content) return { ok: false, errors };
  return {
    ok: true,
    target: content.target,
    link: content.link,
    fields: {
      whatHappened: values.what_happened,
      links,
      happenedWhen: values.when.trim(),
      people: values.people,
      ongoing: values.ongoing as PrivateReportFields["ongoing"],
      inDanger: values.in_danger === "yes",
      anonymous: values.anonymous === "yes",
      excludedLogins: excluded,
      desiredOutcome: values.outcome,
    },
  };
}

/** The first link to content a case can be opened about, or why there is none. */
function checkLinks(links: string[], webHost: string): { target: ContentRef; link: string } | { error: string } {
  if (links.length === 0) return { error: `Give at least one link to the issue, pull request, comment or review on ${webHost} that this is about.` };
  if (links.length > MAX_LINKS) return { error: `Give at most ${MAX_LINKS} links.` };
  if (links.some((link) => !/^https?:\/\/\S+$/i.test(link))) return { error: "Write one link per line, each starting with https://." };
  const target = firstContentLink(links, webHost);
  if (target) return target;
  return {
    error:
      `None of these links points to an issue, pull request, comment or review on ${webHost}. This form opens a case about content on GitHub; ` +
      "to report anything else, write to the contact given in your community's Code of Conduct.",
  };
}

/** The link a private report's case is about: the first that names an issue, pull request, comment or review. */
export function firstContentLink(links: readonly string[], webHost: string): { target: ContentRef; link: string } | null {
  for (const link of links) {
    const parsed = parseContentLink(link, webHost);
    if (parsed.ok) return { target: parsed.ref, link };
  }
  return null;
}
