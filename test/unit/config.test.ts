// `.github/coc.yml`: defaults, accepted spellings, and the one message a
// person gets for each kind of mistake, including through Probot's own reader.
import nock from "nock";
import { Context, ProbotOctokit, type Logger } from "probot";
import { afterEach, beforeAll, afterAll, describe, expect, test } from "vitest";
import { formatConfigError, loadConfig } from "../../src/config/load.js";
import {
  cocConfigSchema,
  defaultCocConfig,
  resolveCasesRepo,
  type CocConfig,
} from "../../src/config/schema.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const COMMITTEE = { team: "coc-committee", quorum: "unanimous", member_involved: "recuse" } as const;

const DEFAULTS: CocConfig = {
  enabled: true,
  cases: { repo: "coc-cases" },
  committee: COMMITTEE,
  moderators: { teams: [], users: [] },
  flag: { hide: true },
  deadlines: { acknowledge: 24 * HOUR, resolve: 7 * DAY, deadlock: 7 * DAY, emergency_signoff: 72 * HOUR },
  decisions: { reporter_feedback: 0, public_notice: "none" },
  strikes: { threshold: 3, on_threshold: { action: "propose" } },
  bans: { remind_before: DAY },
  appeals: { window: 30 * DAY, max_length: 5000, pageUrl: null },
};

const load = (raw: unknown) => loadConfig(async () => raw);

describe("valid configuration", () => {
  test.each<[string, unknown, CocConfig]>([
    ["an empty file gets every default", {}, DEFAULTS],
    [
      "every key set",
      {
        preset: "ome",
        enabled: false,
        cases: { repo: "my-org/private-cases" },
        committee: { team: "conduct", quorum: "two-thirds", escalation_team: "Officers", member_involved: "escalate" },
        moderators: { teams: ["triage", "docs_team"], users: ["octocat", "hubot"] },
        flag: { hide: false },
        deadlines: { acknowledge: "90m", resolve: "2w", deadlock: "10d", emergency_signoff: "36h" },
        decisions: { reporter_feedback: "30s", public_notice: "minimal" },
        strikes: { threshold: 2, window: "365d", on_threshold: "ban 30d" },
        bans: { remind_before: "2h" },
        appeals: { window: "14d", repo: "coc-appeals", team: "coc-appeals-board", max_length: 2000 },
      },
      {
        preset: "ome",
        enabled: false,
        cases: { repo: "my-org/private-cases" },
        committee: { team: "conduct", quorum: "two-thirds", escalation_team: "officers", member_involved: "escalate" },
        moderators: { teams: ["triage", "docs_team"], users: ["octocat", "hubot"] },
        flag: { hide: false },
        deadlines: { acknowledge: 90 * 60_000, resolve: 14 * DAY, deadlock: 10 * DAY, emergency_signoff: 36 * HOUR },
        decisions: { reporter_feedback: 30_000, public_notice: "minimal" },
        strikes: { threshold: 2, window: 365 * DAY, on_threshold: { action: "ban", lengthMs: 30 * DAY } },
        bans: { remind_before: 2 * HOUR },
        appeals: { window: 14 * DAY, repo: "coc-appeals", team: "coc-appeals-board", max_length: 2000, pageUrl: null },
      },
    ],
    [
      "a section set partly keeps the other defaults",
      { moderators: { users: ["octocat"] } },
      { ...DEFAULTS, moderators: { teams: [], users: ["octocat"] } },
    ],
    [
      "a leading @ on a username is dropped",
      { moderators: { users: ["@octocat", "mona-lisa"] } },
      { ...DEFAULTS, moderators: { teams: [], users: ["octocat", "mona-lisa"] } },
    ],
    [
      "a team slug written in capitals is lowered",
      { committee: { team: "CoC-Committee" } },
      { ...DEFAULTS, committee: COMMITTEE },
    ],
    [
      "an Enterprise Managed User login is accepted",
      { moderators: { users: ["mona_acme"] } },
      { ...DEFAULTS, moderators: { teams: [], users: ["mona_acme"] } },
    ],
    [
      "repository names may hold dots, underscores and hyphens",
      { cases: { repo: "Some-Org/.coc_cases.v2" } },
      { ...DEFAULTS, cases: { repo: "Some-Org/.coc_cases.v2" } },
    ],
    [
      "_extends is tolerated and not passed on",
      { _extends: "my-org/.github:.github/coc-base.yml", flag: { hide: false } },
      { ...DEFAULTS, flag: { hide: false } },
    ],
  ])("%s", async (_name, raw, expected) => {
    const result = await load(raw);
    expect(result).toEqual({ ok: true, config: expected, source: "file" });
  });

  test.each([null, undefined])("no file anywhere (%s) means the defaults", async (raw) => {
    expect(await load(raw)).toEqual({ ok: true, config: DEFAULTS, source: "defaults" });
    expect(defaultCocConfig()).toEqual(DEFAULTS);
  });
});

