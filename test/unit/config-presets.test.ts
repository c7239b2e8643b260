// `preset:` in `.github/coc.yml`: every preset is a valid set of settings,
// the file's own keys win one by one, an unknown name is refused with the
// list of good ones, and docs/policies.md states exactly what each preset sets.
import { readdir, readFile } from "node:fs/promises";
import { describe, expect, test } from "vitest";
import { parseDuration } from "../../src/config/duration.js";
import { loadConfig } from "../../src/config/load.js";
import { PRESET_NAMES, presetSchema, presetSettings, type PresetName } from "../../src/config/presets.js";
import { defaultCocConfig, type CocConfig } from "../../src/config/schema.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function load(raw: unknown): Promise<CocConfig> {
  const result = await loadConfig(async () => raw);
  if (!result.ok) throw new Error(result.message);
  return result.config;
}

/** `{ deadlines: { resolve: "7d" } }` → `[["deadlines.resolve", "7d"]]` */
function flatten(settings: object, prefix = ""): [string, string][] {
  return Object.entries(settings).flatMap(([key, value]): [string, string][] =>
    typeof value === "object" && value !== null ? flatten(value as object, `${prefix}${key}.`) : [[`${prefix}${key}`, String(value)]],
  );
}

describe("the presets", () => {
  test("are exactly the data files in src/config/presets/", async () => {
    const files = await readdir(new URL("../../src/config/presets/", import.meta.url));
    expect(files.sort()).toEqual(PRESET_NAMES.map((name) => `${name}.json`).sort());
  });

  test("are the names the configuration contract promises", () => {
    expect(PRESET_NAMES).toEqual(["itk", "iiif", "openinfra", "ome", "contributor-covenant-2.1", "contributor-covenant-3.0"]);
  });

  test.each(PRESET_NAMES)("%s loads, and every value it sets reaches the configuration", async (name) => {
    const config = await load({ preset: name });
    expect(config.preset).toBe(name);
    const settings = presetSettings(name);
    // Each preset states every deadline and decision setting, so a change to
    // the app's own defaults never changes a policy's values unnoticed.
    expect(Object.keys(settings.deadlines ?? {}).sort()).toEqual(["acknowledge", "deadlock", "emergency_signoff", "resolve"]);
    expect(Object.keys(settings.decisions ?? {}).sort()).toEqual(["public_notice", "reporter_feedback"]);
    for (const [path, written] of flatten(settings)) {
      const [section, key] = path.split(".") as [keyof CocConfig, string];
      const value = (config[section] as Record<string, unknown>)[key];
      expect(value, path).toBe(section === "deadlines" || key === "reporter_feedback" ? parseDuration(written) : written);
    }
    // Who is on which team is the community's, never the policy's.
    expect(config.committee.team).toBe("coc-committee");
    expect(config.committee).not.toHaveProperty("escalation_team");
    expect(config.cases).toEqual(defaultCocConfig().cases);
  });

  test("with no preset, the defaults are ITK's deadlines and decision rule", async () => {
    const itk = await load({ preset: "itk" });
    const none = defaultCocConfig();
    expect(none.preset).toBeUndefined();
    expect(none.deadlines).toEqual(itk.deadlines);
    expect(none.committee).toEqual(itk.committee);
    expect(none.deadlines).toEqual({ acknowledge: 24 * HOUR, resolve: 7 * DAY, deadlock: 7 * DAY, emergency_signoff: 72 * HOUR });
    // ITK's reporter hears the decision before it is carried out; without a preset it is carried out at once.
    expect(itk.decisions).toEqual({ reporter_feedback: 3 * DAY, public_notice: "none" });
    expect(none.decisions).toEqual({ reporter_feedback: 0, public_notice: "none" });
  });

  test("may not name a team, a cases repository or anything outside the workflow", () => {
    for (const preset of [
      { committee: { escalation_team: "isc-officers" } },
      { committee: { team: "coc" } },
      { cases: { repo: "coc-cases" } },
      { flag: { hide: false } },
      { deadlines: { resolve: "a week" } },
    ]) {
      expect(presetSchema.safeParse(preset).success, JSON.stringify(preset)).toBe(false);
    }
  });
});

