/**
 * The settings that apply to one repository, put together so that nobody who
 * can push to that repository can change who may flag, where case files go or
 * who decides. The owner's `.github` repository (`<owner>/.github`, file
 * `.github/coc.yml`) holds every setting; the repository's own file may only
 * narrow what applies there:
 *
 *     # acme/widgets/.github/coc.yml
 *     flag:
 *       hide: false        # applies
 *     cases:
 *       repo: mallory/inbox # ignored, and the committee is told
 *
 * A cases repository in another account than the moderated one is refused
 * unless the operator allows it, since the account that owns it can read every
 * case about the moderated account's members.
 */
import type { GitHubPort, RepoRef } from "../github/port.js";
import { loadConfig, readConfigFile, validateSettings } from "./load.js";
import { PROTECTED_KEYS, repoOverridesSchema, resolveCasesRepo, type CocConfig, type RepoOverrides } from "./schema.js";

export const CONFIG_FILE_NAME = "coc.yml";

export type TrustedConfigResult =
  | {
      ok: true;
      config: CocConfig;
      /** Protected keys the repository's own file tried to set; ignored. */
      ignoredKeys: string[];
    }
  | {
      ok: false;
      message: string;
      /** The cases repository, when the owner's file named a usable one: where the moderator can be told privately. */
      casesRepo?: RepoRef;
    };

export interface TrustedConfigOptions {
  /** Process setting: may `cases.repo` name a repository in another account? */
  allowCrossAccountCases: boolean;
  /** Process setting: the app's public address (APP_URL) when it serves the appeal pages; notices link to them. */
  appealPagesUrl?: string | null;
}

export function ownerFileLabel(owner: string): string {
  return `\`.github/coc.yml\` in \`${owner}/.github\``;
}

export function repoFileLabel(repo: RepoRef): string {
  return `\`.github/coc.yml\` in \`${repo.owner}/${repo.repo}\``;
}

export async function loadTrustedConfig(
  github: Pick<GitHubPort, "readOwnerConfig" | "readRepoConfig">,
  repo: RepoRef,
  options: TrustedConfigOptions,
): Promise<TrustedConfigResult> {
  const result = await loadFiles(github, repo, options);
  if (!result.ok) return result;
  return { ...result, config: { ...result.config, appeals: { ...result.config.appeals, pageUrl: options.appealPagesUrl ?? null } } };
}

async function loadFiles(
  github: Pick<GitHubPort, "readOwnerConfig" | "readRepoConfig">,
  repo: RepoRef,
  options: TrustedConfigOptions,
): Promise<TrustedConfigResult> {
  const isOwnersFile = repo.repo.toLowerCase() === ".github";
  const file = repoFileLabel(repo);
  // Both files are asked for at once: a flag waits for both before it can hide anything.
  const [owner, read] = await Promise.all([
    loadConfig(() => github.readOwnerConfig(repo.owner, CONFIG_FILE_NAME), ownerFileLabel(repo.owner)),
    isOwnersFile ? Promise.resolve({ ok: true as const, raw: null }) : readConfigFile(() => github.readRepoConfig(repo, CONFIG_FILE_NAME), file),
  ]);
  if (!owner.ok) return owner;

  const casesRepo = resolveCasesRepo(owner.config, repo.owner);
  if (!options.allowCrossAccountCases && casesRepo.owner.toLowerCase() !== repo.owner.toLowerCase()) {
    return {
      ok: false,
      message:
        `${ownerFileLabel(repo.owner)} is refused: \`cases.repo\` names a repository in another account, which could read every case about this account's members. ` +
        "Use a repository of the same account, or ask the app's operator to allow it (ALLOW_CROSS_ACCOUNT_CASES=true).",
    };
  }

  // The owner's `.github` repository is the owner's file itself.
  if (isOwnersFile) return { ok: true, config: owner.config, ignoredKeys: [] };
  if (!read.ok) return { ...read, casesRepo };
  if (read.raw === null || read.raw === undefined) return { ok: true, config: owner.config, ignoredKeys: [] };

  const { local, ignoredKeys } = splitProtected(read.raw as Record<string, unknown>);
  const overrides = validateSettings(repoOverridesSchema, local, file);
  if (!overrides.ok) return { ...overrides, casesRepo };
  return { ok: true, config: applyOverrides(owner.config, overrides.value), ignoredKeys };
}

/** Takes protected keys out before validation: their values are ignored, whatever they are. */
function splitProtected(raw: Record<string, unknown>): { local: Record<string, unknown>; ignoredKeys: string[] } {
  const local: Record<string, unknown> = {};
  const ignoredKeys: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (PROTECTED_KEYS.includes(key)) ignoredKeys.push(key);
    else local[key] = value;
  }
  return { local, ignoredKeys: ignoredKeys.sort() };
}

function applyOverrides(config: CocConfig, overrides: RepoOverrides): CocConfig {
  return {
    ...config,
    // Off only narrows: a repository cannot turn on what its owner turned off.
    enabled: overrides.enabled === false ? false : config.enabled,
    flag: { ...config.flag, ...(overrides.flag?.hide !== undefined ? { hide: overrides.flag.hide } : {}) },
  };
}
