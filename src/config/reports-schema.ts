/**
 * How the private report form (`/report`) speaks for a community: the safety
 * guidance shown to someone who says a person is in danger, and how long the
 * account of what happened may be.
 *
 * ```yaml
 * reports:
 *   safety: >-
 *     If anyone is in immediate danger, call your local emergency number.
 *     Then write to safety@example.org; someone reads it within the hour.
 *   max_length: 3000
 * ```
 *
 * Protected keys (read only from the owner's `.github` repository): the
 * guidance tells people in danger what to do, which nobody who can push to one
 * repository should be able to rewrite.
 */
import { z } from "zod";

/** The longest account of what happened the form takes; a community may ask for less, never more (the page's body limit). */
export const MAX_ACCOUNT_LENGTH = 5_000;

/** Written for this app; a community replaces it with its own contacts. */
export const DEFAULT_SAFETY_GUIDANCE =
  "If someone is in immediate danger, contact your local emergency services first: this form is read by volunteers, " +
  "not around the clock. If you are being threatened or targeted online, keep copies of what was sent, block the " +
  "account, and tell someone you trust. Then send this report, so that the committee can act on GitHub as well.";

export const reportsSchema = z
  .strictObject(
    {
      /** Shown on the report form and its receipt when the reporter says someone is in danger. */
      safety: z
        .string({ error: "must be text" })
        .trim()
        .min(1, { error: "must not be empty" })
        .max(2_000, { error: "must be at most 2000 characters" })
        .default(DEFAULT_SAFETY_GUIDANCE)
        .describe(
          "Safety guidance shown on the report form, and on its receipt, to someone who says a person is in danger: who to call, and how to reach the committee fast.",
        ),
      /** Characters allowed in "what happened". */
      max_length: z
        .number({ error: `must be a whole number of characters from 500 to ${MAX_ACCOUNT_LENGTH}` })
        .int({ error: `must be a whole number of characters from 500 to ${MAX_ACCOUNT_LENGTH}` })
        .min(500, { error: `must be a whole number of characters from 500 to ${MAX_ACCOUNT_LENGTH}` })
        .max(MAX_ACCOUNT_LENGTH, { error: `must be a whole number of characters from 500 to ${MAX_ACCOUNT_LENGTH}` })
        .default(MAX_ACCOUNT_LENGTH)
        .describe(`How many characters the report form takes for what happened (500 to ${MAX_ACCOUNT_LENGTH}).`),
    },
    { error: "must be a mapping with safety and max_length keys" },
  )
  .describe("The private report form: its safety guidance and the length of a report.");
