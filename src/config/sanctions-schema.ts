/**
 * How sanctions work for a community: the strike rule that formal warnings
 * count against.
 *
 * ```yaml
 * strikes:
 *   threshold: 3        # warnings that make the rule's action due
 *   window: 365d        # how long a strike counts; absent: until voided
 *   on_threshold: propose
 * ```
 *
 * Protected keys (read only from the owner's `.github` repository): they
 * decide what happens to people.
 */
import { z } from "zod";
import { duration } from "./fields.js";

/** What the app does when a strike brings a person to the threshold. */
export const ON_THRESHOLD = ["propose"] as const;
export type OnThreshold = (typeof ON_THRESHOLD)[number];

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
      on_threshold: z
        .enum(ON_THRESHOLD, { error: "must be propose" })
        .default("propose")
        .describe(
          "What happens when a warning brings a person to the threshold: propose (the app opens a permanent-ban proposal in the case for the committee to vote on, withdraw or replace).",
        ),
    },
    { error: "must be a mapping of strike settings" },
  )
  .describe("The strike rule: formal warnings (/coc warn, the warning outcome) count against a person across the account's repositories.");
