/**
 * Vitest settings for the sweep benchmark (`npm run bench`), kept apart from
 * vitest.config.ts so that `npm test` never runs it: it takes a minute or so
 * and prints figures instead of asserting them.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["test/bench/sweep.latency.ts"],
    environment: "node",
    // The app's comment parser runs in a worker thread, which loads the TypeScript sources through Node.
    execArgv: ["--import", fileURLToPath(new URL("../support/typescript-in-threads.mjs", import.meta.url))],
    hookTimeout: 60_000,
    // The figures are the output: print them as they are, not as captured test logs.
    disableConsoleIntercept: true,
  },
});
