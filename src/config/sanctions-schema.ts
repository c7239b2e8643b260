/**
 * How sanctions work for a community: the strike rule that formal warnings
 * count against, and the reminder before a temporary ban lifts.
 *
 * ```yaml
 * strikes:
 *   threshold: 3        # warnings that make the rule's action due
 *   window: 365d        # how long a strike counts; absent: until voided
 *   on_threshold: propose   # or: ban 30d, ban permanent
 * bans:
 *   remind_before: 1d
 * ```
 *
 * Protected keys (read only from the owner's `.github` repository): they
 * decide what happens to people.
 */
import { z } from "zod";
import { DURATION_FORMS } from "./duration.js";
import { duration } from "./fields.js";
import { parseBanLength } from "../cases/sanction-terms.js";

/** What the app does when a strike brings a person to the threshold: a proposal, or a ban at once (`lengthMs` null: permanent). */
export type OnThreshold = { action: "propose" } | { action: "ban"; lengthMs: number | null };

const ON_THRESHOLD_ERROR = `must be propose, or ban followed by permanent or ${DURATION_FORMS}`;

const onThreshold = z
  .string({ error: ON_THRESHOLD_ERROR })
  .regex(/^(propose|ban (permanent|[0-9]{1,6}[smhdw]))$/, { error: ON_THRESHOLD_ERROR })
  .transform((written, ctx): OnThreshold => {
    if (written === "propose") return { action: "propose" };
    const length = parseBanLength(written.slice("ban ".length));
    if (!length.ok) {
      ctx.addIssue({ code: "custom", input: written, message: ON_THRESHOLD_ERROR });
      return z.NEVER;
    }
    return { action: "ban", lengthMs: length.value };
  });

export const strikesSchema = z
  .strictObject(
    {
      threshold: z
        .number({ error: "must be a whole number of warnings, 1 or more" })
        .int({ error: "must be a whole number of warnings, 1 or more" })
        .min(1, { error: "must be a whole number of warnings, 1 or more" })
        .max(100, { error: "must be at most 100" })
        .default(3)
        .describe("How many active warnings (strikes) a person may collect before on_threshold applies."),
      /** Absent: a strike counts until it is voided. */
      window: duration({ allowZero: false })
        .optional()
        .describe("How long a strike counts, e.g. 365d; leave it out for strikes to count until voided."),
      on_threshold: onThreshold
        .prefault("propose")
        .describe(
          "What happens when a warning brings a person to the threshold: propose (the app opens a permanent-ban proposal in the case for the committee to vote on, withdraw or replace), or ban <length|permanent> (the app bans at once, as an emergency act another committee member must sign off).",
        ),
    },
    { error: "must be a mapping of strike settings" },
  )
  .describe("The strike rule: formal warnings (/coc warn, the warning outcome) count against a person across the account's repositories.");

export const bansSchema = z
  .strictObject(
    {
      remind_before: duration({ allowZero: true })
        .prefault("1d")
        .describe("How long before a temporary ban lifts the committee is reminded in its case; 0s: no reminder."),
    },
    { error: "must be a mapping of ban settings" },
  )
  .describe("How bans are followed: the reminder before a temporary ban lifts.");