describe("invalid configuration: one message naming the path", () => {
  const FILE = "`.github/coc.yml` is invalid: ";
  test.each<[string, unknown, string]>([
    [
      "repository name with a space",
      { cases: { repo: "a b" } },
      '`cases.repo` must be a repository name or owner/name (got "a b")',
    ],
    [
      "repository with two slashes",
      { cases: { repo: "org/repo/extra" } },
      '`cases.repo` must be a repository name or owner/name (got "org/repo/extra")',
    ],
    [
      "reserved repository name",
      { cases: { repo: "my-org/.." } },
      '`cases.repo` must be a repository name or owner/name (got "my-org/..")',
    ],
    [
      "repository as a number",
      { cases: { repo: 42 } },
      "`cases.repo` must be a repository name or owner/name (got 42)",
    ],
    [
      "team display name instead of slug",
      { committee: { team: "CoC Committee" } },
      "`committee.team` must be a team slug as in the team's URL, without the organization (e.g. coc-committee) (got \"CoC Committee\")",
    ],
    [
      "team with its organization",
      { moderators: { teams: ["triage", "@my-org/mods"] } },
      "`moderators.teams[1]` must be a team slug as in the team's URL, without the organization (e.g. coc-committee) (got \"@my-org/mods\")",
    ],
    [
      "username with a space",
      { moderators: { users: ["octocat", "mona lisa"] } },
      '`moderators.users[1]` must be a GitHub username (letters, digits and hyphens) (got "mona lisa")',
    ],
    [
      "username longer than GitHub allows",
      { moderators: { users: ["a".repeat(40)] } },
      `\`moderators.users[0]\` must be a GitHub username (letters, digits and hyphens) (got "${"a".repeat(40)}")`,
    ],
    [
      "a single user instead of a list",
      { moderators: { users: "octocat" } },
      '`moderators.users` must be a list of GitHub usernames (got "octocat")',
    ],
    [
      "misspelt key inside a section",
      { flag: { hdie: true } },
      "`flag.hdie` is not a known setting (`flag` accepts `hide`)",
    ],
    [
      "misspelt top-level key",
      { moderator: { users: ["octocat"] } },
      "`moderator` is not a known setting (the file accepts `preset`, `enabled`, `cases`, `committee`, `moderators`, `flag`, `deadlines`, `decisions`, `strikes`, `bans`, `appeals`)",
    ],
    ["yes as text instead of true", { flag: { hide: "yes" } }, '`flag.hide` must be true or false (got "yes")'],
    [
      "a strike threshold action that is neither propose nor a ban",
      { strikes: { on_threshold: "ban forever" } },
      '`strikes.on_threshold` must be propose, or ban followed by permanent or a duration such as 90m, 24h, 7d or 2w (units s, m, h, d, w; m is minutes) (got "ban forever")',
    ],
    [
      "a ban of no length at the threshold",
      { strikes: { on_threshold: "ban 0d" } },
      '`strikes.on_threshold` must be propose, or ban followed by permanent or a duration such as 90m, 24h, 7d or 2w (units s, m, h, d, w; m is minutes) (got "ban 0d")',
    ],
    ["a strike threshold of zero", { strikes: { threshold: 0 } }, "`strikes.threshold` must be a whole number of warnings, 1 or more (got 0)"],
    ["a section given a value", { flag: true }, "`flag` must be a mapping with a hide key (got true)"],
    [
      "a key left empty in YAML",
      { moderators: null },
      "`moderators` has no value; remove the line to use the default, or give it a value",
    ],
    [
      "a quorum that is not one of the rules",
      { committee: { quorum: "most" } },
      '`committee.quorum` must be one of `unanimous`, `majority`, `two-thirds`, `single` (got "most")',
    ],
    [
      "escalating cases about members with nobody to escalate to",
      { committee: { member_involved: "escalate" } },
      '`committee.member_involved` can be escalate only when `committee.escalation_team` names a team (got "escalate")',
    ],
    [
      "an escalation team with its organization",
      { committee: { escalation_team: "acme/officers" } },
      "`committee.escalation_team` must be a team slug as in the team's URL, without the organization (e.g. coc-committee) (got \"acme/officers\")",
    ],
    [
      "a deadline in words",
      { deadlines: { resolve: "one week" } },
      '`deadlines.resolve` must be a duration such as 90m, 24h, 7d or 2w (units s, m, h, d, w; m is minutes) (got "one week")',
    ],
    ["a deadline of zero", { deadlines: { deadlock: "0d" } }, '`deadlines.deadlock` must be longer than 0s (got "0d")'],
    [
      "a deadline in months",
      { deadlines: { emergency_signoff: "1M" } },
      '`deadlines.emergency_signoff` must be a duration such as 90m, 24h, 7d or 2w (units s, m, h, d, w; m is minutes) (got "1M")',
    ],
    [
      "a misspelt deadline",
      { deadlines: { acknowlege: "1h" } },
      "`deadlines.acknowlege` is not a known setting (`deadlines` accepts `acknowledge`, `resolve`, `deadlock`, `emergency_signoff`)",
    ],
    [
      "a feedback window as a bare number",
      { decisions: { reporter_feedback: 3 } },
      "`decisions.reporter_feedback` must be a duration such as 90m, 24h, 7d or 2w (units s, m, h, d, w; m is minutes) (got 3)",
    ],
    [
      "a public notice that is not one of the kinds",
      { decisions: { public_notice: "full" } },
      '`decisions.public_notice` must be one of `none`, `minimal` (got "full")',
    ],
    ["deadlines given a value", { deadlines: "7d" }, '`deadlines` must be a mapping of deadlines (got "7d")'],
    ["a preset left empty in YAML", { preset: null }, "`preset` has no value; remove the line to use the default, or give it a value"],
    ["the file is a list", ["cases"], "the file must be a mapping of settings (got a list)"],
    ["the file is a number", 7, "the file must be a mapping of settings (got 7)"],
  ])("%s", async (_name, raw, expected) => {
    expect(await load(raw)).toEqual({ ok: false, message: FILE + expected });
  });

  test("only the first problem is reported", async () => {
    const result = await load({ cases: { repo: "a b" }, flag: { hide: "yes" }, extra: 1 });
    expect(result).toEqual({
      ok: false,
      message: FILE + '`cases.repo` must be a repository name or owner/name (got "a b")',
    });
  });

  test("a long value is cut so the message stays readable", async () => {
    const result = await load({ cases: { repo: "x ".repeat(100) } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/\(got "(x ){28}x…"\)$/);
  });

  test("formatConfigError words a failure from a plain parse", () => {
    const parsed = cocConfigSchema.safeParse({ committee: { team: "a/b" } });
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      // Without reportInput there is no value to echo, but the path and rule remain.
      expect(formatConfigError(parsed.error)).toBe(
        FILE +
          "`committee.team` must be a team slug as in the team's URL, without the organization (e.g. coc-committee)",
      );
    }
  });
});

