/**
 * The kinds of value `.github/coc.yml` holds (repository, team slug,
 * username, length of time), each with the sentence a person reads when one
 * is wrong:
 *
 *   `committee.team` must be a team slug as in the team's URL, without the organization (e.g. coc-committee)
 *   `deadlines.acknowledge` must be a duration such as 90m, 24h, 7d or 2w (units s, m, h, d, w; m is minutes)
 *
 * Each `error` is the end of a sentence that starts with the field's path,
 * see `load.ts`.
 */
import { z } from "zod";
import { DURATION_FORMS, DURATION_PATTERN, parseDuration, type Milliseconds } from "./duration.js";

// GitHub usernames are letters, digits and hyphens, up to 39 characters,
// starting with a letter or digit. Older accounts may have doubled or trailing
// hyphens and Enterprise Managed Users carry an `_shortcode` suffix, so the
// rest of the name is allowed those too: rejecting a real account would leave
// a community unable to configure the app at all.
const LOGIN = "[A-Za-z0-9][A-Za-z0-9_-]{0,38}";

// Repository names are letters, digits, `.`, `_` and `-`, up to 100
// characters; `.` and `..` are reserved.
const REPO_NAME = "(?!\\.\\.?$)[A-Za-z0-9._-]{1,100}";

// Team slugs are the lower-case, hyphenated form of the team name seen in the
// team's URL. Upper case is accepted and lowered because people often copy the
// team's display name when it is already a single word.
const TEAM_SLUG = "[A-Za-z0-9_-]{1,100}";

/** A repository in the same account (`coc-cases`) or elsewhere (`my-org/coc-cases`). */
export const repoRef = z
  .string({ error: "must be a repository name or owner/name" })
  .regex(new RegExp(`^(?:${LOGIN}/)?${REPO_NAME}$`), {
    error: "must be a repository name or owner/name",
  });

/** A team slug in the organization that owns the repository. */
export const teamSlug = z
  .string({ error: "must be a team slug" })
  .regex(new RegExp(`^${TEAM_SLUG}$`), {
    error:
      "must be a team slug as in the team's URL, without the organization (e.g. coc-committee)",
  })
  // `overwrite` keeps the schema a plain string (unlike `transform`), so its
  // default still shows in the JSON Schema.
  .toLowerCase();

/** A GitHub username; a leading `@` is dropped since people write mentions. */
export const login = z
  .string({ error: "must be a GitHub username" })
  .regex(new RegExp(`^@?${LOGIN}$`), {
    error: "must be a GitHub username (letters, digits and hyphens)",
  })
  .overwrite((name) => name.replace(/^@/, ""));

/** A length of time as written (`24h`), before it becomes milliseconds. */
export const durationText = z
  .string({ error: `must be ${DURATION_FORMS}` })
  .regex(DURATION_PATTERN, { error: `must be ${DURATION_FORMS}` });

// Written as a pattern rather than a refinement so editors flag `0s` too.
const NOT_ZERO = /^(?!0+[smhdw]$)/;

/**
 * A length of time, read as milliseconds. `allowZero` is for waits that may
 * be skipped (`0s`: at once); a deadline of zero would be missed the moment
 * it is set, so deadlines refuse it.
 */
export function duration(options: { allowZero: boolean }): z.ZodPipe<z.ZodString, z.ZodTransform<Milliseconds, string>> {
  const text = options.allowZero ? durationText : durationText.regex(NOT_ZERO, { error: "must be longer than 0s" });
  // The pattern has already been checked, so the parse always succeeds.
  return text.transform((written) => parseDuration(written) ?? Number.NaN);
}
