/**
 * Sends the app's emails to people through the mail server of `SMTP_URL`,
 * with nodemailer: one connection per message (notices are few), STARTTLS
 * whenever an smtp:// server offers it, and timeouts short enough for a send
 * to end well within its job's time. Failures are reported without the
 * server's words, which can quote the recipient's address.
 */
import nodemailer from "nodemailer";
import type { Mailbox } from "./mailbox.js";
import { EmailRefusedError, type Mailer, type OutgoingEmail } from "./mailer.js";

/** Each is less than a quarter of a job's two minutes (JOB_TIMEOUT_MS), so a send that hangs fails in its own job. */
const TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, dnsTimeout: 20_000, socketTimeout: 30_000 };

/** What nodemailer attaches to its errors (see its `NodemailerError`). */
interface SmtpFailure {
  code?: string;
  command?: string;
  responseCode?: number;
  permanent?: boolean;
}

/** An email that was not sent this time and may be on a later attempt; the message names no address. */
export class EmailNotSentError extends Error {
  override readonly name = "EmailNotSentError";

  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** @param url SMTP_URL; a query string in it (`?connectionTimeout=60000`) overrides the defaults above. */
export function createSmtpMailer(url: string, from: Mailbox): Mailer {
  const transport = nodemailer.createTransport({ ...TIMEOUTS, url });
  return {
    from,
    async send(email: OutgoingEmail, options: { signal?: AbortSignal } = {}) {
      try {
        await transport.sendMail({
          from: from.name ? { name: from.name, address: from.address } : from.address,
          to: email.to,
          subject: email.subject,
          text: email.text,
          messageId: email.messageId,
          ...(options.signal ? { signal: options.signal } : {}),
        });
      } catch (error) {
        throw whyNotSent(error as SmtpFailure);
      }
    },
  };
}

/**
 * A 5xx reply to the recipient (RCPT TO) or to the message (DATA) refuses this email for good.
 * A 5xx to the app's own login or sender (AUTH, MAIL FROM) is a setting to fix, and is retried
 * like a server that cannot be reached: once it is fixed, the email goes out.
 */
function whyNotSent(failure: SmtpFailure): Error {
  const { code, command, responseCode } = failure;
  // nodemailer sets `permanent` with every SMTP reply: true for 5xx but 503 (a command out of sequence, which a new connection passes).
  if (failure.permanent === true && (command === "RCPT TO" || command === "DATA")) return new EmailRefusedError(responseCode ?? null);
  // Checked before anything is sent: nodemailer could not use the address as a recipient.
  if (code === "EENVELOPE" && command === "API") return new EmailRefusedError(null);
  if (responseCode !== undefined) {
    const own = command === "MAIL FROM" || command?.startsWith("AUTH") === true;
    const what = own ? "; check SMTP_URL and MAIL_FROM" : "";
    return new EmailNotSentError(`the mail server answered ${responseCode} to ${command ?? "the app"}${what}; the email will be tried again`, code);
  }
  return new EmailNotSentError(`the email could not be sent (${code ?? "unknown error"}); it will be tried again`, code);
}
