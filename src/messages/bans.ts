/**
 * What the case says of a ban (how it is enforced, that it was lifted, that
 * it is about to lift) and what the banned person is told: what, why, until
 * when, and how to appeal, never who reported.
 */
import { formatUtc } from "../cases/case-state.js";
import { describeDuration } from "../config/duration.js";
import type { BlockRefusal } from "../github/port.js";
import type { LiftReason } from "../store/bans.js";
import type { AppealRoute } from "./people-notices.js";
import { inlineSafe, quietLogin, quietUrl } from "./safe-markdown.js";

interface BanFacts {
  account: string;
  subjectLogin: string;
  startsAt: Date;
  endsAt: Date | null;
}

/** "until 2026-04-03 10:00 UTC (30 days)", or "with no end date". */
export function banTerm(ban: Pick<BanFacts, "startsAt" | "endsAt">): string {
  return ban.endsAt ? `until ${formatUtc(ban.endsAt)} (${describeDuration(ban.endsAt.getTime() - ban.startsAt.getTime())})` : "with no end date";
}

const CANNOT_BLOCK: Record<BlockRefusal, (account: string) => string> = {
  "not-an-organization": (account) => `\`${account}\` is a personal account, and GitHub blocks people through its API only from organizations`,
  "no-permission": () => "the app lacks the optional `organization_user_blocking` permission (see docs/sanctions.md)",
  "cannot-block": () => "GitHub refused to block them (a member of the organization cannot be blocked)",
};

export function banBlockedText(ban: BanFacts, already: boolean): string {
  const by = already ? " They were already blocked there." : "";
  return `**Ban of ${quietLogin(ban.subjectLogin)} in \`${ban.account}\`:** blocked in the organization ${banTerm(ban)}.${by}`;
}

export function banEnforcedByAppText(ban: BanFacts, refusal: BlockRefusal): string {
  return (
    `**Ban of ${quietLogin(ban.subjectLogin)} in \`${ban.account}\`** ${banTerm(ban)}: ${CANNOT_BLOCK[refusal](ban.account)}, so the app enforces the ban itself ` +
    "in the account's repositories it is installed on. A comment, review or review comment they write there is hidden as it arrives, " +
    "and an issue or pull request they open is closed and locked; each is noted here."
  );
}

const LIFTED_BECAUSE: Record<LiftReason, string> = {
  unban: "lifted early with `/coc unban`",
  expired: "its time is up",
  "owner-unblocked": "an owner unblocked them on GitHub; the app leaves that as it is",
  "not-signed-off": "the emergency ban was not signed off in time",
  appeal: "overturned on appeal",
};

export function banLiftedText(ban: Pick<BanFacts, "account" | "subjectLogin">, reason: LiftReason, unblocked: boolean): string {
  const done = unblocked ? " They are unblocked in the organization." : "";
  return `**The ban of ${quietLogin(ban.subjectLogin)} in \`${ban.account}\` is lifted:** ${LIFTED_BECAUSE[reason]}.${done}`;
}

export function banUnblockRefusedText(ban: Pick<BanFacts, "account" | "subjectLogin">, refusal: BlockRefusal): string {
  return `**${quietLogin(ban.subjectLogin)} could not be unblocked in \`${ban.account}\`:** ${CANNOT_BLOCK[refusal](ban.account)}. Unblock them by hand (organization settings → Moderation → Blocked users).`;
}

export function banReminderText(team: string, ban: BanFacts & { endsAt: Date }): string {
  return (
    `@${team} the ban of ${quietLogin(ban.subjectLogin)} in \`${ban.account}\` ends at ${formatUtc(ban.endsAt)}: the app lets them back in then. ` +
    "`/coc unban` lifts it sooner; a new decision is needed to make it longer."
  );
}

export function banForSubjectNotice(code: string, ban: BanFacts, reason: string, appeal: AppealRoute | null = null): string {
  const why = reason ? ` The committee's reason: ${inlineSafe(reason, { maxChars: 1_000 })}.` : "";
  const how = appeal ? `You may appeal the ban until ${formatUtc(appeal.until)}: ${appeal.url}` : "You may appeal the ban; the committee will tell you how.";
  return `The conduct committee banned you from taking part in the repositories of \`${ban.account}\` (case ${code}), ${banTerm(ban)}.${why} ${how}`;
}

export function banDriftText(ban: BanFacts): string {
  return (
    `**Drift:** the ban of ${quietLogin(ban.subjectLogin)} in \`${ban.account}\` is in force ${banTerm(ban)}, but GitHub no longer lists them as blocked there. ` +
    "Someone may have unblocked them by hand without the app hearing of it. The app does not block them again by itself: block them by hand if the ban stands, or `/coc unban` to record it lifted."
  );
}

export interface EnforcedContent {
  what: "comment" | "review" | "review comment" | "issue" | "pull request";
  /** The login the content was written under: a renamed person's new one. */
  authorLogin: string;
  url: string;
}

/** What the case says each time the app enforces a ban on new content. The URL and login come from the banned person's payload. */
export function banEnforcedOnContentText(ban: Pick<BanFacts, "account" | "subjectLogin">, content: EnforcedContent): string {
  const hidden = content.what === "comment" || content.what === "review" || content.what === "review comment";
  const wrote = hidden ? (content.what === "review" ? "submitted" : "wrote") : "opened";
  const as = content.authorLogin.toLowerCase() === ban.subjectLogin.toLowerCase() ? "" : ` as ${quietLogin(content.authorLogin)}`;
  const done = hidden ? "was hidden as abuse" : "was closed and locked";
  return `**Ban of ${quietLogin(ban.subjectLogin)} in \`${ban.account}\` enforced:** a new ${content.what} they ${wrote}${as} ${done}: ${quietUrl(content.url)}.`;
}