describe("reading through Probot's context.config", () => {
  const API = "https://api.github.com";
  const FILE_PATH = "/repos/my-org/website/contents/.github%2Fcoc.yml";
  const ORG_PATH = "/repos/my-org/.github/contents/.github%2Fcoc.yml";

  beforeAll(() => nock.disableNetConnect());
  afterAll(() => nock.enableNetConnect());
  afterEach(() => {
    // Strict mocks: an unused one means the reader did not do what we think.
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });

  function context(): Context {
    const octokit = new ProbotOctokit({
      auth: { token: "test-token" },
      retry: { enabled: false },
      throttle: { enabled: false },
    });
    const event = {
      id: "delivery-1",
      name: "issue_comment",
      payload: { repository: { name: "website", owner: { login: "my-org" } } },
    };
    const log = { debug() {}, info() {}, warn() {}, error() {}, child: () => log } as unknown as Logger;
    return new Context(event as never, octokit as never, log);
  }
  const read = () => {
    const ctx = context();
    return loadConfig(() => ctx.config("coc.yml"));
  };

  test("no file in the repository or the organization: defaults", async () => {
    nock(API).get(FILE_PATH).reply(404).get(ORG_PATH).reply(404);
    expect(await read()).toEqual({ ok: true, config: DEFAULTS, source: "defaults" });
  });

  test("the organization's .github repository is used when the repository has none", async () => {
    nock(API).get(FILE_PATH).reply(404).get(ORG_PATH).reply(200, "flag:\n  hide: false\n");
    expect(await read()).toEqual({ ok: true, config: { ...DEFAULTS, flag: { hide: false } }, source: "file" });
  });

  test("_extends merges the base file under the repository's", async () => {
    nock(API)
      .get(FILE_PATH)
      .reply(200, "_extends: .github\nmoderators:\n  users: ['@hubot']\n")
      .get(ORG_PATH)
      .reply(200, "committee:\n  team: conduct\nmoderators:\n  users: [octocat]\n");
    // Probot's deep merge concatenates lists, base first.
    expect(await read()).toEqual({
      ok: true,
      config: { ...DEFAULTS, committee: { ...COMMITTEE, team: "conduct" }, moderators: { teams: [], users: ["octocat", "hubot"] } },
      source: "file",
    });
  });

  test("a preset named in the file _extends reads applies beneath both files", async () => {
    nock(API)
      .get(FILE_PATH)
      .reply(200, "_extends: .github\ndecisions:\n  reporter_feedback: 1d\n")
      .get(ORG_PATH)
      .reply(200, "preset: itk\ncommittee:\n  quorum: majority\n");
    expect(await read()).toEqual({
      ok: true,
      config: {
        ...DEFAULTS,
        preset: "itk",
        committee: { ...COMMITTEE, quorum: "majority" },
        decisions: { reporter_feedback: DAY, public_notice: "none" },
      },
      source: "file",
    });
  });

  test("an empty file means defaults, read from the file", async () => {
    nock(API).get(FILE_PATH).reply(200, "");
    expect(await read()).toEqual({ ok: true, config: DEFAULTS, source: "file" });
  });

  test("a YAML syntax error gives the reason and position, not the file's address", async () => {
    nock(API).get(FILE_PATH).reply(200, "flag:\n  hide: true\n  hide: false\n");
    const result = await read();
    expect(result).toEqual({
      ok: false,
      message: "`.github/coc.yml` is not valid YAML: Map keys must be unique at line 3, column 3",
    });
  });

  test("a file that is plain text", async () => {
    nock(API).get(FILE_PATH).reply(200, "just some words\n");
    expect(await read()).toEqual({
      ok: false,
      message: "`.github/coc.yml` is invalid: the file must be a mapping of settings (like `cases:`), not plain text",
    });
  });

  test("a bad _extends value", async () => {
    nock(API).get(FILE_PATH).reply(200, "_extends: 'not a repo!'\n");
    const result = await read();
    expect(result).toEqual({
      ok: false,
      message:
        "`.github/coc.yml` is invalid: `_extends` must be a repository name, owner/name or owner/name:path/file.yml",
    });
  });

  test("an _extends loop", async () => {
    nock(API)
      .get(FILE_PATH)
      .reply(200, "_extends: .github\n")
      .get(ORG_PATH)
      .reply(200, "_extends: website\n");
    expect(await read()).toEqual({
      ok: false,
      message: "`.github/coc.yml` is invalid: `_extends` leads back to a file already read",
    });
  });

  test("a validation failure in the organization's file names the path", async () => {
    nock(API).get(FILE_PATH).reply(404).get(ORG_PATH).reply(200, "cases:\n  repo: a b\n");
    expect(await read()).toEqual({
      ok: false,
      message: '`.github/coc.yml` is invalid: `cases.repo` must be a repository name or owner/name (got "a b")',
    });
  });

  test("a GitHub failure is not the user's to fix: it is thrown, not worded", async () => {
    nock(API).get(FILE_PATH).reply(500, { message: "Server Error" });
    await expect(read()).rejects.toMatchObject({ status: 500 });
  });
});

describe("resolveCasesRepo", () => {
  test.each<[string, string, { owner: string; repo: string }]>([
    ["coc-cases", "my-org", { owner: "my-org", repo: "coc-cases" }],
    ["other-org/private-cases", "my-org", { owner: "other-org", repo: "private-cases" }],
  ])("%s in %s", (repo, owner, expected) => {
    expect(resolveCasesRepo({ ...DEFAULTS, cases: { repo } }, owner)).toEqual(expected);
  });
});
