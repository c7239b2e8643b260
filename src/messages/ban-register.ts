/**
 * The ban register: one issue in each cases repository, pinned, that lists
 * every ban (in force first, then those that ended) with who, since, until,
 * how it ended and its case, as the ITK policy asks the committee to keep for
 * later review. The app rewrites it on every change; nobody edits it by hand.
 */
import { formatUtc } from "../cases/case-state.js";
import type { LabelSpec } from "../github/port.js";
import { quietLogin } from "./safe-markdown.js";

export const BAN_REGISTER_MARKER = "<!-- coc-ban-register -->";
export const BAN_REGISTER_TITLE = "Ban register";
export const BAN_REGISTER_LABEL: LabelSpec = { name: "coc-ban-register", color: "b60205", description: "The Code of Conduct app's register of bans" };

/** Rows (both tables together) beyond this are counted, not listed: at about 250 characters a row at most, the register fits in one issue body (65,536). */
const MAX_ROWS = 200;

export interface RegisterEntry {
  account: string;
  subjectLogin: string;
  startsAt: Date;
  endsAt: Date | null;
  source: string;
  issuedBy: string;
  liftedAt: Date | null;
  liftReason: string | null;
  case: { code: string; casesOwner: string; casesRepo: string; issueNumber: number | null } | null;
}

export function banRegisterBody(entries: RegisterEntry[], webOrigin: string, now: Date): string {
  const active = entries.filter((e) => e.liftedAt === null);
  const ended = entries.filter((e) => e.liftedAt !== null);
  const shownActive = active.slice(0, MAX_ROWS);
  const shownEnded = ended.slice(0, MAX_ROWS - shownActive.length);
  const rows = (list: RegisterEntry[]) => list.map((e) => row(e, webOrigin));
  const unlisted = active.length + ended.length - shownActive.length - shownEnded.length;
  return [
    BAN_REGISTER_MARKER,
    "## Ban register",
    "",
    `Kept by the Code of Conduct app; updated ${formatUtc(now)}. Every ban from a case, and every block an owner made by hand, for later review. Do not edit: the app rewrites this issue.`,
    "",
    `### In force (${active.length})`,
    "",
    ...(active.length ? [HEADER, ...rows(shownActive)] : ["None."]),
    "",
    `### Ended (${ended.length})`,
    "",
    ...(shownEnded.length ? [HEADER, ...rows(shownEnded)] : [ended.length ? "Not listed: see below." : "None."]),
    ...(unlisted > 0 ? ["", `${unlisted} more bans are kept in the app's database and audit log.`] : []),
  ].join("\n");
}

const HEADER = "| Who | Account | Since | Until | By | Case | Ended |\n|---|---|---|---|---|---|---|";

function row(e: RegisterEntry, webOrigin: string): string {
  const kase = e.case ? (e.case.issueNumber === null ? e.case.code : `[${e.case.code}](${webOrigin}/${e.case.casesOwner}/${e.case.casesRepo}/issues/${e.case.issueNumber})`) : "a block made by hand";
  const ended = e.liftedAt ? `${formatUtc(e.liftedAt)} (${e.liftReason ?? "lifted"})` : "";
  const by = e.source === "owner" ? `${quietLogin(e.issuedBy)} on GitHub` : quietLogin(e.issuedBy);
  return `| ${quietLogin(e.subjectLogin)} | \`${e.account}\` | ${formatUtc(e.startsAt)} | ${e.endsAt ? formatUtc(e.endsAt) : "no end"} | ${by} | ${kase} | ${ended} |`;
}
