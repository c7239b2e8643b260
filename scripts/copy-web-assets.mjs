/**
 * Copies the pages' stylesheet and script (src/web/assets) next to the
 * compiled code, where the app serves them from: tsc copies only TypeScript.
 * Run by `npm run build`.
 */
import { cpSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
cpSync(`${root}src/web/assets`, `${root}dist/src/web/assets`, { recursive: true });
