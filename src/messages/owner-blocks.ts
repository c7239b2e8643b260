/** What a case says when an owner blocks or unblocks its banned subject by hand on GitHub. */
import { quietLogin } from "./safe-markdown.js";

export function ownerBlockedText(owner: string, ban: { account: string; subjectLogin: string }): string {
  return `${quietLogin(owner)} blocked ${quietLogin(ban.subjectLogin)} in \`${ban.account}\` by hand on GitHub. The block is theirs: it stays when this case's ban ends.`;
}

export function ownerUnblockedText(owner: string, ban: { account: string; subjectLogin: string }): string {
  return (
    `${quietLogin(owner)} unblocked ${quietLogin(ban.subjectLogin)} in \`${ban.account}\` by hand on GitHub, so this case's ban is recorded as lifted by them. ` +
    "The app does not block them again; if the ban should stand, decide it again in the case."
  );
}
