/**
 * `/coc sweep [@login] [since <length>]`: when one person posts abuse across
 * many threads, hide all of it at once, e.g.
 *
 *   /coc sweep @troll-tom
 *   /coc sweep @troll-tom since 3d
 *
 * Hides every comment, review and review comment the person (the case's
 * subject by default) wrote in the account's repositories within the window
 * (24 hours by default, a month at most), in a few batched requests, and
 * lists each in the case. Issue and pull request bodies cannot be hidden on
 * GitHub: lock or close those.
 */
import { formatUtc } from "../../cases/case-state.js";
import { typedLogin } from "../../cases/logins.js";
import { contentKeyRepo } from "../../cases/plan-flag.js";
import { describeDuration, parseDuration } from "../../config/duration.js";
import { quietLogin } from "../../messages/safe-markdown.js";
import { caseCommand } from "../command-spec.js";
import { UserError } from "../user-error.js";
import { recordCommandResult } from "./case-change.js";

const DEFAULT_WINDOW_MS = 86_400_000;
/** GitHub's search finds threads by when they were updated; a month is the longest window a raid needs. */
const MAX_WINDOW_MS = 31 * 86_400_000;

export const sweepCommand = caseCommand({
  name: "sweep",
  usage: "/coc sweep [@login] [since <length>]",
  summary: "Hide everything one person wrote in the account's repositories lately (a raid).",
  details:
    "Hides every comment, review and review comment by the person (the case's subject by default) in the account's repositories " +
    `within the window (\`since 24h\` by default, at most ${describeDuration(MAX_WINDOW_MS)}), in a few batched requests, and lists each in the case.`,
  async run(ctx) {
    const words = [...ctx.event.command.args];
    const named = words[0]?.startsWith("@") ? words.shift()! : undefined;
    const login = named === undefined ? ctx.caseFile.subjectLogin : typedLogin(named);
    if (!login) throw new UserError(`\`${named!.slice(0, 60)}\` is not a GitHub login: write \`@login\`.`);
    const windowMs = parseWindow(words);
    const since = new Date(ctx.now.getTime() - windowMs);
    const account = contentKeyRepo(ctx.caseFile.contentKey).owner;
    await recordCommandResult(ctx, {
      audit: [{ actor: ctx.event.sender, action: "sweep.requested", detail: { login, since: since.toISOString() } }],
      actions: [{ kind: "sweep", caseId: ctx.caseFile.id, login, since: since.toISOString(), requestedBy: ctx.event.sender }],
      reply: `sweeping what ${quietLogin(login)} wrote in \`${account}\` since ${formatUtc(since)}: the case will list each comment, review and review comment hidden.`,
    });
  },
});

function parseWindow(words: string[]): number {
  if (words.length === 0) return DEFAULT_WINDOW_MS;
  const [keyword, length, ...rest] = words;
  if (keyword?.toLowerCase() !== "since" || length === undefined || rest.length > 0) throw new UserError("the form is `/coc sweep [@login] [since <length>]`, e.g. `/coc sweep @troll-tom since 3d`.");
  const ms = parseDuration(length);
  if (ms === undefined || ms === 0) throw new UserError(`\`${length}\` is not a length: write e.g. \`90m\`, \`24h\` or \`3d\`.`);
  if (ms > MAX_WINDOW_MS) throw new UserError(`a sweep reaches back ${describeDuration(MAX_WINDOW_MS)} at most; flag older content one by one.`);
  return ms;
}
