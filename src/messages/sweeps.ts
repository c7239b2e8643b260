/** What the case says of a raid sweep: what was hidden, where, since when; every link shown inertly. */
import { formatUtc } from "../cases/case-state.js";
import type { AuthoredContent } from "../github/port.js";
import { quietLogin, quietUrl } from "./safe-markdown.js";

/** Items listed one by one; the rest are counted (all of them are kept with the case). */
const LISTED = 100;

const NOUN: Record<AuthoredContent["kind"], string> = { issue_comment: "comment", review: "review", review_comment: "review comment" };

export function sweepReport(login: string, account: string, since: Date, hidden: AuthoredContent[], goneCount: number): string {
  const head = `**Sweep of ${quietLogin(login)} in \`${account}\` since ${formatUtc(since)}:** ${hidden.length === 0 ? "nothing left to hide" : `hid ${hidden.length}`}` +
    `${goneCount > 0 ? ` (${goneCount} deleted meanwhile, or where the app is not installed)` : ""}.`;
  const lines = hidden.slice(0, LISTED).map((item) => `- ${NOUN[item.kind]} ${formatUtc(item.createdAt)}: ${quietUrl(item.url)}`);
  const more = hidden.length > LISTED ? [`- and ${hidden.length - LISTED} more, kept with the case`] : [];
  return [head, ...(lines.length ? ["", ...lines, ...more] : [])].join("\n");
}
