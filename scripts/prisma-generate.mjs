// Generates the Prisma client into src/generated/prisma after `npm install`.
// `prisma generate` does not run Prisma's native schema engine, but the CLI tries
// to download it unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file; on
// machines that cannot reach Prisma's binary host we point it at Node itself.
// Production images install without dev dependencies and copy the built output,
// so a missing CLI is not an error there.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let cli;
try {
  cli = require.resolve("prisma/build/index.js");
} catch {
  console.log("prisma CLI not installed (production install); skipping client generation");
  process.exit(0);
}
const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://localhost/unused" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
const result = spawnSync(process.execPath, [cli, "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
