/**
 * How a sanctioned person appeals: for how long after a decision, where the
 * appeal goes and who reviews it.
 *
 * ```yaml
 * appeals:
 *   window: 30d               # how long after a decision it can be appealed
 *   repo: coc-appeals         # optional: a separate private repository for appeals
 *   team: coc-appeals-board   # optional: who reviews appeals (default: the committee team)
 *   max_length: 5000          # characters an appeal may have
 * ```
 *
 * Protected keys (read only from the owner's `.github` repository): they
 * decide who reviews decisions about people.
 */
import { z } from "zod";
import { duration, repoRef, teamSlug } from "./fields.js";

export const appealsSchema = z
  .strictObject(
    {
      window: duration({ allowZero: false })
        .prefault("30d")
        .describe("How long after a decision (a warning, a ban, a decided case) its subject can appeal it, e.g. 30d."),
      repo: repoRef
        .optional()
        .describe("A separate private repository where each appeal is also opened as an issue, for reviewers who do not work the cases; a name in the same account, or owner/name."),
      team: teamSlug
        .optional()
        .describe("The team whose members review appeals (with /coc appeal uphold|overturn|modify); default: the committee team. Members who took part in a decision never review it."),
      max_length: z
        .number({ error: "must be a whole number of characters, from 500 to 20000" })
        .int({ error: "must be a whole number of characters, from 500 to 20000" })
        .min(500, { error: "must be a whole number of characters, from 500 to 20000" })
        .max(20_000, { error: "must be a whole number of characters, from 500 to 20000" })
        .default(5000)
        .describe("How many characters an appeal may have; the appeal page shows the limit."),
    },
    { error: "must be a mapping of appeal settings" },
  )
  // Where the appeal pages are is the operator's setting (APP_URL), never the file's: loadTrustedConfig sets it.
  .transform((appeals) => ({ ...appeals, pageUrl: null as string | null }))
  .describe("Appeals: how long a sanctioned person can appeal a decision, where the appeal goes and who reviews it.");
