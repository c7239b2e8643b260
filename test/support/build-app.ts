/**
 * Builds dist/ once before the tests run (vitest globalSetup): the app-process
 * tests start `node dist/src/main.js`, the program `npm start` and the Docker
 * image run, and must run today's code, not a stale build.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

// Each test project runs the global set-up; one build per test run is enough.
const BUILT = Symbol.for("coc-enforcer.test.build");

export default async function buildApp(): Promise<void> {
  const shared = globalThis as { [BUILT]?: Promise<void> };
  await (shared[BUILT] ??= build());
}

async function build(): Promise<void> {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  const tsc = fileURLToPath(new URL("../../node_modules/typescript/bin/tsc", import.meta.url));
  try {
    await promisify(execFile)(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root });
    await promisify(execFile)(process.execPath, ["scripts/copy-web-assets.mjs"], { cwd: root });
  } catch (error) {
    // tsc reports compile errors on standard output.
    throw new Error(`npm run build failed:\n${(error as { stdout?: string }).stdout ?? error}`);
  }
}
