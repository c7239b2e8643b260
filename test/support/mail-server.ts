/**
 * A real mail server on 127.0.0.1 (random port), for tests of the app's
 * emails: it keeps every message it accepts, as sent over SMTP, and can be
 * told to answer the next commands of a stage with a reply of the test's
 * choosing (550: refused for good; 451: try again later).
 *
 *   const mail = await startMailServer();
 *   createSmtpMailer(mail.url, …);
 *   mail.answerNext("RCPT TO", 550);
 *   mail.received[0].header("subject");
 */
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerSession } from "smtp-server";

export interface ReceivedEmail {
  /** The envelope: who the server was told the message is from and to. */
  envelopeFrom: string;
  envelopeTo: string[];
  /** A header's value, unfolded; undefined when the message has none. */
  header(name: string): string | undefined;
  /** The body, its transfer encoding undone. */
  text: string;
}

export type Stage = "AUTH" | "MAIL FROM" | "RCPT TO" | "DATA";

export interface MailServer {
  /** An smtp:// URL for SMTP_URL; with `login`, the server asks for it and refuses any other. */
  url: string;
  received: ReceivedEmail[];
  /** The next `times` commands of this stage are answered `code` instead of accepted. */
  answerNext(stage: Stage, code: number, times?: number): void;
  close(): Promise<void>;
}

export async function startMailServer(options: { login?: { user: string; pass: string } } = {}): Promise<MailServer> {
  const answers = new Map<Stage, { code: number; times: number }>();
  const received: ReceivedEmail[] = [];
  // Answers the planned reply for this stage, if any; true when it did.
  const planned = (stage: Stage, callback: (error?: Error | null) => void): boolean => {
    const next = answers.get(stage);
    if (!next || next.times === 0) return false;
    next.times -= 1;
    callback(Object.assign(new Error(`refused by the test at ${stage}`), { responseCode: next.code }));
    return true;
  };
  const server = new SMTPServer({
    // Plain SMTP on loopback: the client's STARTTLS would need a certificate it trusts.
    disabledCommands: options.login ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    allowInsecureAuth: true,
    authOptional: !options.login,
    logger: false,
    onAuth(auth, _session, callback) {
      if (planned("AUTH", (error) => callback(error))) return;
      if (auth.username === options.login?.user && auth.password === options.login?.pass) return callback(null, { user: auth.username });
      callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
    },
    onMailFrom(_address, _session, callback) {
      if (!planned("MAIL FROM", callback)) callback();
    },
    onRcptTo(_address, _session, callback) {
      if (!planned("RCPT TO", callback)) callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (planned("DATA", callback)) return;
        received.push(parseEmail(session, Buffer.concat(chunks).toString("utf8")));
        callback(null, "queued");
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  const auth = options.login ? `${encodeURIComponent(options.login.user)}:${encodeURIComponent(options.login.pass)}@` : "";
  return {
    url: `smtp://${auth}127.0.0.1:${port}`,
    received,
    answerNext: (stage, code, times = 1) => answers.set(stage, { code, times }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function parseEmail(session: SMTPServerSession, raw: string): ReceivedEmail {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const headers = new Map<string, string>();
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const body = raw.slice(split + 4);
  return {
    envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
    envelopeTo: session.envelope.rcptTo.map((to) => to.address),
    header: (name) => headers.get(name.toLowerCase()),
    text: decodeBody(body, headers.get("content-transfer-encoding") ?? "7bit").replace(/\r\n/g, "\n"),
  };
}

function decodeBody(body: string, encoding: string): string {
  switch (encoding.toLowerCase()) {
    case "base64":
      return Buffer.from(body, "base64").toString("utf8");
    case "quoted-printable": {
      const unwrapped = body.replace(/=\r\n/g, "");
      const bytes: number[] = [];
      for (let i = 0; i < unwrapped.length; i++) {
        const hex = unwrapped[i] === "=" ? unwrapped.slice(i + 1, i + 3) : "";
        if (/^[0-9A-F]{2}$/i.test(hex)) {
          bytes.push(parseInt(hex, 16));
          i += 2;
        } else bytes.push(...Buffer.from(unwrapped[i]!, "utf8"));
      }
      return Buffer.from(bytes).toString("utf8");
    }
    default:
      return body;
  }
}
