/**
 * The SMTP mailer against a real mail server on loopback: what the person
 * receives (sender, recipient, subject, Message-ID, text), and how the
 * server's refusals and failures are told apart, never quoting the address.
 */
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EmailRefusedError, messageIdFor, type OutgoingEmail } from "../../src/mail/mailer.js";
import { createSmtpMailer, EmailNotSentError } from "../../src/mail/smtp-mailer.js";
import { startMailServer, type MailServer } from "../support/mail-server.js";

const FROM = { name: "Conduct committee", address: "coc@example.org" };
const EMAIL: OutgoingEmail = {
  to: "tom@example.net",
  subject: "Conduct committee: case COC-2026-0001",
  text: "The conduct committee decided on case COC-2026-0001, about your conduct: `reminder`.\n\n-- \nReplies go to coc@example.org.\n",
  messageId: "<coc-notice.a1@example.org>",
};

describe("the SMTP mailer", () => {
  let mail: MailServer;
  beforeEach(async () => {
    mail = await startMailServer();
  });
  afterEach(() => mail.close());

  it("sends one plain-text message, from MAIL_FROM, to the person alone, with the Message-ID it was given", async () => {
    await createSmtpMailer(mail.url, FROM).send(EMAIL);
    expect(mail.received).toHaveLength(1);
    const [received] = mail.received;
    expect(received!.envelopeFrom).toBe("coc@example.org");
    expect(received!.envelopeTo).toEqual(["tom@example.net"]);
    expect(received!.header("from")).toBe("Conduct committee <coc@example.org>");
    expect(received!.header("to")).toBe("tom@example.net");
    expect(received!.header("cc")).toBeUndefined();
    expect(received!.header("subject")).toBe("Conduct committee: case COC-2026-0001");
    expect(received!.header("message-id")).toBe("<coc-notice.a1@example.org>");
    expect(received!.header("content-type")).toMatch(/^text\/plain; charset=utf-8/);
    expect(received!.text).toBe(EMAIL.text);
  });

  it("sends from the bare address when MAIL_FROM has no display name", async () => {
    await createSmtpMailer(mail.url, { name: null, address: "coc@example.org" }).send(EMAIL);
    expect(mail.received[0]!.header("from")).toBe("coc@example.org");
  });

  it.each(["RCPT TO", "DATA"] as const)("reports a 5xx answer to %s as refused for good, without the address", async (stage) => {
    mail.answerNext(stage, 550);
    const error = await createSmtpMailer(mail.url, FROM).send(EMAIL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailRefusedError);
    expect(error).toMatchObject({ replyCode: 550, message: "the mail server refused the email (reply 550)" });
    expect(mail.received).toEqual([]);
  });

  it("reports a 4xx answer as a failure for now, which a later attempt may get past", async () => {
    mail.answerNext("RCPT TO", 451);
    const error = await createSmtpMailer(mail.url, FROM).send(EMAIL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailNotSentError);
    expect((error as Error).message).toBe("the mail server answered 451 to RCPT TO; the email will be tried again");
    await createSmtpMailer(mail.url, FROM).send(EMAIL);
    expect(mail.received).toHaveLength(1);
  });

  it("reports the app's own settings refused (sender, login) as a failure to fix and retry, not as the person's address refused", async () => {
    mail.answerNext("MAIL FROM", 550);
    const sender = await createSmtpMailer(mail.url, FROM).send(EMAIL).catch((e: unknown) => e);
    expect(sender).toBeInstanceOf(EmailNotSentError);
    expect((sender as Error).message).toBe("the mail server answered 550 to MAIL FROM; check SMTP_URL and MAIL_FROM; the email will be tried again");

    const guarded = await startMailServer({ login: { user: "coc", pass: "right" } });
    try {
      const wrongPassword = guarded.url.replace("coc:right@", "coc:wrong@");
      const login = await createSmtpMailer(wrongPassword, FROM).send(EMAIL).catch((e: unknown) => e);
      expect(login).toBeInstanceOf(EmailNotSentError);
      expect((login as Error).message).toMatch(/^the mail server answered 535 to AUTH \w+; check SMTP_URL and MAIL_FROM/);
      expect((login as Error).message).not.toContain("wrong");
      await createSmtpMailer(guarded.url, FROM).send(EMAIL);
      expect(guarded.received).toHaveLength(1);
    } finally {
      await guarded.close();
    }
  });

  it("reports a mail server it cannot reach as a failure for now", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await createSmtpMailer(`smtp://127.0.0.1:${port}`, FROM).send(EMAIL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailNotSentError);
    expect((error as Error).message).toMatch(/^the email could not be sent \(E[A-Z]+\); it will be tried again$/);
  });

  it("sends nothing once its job's signal is aborted", async () => {
    const controller = new AbortController();
    controller.abort(new Error("job timed out"));
    await expect(createSmtpMailer(mail.url, FROM).send(EMAIL, { signal: controller.signal })).rejects.toBeInstanceOf(EmailNotSentError);
    expect(mail.received).toEqual([]);
  });
});

describe("messageIdFor", () => {
  it("depends only on the key and the sender's domain, so a resend carries the same Message-ID", () => {
    const id = messageIdFor("coc-notice.0b7c3a52-1f00-4c1e-9d7a-3c9e2f1d5a10", FROM);
    expect(id).toBe("<coc-notice.0b7c3a52-1f00-4c1e-9d7a-3c9e2f1d5a10@example.org>");
    expect(messageIdFor("coc-notice.0b7c3a52-1f00-4c1e-9d7a-3c9e2f1d5a10", { name: null, address: "other@example.org" })).toBe(id);
    expect(messageIdFor("coc-notice.another", FROM)).not.toBe(id);
  });
});
