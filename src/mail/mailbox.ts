/**
 * The address the app's emails come from and replies go to, as `MAIL_FROM`
 * is written: `coc@example.org`, or with a display name,
 * `Conduct committee <coc@example.org>`. Checked at start-up, so a typo
 * stops the app instead of every email failing later.
 */

export interface Mailbox {
  /** The display name, or null when there is none. */
  name: string | null;
  address: string;
}

// Deliberately narrower than RFC 5322: no comments, no quoted local parts, and a domain with at least
// one dot, since the domain also names the app's Message-IDs (see `messageIdFor`).
const LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
const ADDRESS = new RegExp(`^[A-Za-z0-9.!#$%&'*+/=?^_\`{|}~-]+@${LABEL}(?:\\.${LABEL})+$`);
const WITH_NAME = /^(.*?)\s*<([^<>]*)>$/;

/** The mailbox, or null when the text is not one address with an optional display name. */
export function parseMailbox(text: string): Mailbox | null {
  // A line break would let the value add headers of its own to every email.
  if (/[\r\n]/.test(text)) return null;
  const trimmed = text.trim();
  const named = WITH_NAME.exec(trimmed);
  const address = (named ? named[2]! : trimmed).trim();
  if (!ADDRESS.test(address)) return null;
  const name = named ? named[1]!.trim().replace(/^"(.*)"$/, "$1").trim() : "";
  if (/["<>]/.test(name)) return null;
  return { name: name === "" ? null : name, address };
}
