// The JSON Schema editors use for `.github/coc.yml`: the committed copy must
// match the zod schema, and both must accept and reject the same files, so an
// editor never marks a file the app accepts (or the other way round).
import { readFile } from "node:fs/promises";
import { Ajv } from "ajv";
import { describe, expect, test } from "vitest";
import { cocConfigJsonSchema } from "../../src/config/json-schema.js";
import { cocConfigSchema } from "../../src/config/schema.js";

const COMMITTED = new URL("../../docs/coc.schema.json", import.meta.url);

describe("docs/coc.schema.json", () => {
  test("is the schema generated from src/config/schema.ts", async () => {
    const committed: unknown = JSON.parse(await readFile(COMMITTED, "utf8"));
    expect(
      committed,
      "docs/coc.schema.json is out of date: run `npm run build && npm run config-schema` and commit the result",
    ).toEqual(cocConfigJsonSchema());
  });

  test("names itself and keeps fields with defaults optional", () => {
    const schema = cocConfigJsonSchema();
    expect(schema).toMatchObject({
      $schema: "http://json-schema.org/draft-07/schema#",
      $id: "coc.schema.json",
      title: expect.any(String),
      description: expect.any(String),
      additionalProperties: false,
    });
    expect(schema).not.toHaveProperty("required");
  });
});

describe("the JSON Schema and the zod schema agree", () => {
  const validate = new Ajv({ strict: true }).compile(cocConfigJsonSchema());

  test.each<[string, unknown, boolean]>([
    ["empty file", {}, true],
    [
      "every key",
      {
        _extends: ".github",
        cases: { repo: "my-org/coc-cases" },
        committee: { team: "coc-committee" },
        moderators: { teams: ["triage"], users: ["@octocat", "mona_acme"] },
        flag: { hide: false },
        preset: "contributor-covenant-3.0",
        deadlines: { acknowledge: "90m", resolve: "2w", deadlock: "10d", emergency_signoff: "36h" },
        decisions: { reporter_feedback: "0s", public_notice: "minimal" },
      },
      true,
    ],
    ["a preset alone", { preset: "itk" }, true],
    ["an unknown preset", { preset: "itk2" }, false],
    ["a quorum rule", { committee: { quorum: "two-thirds" } }, true],
    ["an unknown quorum rule", { committee: { quorum: "most" } }, false],
    ["escalating to a team", { committee: { escalation_team: "officers", member_involved: "escalate" } }, true],
    ["escalating to nobody", { committee: { member_involved: "escalate" } }, false],
    ["recusing with no escalation team", { committee: { member_involved: "recuse" } }, true],
    ["a deadline in words", { deadlines: { acknowledge: "1 day" } }, false],
    ["a deadline in months", { deadlines: { resolve: "1M" } }, false],
    ["a deadline as a number", { deadlines: { resolve: 7 } }, false],
    ["a deadline of zero", { deadlines: { deadlock: "0h" } }, false],
    ["no feedback window", { decisions: { reporter_feedback: "0s" } }, true],
    ["an unknown public notice", { decisions: { public_notice: "full" } }, false],
    ["capitalised team slug", { committee: { team: "CoC-Committee" } }, true],
    ["misspelt key", { flag: { hdie: true } }, false],
    ["unknown section", { moderator: {} }, false],
    ["text for a boolean", { flag: { hide: "yes" } }, false],
    ["repository with a space", { cases: { repo: "a b" } }, false],
    ["reserved repository name", { cases: { repo: ".." } }, false],
    ["team with its organization", { committee: { team: "my-org/coc" } }, false],
    ["username with a dot", { moderators: { users: ["mona.lisa"] } }, false],
    ["username too long", { moderators: { users: ["a".repeat(40)] } }, false],
    ["empty section", { moderators: null }, false],
  ])("%s", (_name, input, valid) => {
    expect(validate(input), JSON.stringify(validate.errors)).toBe(valid);
    expect(cocConfigSchema.safeParse(input).success).toBe(valid);
  });
});
