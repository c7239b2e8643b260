/**
 * Presets: the deadlines, decision rule and notices of a known Code of
 * Conduct, chosen with one line of `.github/coc.yml`. Whatever the file
 * writes itself wins, key by key:
 *
 * ```yaml
 * preset: itk
 * committee:
 *   quorum: majority   # only this key differs from the preset
 * ```
 *
 * Each preset is a data file in `presets/`, named after the preset; where
 * each value comes from in its policy is in `docs/policies.md`.
 */
import { z } from "zod";
import { durationText } from "./fields.js";
import { MEMBER_INVOLVED, PUBLIC_NOTICES, QUORUMS } from "./workflow-schema.js";
import itk from "./presets/itk.json" with { type: "json" };
import iiif from "./presets/iiif.json" with { type: "json" };
import openinfra from "./presets/openinfra.json" with { type: "json" };
import ome from "./presets/ome.json" with { type: "json" };
import contributorCovenant21 from "./presets/contributor-covenant-2.1.json" with { type: "json" };
import contributorCovenant30 from "./presets/contributor-covenant-3.0.json" with { type: "json" };

// Imported rather than read from disk so the compiler copies them into
// dist/ beside this module, and a missing file fails the build, not a command.
const FILES = {
  itk,
  iiif,
  openinfra,
  ome,
  "contributor-covenant-2.1": contributorCovenant21,
  "contributor-covenant-3.0": contributorCovenant30,
} as const;

export type PresetName = keyof typeof FILES;
export const PRESET_NAMES = Object.keys(FILES) as [PresetName, ...PresetName[]];

/**
 * What a preset may set, as it would be written in the file. Never where
 * cases go or who is on a team: those belong to the community, not to its
 * policy, and a team slug the policy merely suggests could be created by
 * anyone in the organization.
 */
export const presetSchema = z.strictObject({
  committee: z.strictObject({ quorum: z.enum(QUORUMS), member_involved: z.enum(MEMBER_INVOLVED) }).partial().optional(),
  deadlines: z
    .strictObject({ acknowledge: durationText, resolve: durationText, deadlock: durationText, emergency_signoff: durationText })
    .partial()
    .optional(),
  decisions: z.strictObject({ reporter_feedback: durationText, public_notice: z.enum(PUBLIC_NOTICES) }).partial().optional(),
});

export type Preset = z.output<typeof presetSchema>;

// Checked once at start-up: a broken preset file is the project's mistake,
// and should stop the app rather than reach a community as a config error.
const PRESETS: Readonly<Record<PresetName, Preset>> = Object.fromEntries(
  PRESET_NAMES.map((name) => [name, presetSchema.parse(FILES[name])]),
) as Record<PresetName, Preset>;

export function isPresetName(name: unknown): name is PresetName {
  return typeof name === "string" && Object.hasOwn(FILES, name);
}

/** A preset's settings, as they would be written in the file. */
export function presetSettings(name: PresetName): Preset {
  return structuredClone(PRESETS[name]);
}

/**
 * The file's settings with its preset's filled in beneath them. A file with
 * no preset, or a name that is not one, is returned as it is: the schema then
 * reports the bad name with the list of good ones.
 */
export function withPreset(raw: unknown): unknown {
  if (!isPlainObject(raw) || !isPresetName(raw.preset)) return raw;
  return mergeUnder(presetSettings(raw.preset), raw);
}

/** `over` wins key by key, at every depth; `base` fills what `over` leaves out. */
function mergeUnder(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const keys = new Set([...Object.keys(base), ...Object.keys(over)]);
  // `fromEntries` defines each key as the file's own, so even a key named
  // `__proto__` stays a setting (and is refused as unknown) instead of
  // changing what the object inherits.
  return Object.fromEntries(
    [...keys].map((key) => {
      const below = Object.hasOwn(base, key) ? base[key] : undefined;
      const value = Object.hasOwn(over, key) ? over[key] : below;
      return [key, isPlainObject(below) && isPlainObject(value) && value !== below ? mergeUnder(below, value) : value];
    }),
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
