// Writes docs/coc.schema.json, the JSON Schema editors use to check
// `.github/coc.yml` as it is typed, from the zod schema in src/config/.
//
//   npm run build && npm run config-schema
//
// It reads the compiled output so it runs on plain Node with no TypeScript
// runner; test/unit/config-json-schema.test.ts fails when the committed file
// and the schema disagree, which is the reminder to run it.
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";

const compiled = new URL("../dist/src/config/json-schema.js", import.meta.url);
if (!existsSync(compiled)) {
  console.error("dist/ is missing: run `npm run build` first.");
  process.exit(1);
}
const { cocConfigJsonSchema } = await import(compiled.href);
const target = new URL("../docs/coc.schema.json", import.meta.url);
await writeFile(target, `${JSON.stringify(cocConfigJsonSchema(), null, 2)}\n`);
console.log("wrote docs/coc.schema.json");
