/**
 * The JSON Schema of `.github/coc.yml`, so editors can complete setting names
 * and flag typos while the file is written. Add this first line to the file:
 *
 *   # yaml-language-server: $schema=<link to docs/coc.schema.json>
 *
 * Generated from the zod schema, never written by hand; the committed copy in
 * `docs/coc.schema.json` is refreshed with `npm run build && npm run
 * config-schema`, and a test fails when it drifts.
 */
import { z } from "zod";
import { cocFileSchema } from "./schema.js";
import { committeeSchema } from "./workflow-schema.js";

/** The JSON Schema for `.github/coc.yml`, describing what a person may write. */
export function cocConfigJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(cocFileSchema, {
    // The input side: fields with defaults are optional, as in the file.
    io: "input",
    // Draft 7 is the version YAML and JSON editors support most widely.
    target: "draft-7",
    override: ({ zodSchema, jsonSchema }) => {
      // The one rule between two fields, which zod checks in a refinement
      // that JSON Schema cannot see: written out so editors agree.
      if (zodSchema === committeeSchema) {
        jsonSchema.if = { properties: { member_involved: { const: "escalate" } }, required: ["member_involved"] };
        jsonSchema.then = { properties: { escalation_team: true }, required: ["escalation_team"] };
      }
    },
  });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    // A relative id: the schema is served from wherever the project's docs
    // are, so it carries no address of its own.
    $id: "coc.schema.json",
    title: "Code of Conduct app configuration (.github/coc.yml)",
    description:
      "Settings for the Code of Conduct app: where private cases are kept, which team handles them and how, who may /coc flag, what flagging does, and the deadlines and notices of a case, optionally from a known policy's preset.",
    ...rest,
  };
}
