/**
 * Email, for the notices that cannot reach a person on GitHub. The app sends
 * one plain-text message to one person at a time, from `MAIL_FROM`; the SMTP
 * mailer (`smtp-mailer.ts`) sends it for real, and tests use a real local
 * mail server. Without `SMTP_URL` there is no mailer at all.
 */
import type { Mailbox } from "./mailbox.js";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** The same for every attempt at the same message (`messageIdFor`), so mail systems can recognise a resend. */
  messageId: string;
}

export interface Mailer {
  /** Who the emails come from, and where replies go. */
  readonly from: Mailbox;
  /**
   * Resolves once the mail server accepted the message. Throws `EmailRefusedError` when the
   * server refused the recipient or the message for good; any other failure may pass on a
   * later attempt (a server that cannot be reached, a 4xx answer, the app's own settings refused).
   */
  send(email: OutgoingEmail, options?: { signal?: AbortSignal }): Promise<void>;
}

/** The mail server refused the recipient or the message for good: sending it again cannot help. */
export class EmailRefusedError extends Error {
  override readonly name = "EmailRefusedError";

  /** @param replyCode the server's SMTP reply, e.g. 550; null when the address could not even be used */
  constructor(readonly replyCode: number | null) {
    super(replyCode === null ? "the recipient's address cannot be used" : `the mail server refused the email (reply ${replyCode})`);
  }
}

/**
 * A Message-ID that depends only on `key` and the sender's domain: a message sent again after a
 * crash carries the same one, which mail systems use to recognise it as the same message.
 */
export function messageIdFor(key: string, from: Mailbox): string {
  const domain = from.address.slice(from.address.lastIndexOf("@") + 1);
  return `<${key.replace(/[^A-Za-z0-9.-]/g, "-")}@${domain}>`;
}