describe("a file's own settings win over its preset, key by key", () => {
  test("one key of a section changes only that key", async () => {
    const config = await load({ preset: "itk", committee: { quorum: "majority" }, deadlines: { resolve: "10d" } });
    expect(config.committee).toEqual({ team: "coc-committee", quorum: "majority", member_involved: "recuse" });
    expect(config.deadlines).toEqual({ acknowledge: 24 * HOUR, resolve: 10 * DAY, deadlock: 7 * DAY, emergency_signoff: 72 * HOUR });
    expect(config.decisions).toEqual({ reporter_feedback: 3 * DAY, public_notice: "none" });
  });

  test("keys the preset does not set keep working beside it", async () => {
    const config = await load({
      preset: "iiif",
      committee: { team: "conduct", escalation_team: "coordinating-committee", member_involved: "escalate" },
      decisions: { reporter_feedback: "0s" },
    });
    expect(config.committee).toEqual({ team: "conduct", quorum: "unanimous", escalation_team: "coordinating-committee", member_involved: "escalate" });
    expect(config.decisions).toEqual({ reporter_feedback: 0, public_notice: "none" });
  });

  test("the file's value is checked as usual, and a bad one is reported, not replaced by the preset's", async () => {
    expect(await loadConfig(async () => ({ preset: "ome", deadlines: { acknowledge: "1 day" } }))).toEqual({
      ok: false,
      message:
        '`.github/coc.yml` is invalid: `deadlines.acknowledge` must be a duration such as 90m, 24h, 7d or 2w (units s, m, h, d, w; m is minutes) (got "1 day")',
    });
  });

  test("presets do not leak into one another or into later reads", async () => {
    const first = await load({ preset: "itk", decisions: { reporter_feedback: "1h" } });
    expect(first.decisions.reporter_feedback).toBe(HOUR);
    expect(presetSettings("itk").decisions?.reporter_feedback).toBe("3d");
    expect((await load({ preset: "itk" })).decisions.reporter_feedback).toBe(3 * DAY);
  });

  test("a key named __proto__ stays a setting, and is refused as unknown", async () => {
    const raw = JSON.parse('{ "preset": "itk", "committee": { "__proto__": { "quorum": "single" } } }') as unknown;
    expect(await loadConfig(async () => raw)).toMatchObject({
      ok: false,
      message: expect.stringContaining("`committee.__proto__` is not a known setting"),
    });
  });
});

describe("an unknown preset", () => {
  const LIST = "`itk`, `iiif`, `openinfra`, `ome`, `contributor-covenant-2.1`, `contributor-covenant-3.0`";
  test.each<[unknown, string]>([
    ["itk2", '"itk2"'],
    ["ITK", '"ITK"'],
    ["contributor-covenant", '"contributor-covenant"'],
    ["toString", '"toString"'],
    [3, "3"],
  ])("%j is refused with the list of presets", async (preset, got) => {
    expect(await loadConfig(async () => ({ preset, deadlines: { acknowledge: "1h" } }))).toEqual({
      ok: false,
      message: `\`.github/coc.yml\` is invalid: \`preset\` must be one of the presets ${LIST} (got ${got})`,
    });
  });
});

describe("docs/policies.md", () => {
  // Rows of the form | `deadlines.resolve` | `7d` | where it comes from |.
  const ROW = /^\|\s*`([a-z_]+\.[a-z_]+)`\s*\|\s*`([^`]+)`\s*\|/;

  async function documented(name: PresetName): Promise<[string, string][]> {
    const text = await readFile(new URL("../../docs/policies.md", import.meta.url), "utf8");
    const sections = text.split(/^## /m);
    const section = sections.find((s) => (s.split("\n")[0] ?? "").includes(`\`preset: ${name}\``));
    expect(section, `docs/policies.md has a section whose heading names \`preset: ${name}\``).toBeDefined();
    return (section ?? "")
      .split("\n")
      .map((line) => ROW.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map(([, key, value]) => [key!, value!]);
  }

  test.each(PRESET_NAMES)("states exactly the values the %s preset sets", async (name) => {
    expect((await documented(name)).sort()).toEqual(flatten(presetSettings(name)).sort());
  });
});
