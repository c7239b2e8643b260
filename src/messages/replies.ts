/**
 * Replies to the person who issued a `/coc` command in a public thread. Every
 * one of them may be read by the person reported, so none names a case, a
 * reason, a subject or the flagged content: only what the commander must fix.
 */
import { quietLogin } from "./safe-markdown.js";

function addressed(login: string, text: string): string {
  // A real @-mention is intended here: the commander must be notified of the problem.
  return `@${login} ${text}`;
}

export function unknownCommandReply(login: string, name: string, validNames: string[]): string {
  const list = validNames.map((n) => `\`/coc ${n}\``).join(", ");
  const what = name ? `\`/coc ${name.slice(0, 40).replace(/`/g, "")}\` is not a command` : "`/coc` needs a command";
  return addressed(login, `${what}. Valid commands here: ${list}.`);
}

export function configErrorReply(login: string, message: string): string {
  // The message may echo a value from the file; a zero-width joiner keeps an echoed @name from notifying anyone.
  return addressed(login, `the \`/coc\` command did not run. ${message.replace(/@/g, "@\u200d")}`);
}

export function userErrorReply(login: string, message: string): string {
  return addressed(login, `the \`/coc\` command did not run: ${message}`);
}

/** Only ever posted in a private repository's thread: elsewhere it would reveal that a report was made. */
export function casesRepoNotPrivateReply(login: string, casesRepo: string): string {
  return addressed(
    login,
    `the \`/coc\` command was recorded, but its case file cannot be written: ${quietLogin(casesRepo)} is not a private repository. ` +
      "Nothing is lost: it is written as soon as the repository is private.",
  );
}

export function internalErrorReply(login: string): string {
  return addressed(login, "an internal error occurred while running the `/coc` command. It has been logged; nothing was posted anywhere.");
}
