import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Database tests run on embedded PGlite always, and again on a PostgreSQL
// server when TEST_DATABASE_URL names one (see .ci/run and the README).
const databaseTests = ["test/store/**/*.test.ts", "test/integration/**/*.test.ts"];
const serverUrl = process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    environment: "node",
    // Worker threads the app starts (the comment parser) load its TypeScript sources through Node, not vitest.
    execArgv: ["--import", fileURLToPath(new URL("./test/support/typescript-in-threads.mjs", import.meta.url))],
    testTimeout: 30_000,
    // Builds dist/ for the tests that run the app as a process (test/support/app-process.ts).
    globalSetup: ["test/support/build-app.ts"],
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"], benchmark: { include: ["test/bench/**/*.bench.ts"] } } },
      { extends: true, test: { name: "pglite", include: databaseTests, env: { TEST_DATABASE_URL: "" } } },
      // Real Chromium on the app's pages; their database is incidental, so embedded PGlite only.
      { extends: true, test: { name: "browser", include: ["test/browser/**/*.test.ts"], env: { TEST_DATABASE_URL: "" }, testTimeout: 60_000 } },
      ...(serverUrl ? [{ extends: true as const, test: { name: "postgresql", include: databaseTests, env: { TEST_DATABASE_URL: serverUrl } } }] : []),
    ],
  },
});
