/**
 * The shape of `.github/coc.yml`: which private repository holds the cases,
 * which team handles them, who may `/coc flag`, and what flagging does.
 *
 * ```yaml
 * cases:
 *   repo: my-org/coc-cases
 * committee:
 *   team: conduct-committee
 * moderators:
 *   users: [octocat]
 * flag:
 *   hide: true
 * ```
 *
 * This zod schema is the single source for validation, defaults, the
 * `CocConfig` type and the JSON Schema offered to editors
 * (`docs/coc.schema.json`). JSDoc is for people reading the code; the
 * `.describe()` text is what users see in their editor, so write it for them.
 * Each `error` is the end of a sentence that starts with the field's path
 * ("`flag.hide` must be true or false"), see `load.ts`.
 *
 * To add a section (deadlines, sanctions, …): write one `z.strictObject` for
 * it next to the others, then add it to `cocConfigSchema`. A section that
 * turns a feature on should be `.optional()` (absent means off); a section the
 * app always needs gets `.prefault({})` so its field defaults apply.
 */
import { z } from "zod";

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
const repoRef = z
  .string({ error: "must be a repository name or owner/name" })
  .regex(new RegExp(`^(?:${LOGIN}/)?${REPO_NAME}$`), {
    error: "must be a repository name or owner/name",
  });

/** A team slug in the organization that owns the repository. */
const teamSlug = z
  .string({ error: "must be a team slug" })
  .regex(new RegExp(`^${TEAM_SLUG}$`), {
    error:
      "must be a team slug as in the team's URL, without the organization (e.g. coc-committee)",
  })
  // `overwrite` keeps the schema a plain string (unlike `transform`), so its
  // default still shows in the JSON Schema.
  .toLowerCase();

/** A GitHub username; a leading `@` is dropped since people write mentions. */
const login = z
  .string({ error: "must be a GitHub username" })
  .regex(new RegExp(`^@?${LOGIN}$`), {
    error: "must be a GitHub username (letters, digits and hyphens)",
  })
  .overwrite((name) => name.replace(/^@/, ""));

const casesSchema = z
  .strictObject(
    {
      /**
       * Private repository where each case is opened as an issue: a name in
       * the same account as the repository being moderated, or `owner/name`.
       * Everyone with access to it can read every case, so keep it private and
       * limited to the committee.
       */
      repo: repoRef
        .default("coc-cases")
        .describe(
          "Private repository where each case is opened as an issue: a name in the same account, or owner/name. Keep it private and limited to the committee.",
        ),
    },
    { error: "must be a mapping with a repo key" },
  )
  .describe("Where private cases are kept.");

const committeeSchema = z
  .strictObject(
    {
      /**
       * Slug of the team whose members handle cases: acknowledge, decide and
       * resolve them with `/coc` commands in the cases repository.
       */
      team: teamSlug
        .default("coc-committee")
        .describe(
          "Slug of the team whose members handle cases with /coc commands in the cases repository.",
        ),
    },
    { error: "must be a mapping with a team key" },
  )
  .describe("The committee that handles cases.");

const moderatorsSchema = z
  .strictObject(
    {
      /** Slugs of further teams whose members may `/coc flag`. */
      teams: z
        .array(teamSlug, { error: "must be a list of team slugs" })
        .default([])
        .describe("Slugs of further teams whose members may /coc flag."),
      /** Further GitHub usernames who may `/coc flag`. */
      users: z
        .array(login, { error: "must be a list of GitHub usernames" })
        .default([])
        .describe("Further GitHub usernames who may /coc flag."),
    },
    { error: "must be a mapping with teams and users keys" },
  )
  .describe(
    "Who may /coc flag, besides everyone with write, maintain or admin permission on the repository.",
  );

const flagSchema = z
  .strictObject(
    {
      /**
       * Hide flagged comments at once, before the committee has looked. The
       * bodies of issues and pull requests cannot be hidden on GitHub; they
       * are left as they are either way.
       */
      hide: z
        .boolean({ error: "must be true or false" })
        .default(true)
        .describe(
          "Hide flagged comments at once, before the committee has looked. Issue and pull request bodies cannot be hidden.",
        ),
    },
    { error: "must be a mapping with a hide key" },
  )
  .describe("What /coc flag does.");

/** `enabled: false` turns the app off: no `/coc` command runs in the repositories it applies to. */
const enabledSchema = z
  .boolean({ error: "must be true or false" })
  .describe("Set to false to turn the app off; in a repository's own file, off for that repository only.");

/** Everything `.github/coc.yml` may contain. */
export const cocConfigSchema = z
  .strictObject(
    {
      /**
       * Another file to build on, read by Probot before this one: `repo`,
       * `owner/repo` or `owner/repo:path/to/file.yml`. Settings here win.
       */
      _extends: z
        .string()
        .optional()
        .describe(
          "Another file to build on: repo, owner/repo or owner/repo:path/file.yml. Settings in this file win.",
        ),
      enabled: enabledSchema.default(true),
      cases: casesSchema.prefault({}),
      committee: committeeSchema.prefault({}),
      moderators: moderatorsSchema.prefault({}),
      flag: flagSchema.prefault({}),
    },
    { error: "must be a mapping of settings" },
  )
  // Probot follows `_extends` itself; the rest of the app never needs it.
  .transform(({ _extends, ...config }) => config);

/**
 * What a moderated repository's own `.github/coc.yml` may set: only what
 * narrows how the app acts there. Everything else (who may flag, where cases
 * go, who decides, …) grants power or routes confidential data, and anyone
 * who can push to one repository could rewrite it, so it is read only from
 * the owner's `.github` repository. `flag.hide` is local because a
 * repository's maintainers can hide comments by hand anyway: it grants nothing.
 * Sections added later are protected unless they are listed here.
 */
export const repoOverridesSchema = z.strictObject(
  {
    enabled: enabledSchema.optional(),
    flag: z
      .strictObject(
        { hide: z.boolean({ error: "must be true or false" }).optional() },
        { error: "must be a mapping with a hide key" },
      )
      .optional(),
  },
  { error: "must be a mapping of settings" },
);

export type RepoOverrides = z.output<typeof repoOverridesSchema>;

/** Top-level keys a repository's own file may set. */
export const REPO_LOCAL_KEYS: ReadonlySet<string> = new Set(Object.keys(repoOverridesSchema.shape));

/**
 * Top-level keys only the owner's `.github` repository may set. `_extends` is
 * one: a repository's file must not pull settings from elsewhere.
 */
export const PROTECTED_KEYS: readonly string[] = Object.keys(cocConfigSchema.in.shape).filter((key) => !REPO_LOCAL_KEYS.has(key));

/** The validated configuration with every default filled in. */
export type CocConfig = z.output<typeof cocConfigSchema>;

/** The configuration as written in the file, before defaults. */
export type CocConfigInput = z.input<typeof cocConfigSchema>;

/** The configuration used when no `.github/coc.yml` exists anywhere. */
export function defaultCocConfig(): CocConfig {
  return cocConfigSchema.parse({});
}

/**
 * The cases repository as owner and name. A bare name lives in
 * `defaultOwner`, the account that owns the repository being moderated.
 */
export function resolveCasesRepo(
  config: CocConfig,
  defaultOwner: string,
): { owner: string; repo: string } {
  const [first, second] = config.cases.repo.split("/");
  if (second === undefined || first === undefined) {
    return { owner: defaultOwner, repo: config.cases.repo };
  }
  return { owner: first, repo: second };
}
