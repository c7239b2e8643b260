/**
 * The shape of `.github/coc.yml`: which private repository holds the cases,
 * which team handles them and how, who may `/coc flag`, what flagging does,
 * and the deadlines a case must meet, optionally from a known policy.
 *
 * ```yaml
 * preset: itk
 * cases:
 *   repo: my-org/coc-cases
 * committee:
 *   team: conduct-committee
 * moderators:
 *   users: [octocat]
 * flag:
 *   hide: true
 * deadlines:
 *   acknowledge: 24h
 * ```
 *
 * This zod schema is the single source for validation, defaults, the
 * `CocConfig` type and the JSON Schema offered to editors
 * (`docs/coc.schema.json`). JSDoc is for people reading the code; the
 * `.describe()` text is what users see in their editor, so write it for them.
 * Each `error` is the end of a sentence that starts with the field's path
 * ("`flag.hide` must be true or false"), see `load.ts`.
 *
 * To add a section (sanctions, appeals, …): write one `z.strictObject` for
 * it next to the others (or in its own module, like `workflow-schema.ts`),
 * then add it to `cocFileSchema`. A section that turns a feature on should be
 * `.optional()` (absent means off); a section the app always needs gets
 * `.prefault({})` so its field defaults apply. A key a preset may set is also
 * added to `presetSchema` in `presets.ts`.
 */
import { z } from "zod";
import { login, repoRef, teamSlug } from "./fields.js";
import { PRESET_NAMES, withPreset } from "./presets.js";
import { committeeSchema, deadlinesSchema, decisionsSchema } from "./workflow-schema.js";
import { bansSchema, strikesSchema } from "./sanctions-schema.js";
import { appealsSchema } from "./appeals-schema.js";

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

/**
 * Everything `.github/coc.yml` may contain, as written. Editors get their
 * JSON Schema from this; the app reads files with `cocConfigSchema`, which
 * first fills in the chosen preset.
 */
export const cocFileSchema = z
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
      /**
       * A known policy whose deadlines, decision rule and notices apply
       * wherever this file does not set them itself (see presets.ts).
       */
      preset: z
        .enum(PRESET_NAMES, {
          error: `must be one of the presets ${PRESET_NAMES.map((name) => `\`${name}\``).join(", ")}`,
        })
        .optional()
        .describe(
          "A known Code of Conduct whose deadlines, decision rule and notices apply wherever this file does not set them itself. See docs/policies.md.",
        ),
      enabled: enabledSchema.default(true),
      cases: casesSchema.prefault({}),
      committee: committeeSchema.prefault({}),
      moderators: moderatorsSchema.prefault({}),
      flag: flagSchema.prefault({}),
      deadlines: deadlinesSchema.prefault({}),
      decisions: decisionsSchema.prefault({}),
      strikes: strikesSchema.prefault({}),
      bans: bansSchema.prefault({}),
      appeals: appealsSchema.prefault({}),
    },
    { error: "must be a mapping of settings" },
  )
  // Probot follows `_extends` itself; the rest of the app never needs it.
  .transform(({ _extends, ...config }) => config);

/**
 * How the app reads a file: the preset it names (if any) beneath it, then
 * validation and defaults. Probot has already merged in any `_extends` file,
 * so a preset named in a base file applies too.
 */
export const cocConfigSchema = z.preprocess(withPreset, cocFileSchema);

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
export const PROTECTED_KEYS: readonly string[] = Object.keys(cocFileSchema.in.shape).filter((key) => !REPO_LOCAL_KEYS.has(key));

/** The validated configuration with every default filled in. */
export type CocConfig = z.output<typeof cocConfigSchema>;

/** Who handles cases and how they decide: `config.committee.quorum`, `config.committee.escalation_team`, … */
export type CommitteeConfig = CocConfig["committee"];

/** Each deadline in milliseconds: `config.deadlines.acknowledge === 86_400_000` for `24h`. */
export type DeadlinesConfig = CocConfig["deadlines"];

/** What the reporter and the public hear of a decision; `reporter_feedback` in milliseconds. */
export type DecisionsConfig = CocConfig["decisions"];

/** The strike rule; `window` in milliseconds, absent when strikes count until voided. */
export type StrikesConfig = CocConfig["strikes"];

/** The configuration as written in the file, before defaults. */
export type CocConfigInput = z.input<typeof cocFileSchema>;

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
