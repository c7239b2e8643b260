/**
 * A notice to a reporter or subject as the email that tells them: a subject
 * that says no more than the case's code (a mailbox's list of subjects is seen
 * by more eyes than the messages), the notice as plain text, and one line on
 * who writes and where replies go.
 */
import type { Mailbox } from "../mail/mailbox.js";
import { plainText } from "./safe-markdown.js";

export interface NoticeEmail {
  subject: string;
  text: string;
}

/**
 * @param notice the notice as the case shows it (Markdown), already written for this person alone
 * @param community the account whose conduct committee writes, as GitHub names it
 */
export function noticeEmail(code: string, notice: string, community: string, from: Mailbox): NoticeEmail {
  return {
    subject: `Conduct committee: case ${code}`,
    text: `${plainText(notice)}\n\n-- \nThis message comes from the conduct committee of ${community} on GitHub; replies go to the committee at ${from.address}.\n`,
  };
}
