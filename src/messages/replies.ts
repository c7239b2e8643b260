/**
 * What the app answers the person who issued a `/coc` command that did not do
 * what they asked. The answer goes to the thread only in the cases repository,
 * else to the cases repository's notice board (see `ReplyRoute`); either way
 * it never names a case, a reason, a subject or the flagged content: only what
 * the commander must fix. The store addresses it to them.
 */

/** First line of a reply, so a retried post is recognised; it shows nothing on GitHub. */
export function replyMarker(actionId: string): string {
  return `<!-- coc-reply:${actionId} -->`;
}

export function unknownCommandReply(name: string, validNames: string[]): string {
  const list = validNames.map((n) => `\`/coc ${n}\``).join(", ");
  const what = name ? `\`/coc ${name.slice(0, 40).replace(/`/g, "")}\` is not a command` : "`/coc` needs a command";
  return `${what}. Valid commands here: ${list}.`;
}

export function configErrorReply(message: string): string {
  return `the \`/coc\` command did not run. ${unmentioned(message)}`;
}

export function userErrorReply(message: string): string {
  return `the \`/coc\` command did not run: ${unmentioned(message)}`;
}

/** A message may echo a value from a configuration file: a zero-width joiner keeps an echoed @name or #123 from notifying or linking. */
function unmentioned(message: string): string {
  return message.replace(/@/g, "@\u200d").replace(/#(?=\d)/g, "#\u200d");
}

export function appTurnedOffReply(): string {
  return "the `/coc` command did not run: the app is turned off in this repository (`enabled: false` in its `.github/coc.yml`).";
}

export function unreadableCommentReply(): string {
  return (
    "the comment was too intricate to read in time, so no `/coc` command in it ran, and it was removed so that no command stays in it. " +
    "Write the command in a short comment of its own."
  );
}

export function internalErrorReply(): string {
  return "an internal error occurred while running the `/coc` command. It has been logged; nothing was posted anywhere.";
}
