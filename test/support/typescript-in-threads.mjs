/**
 * Lets worker threads that the app starts run its TypeScript sources under
 * vitest, as they run the compiled JavaScript in production. Vitest compiles
 * the modules of the test process itself, but a worker thread loads its
 * modules through Node, which needs these hooks to read TypeScript. Passed to
 * every test process with `--import` (vitest.config.ts); worker threads
 * inherit it.
 */
import { register } from "node:module";

register("./typescript-hooks.mjs", import.meta.url);
