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
import { cocConfigSchema } from "./schema.js";

/** The JSON Schema for `.github/coc.yml`, describing what a person may write. */
export function cocConfigJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(cocConfigSchema, {
    // The input side: fields with defaults are optional, as in the file.
    io: "input",
    // Draft 7 is the version YAML and JSON editors support most widely.
    target: "draft-7",
  });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    // A relative id: the schema is served from wherever the project's docs
    // are, so it carries no address of its own.
    $id: "coc.schema.json",
    title: "Code of Conduct app configuration (.github/coc.yml)",
    description:
      "Settings for the Code of Conduct app: where private cases are kept, which team handles them, who may /coc flag, and what flagging does.",
    ...rest,
  };
}
