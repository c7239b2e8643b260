/**
 * `.env` holds the app's private key and webhook secret, so only its owner may
 * read it (mode 0600). The setup flow writes it through `writeDotenv` (what
 * Probot's own writer does, plus the mode), and at start-up `tightenDotenv`
 * closes up a `.env` that other users can read, saying so in the log:
 *
 *   .env could be read by other users (mode 0644); it is now readable by its owner only (0600)
 */
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";

const OWNER_ONLY = 0o600;

export const defaultDotenvPath = () => join(process.cwd(), ".env");

/**
 * Merges `values` into `.env` and into `process.env`, as Probot's setup flow
 * expects of its `updateEnv` option: same `KEY=value` lines, newlines written
 * as `\n`, so Probot and load-dotenv.ts read the file back unchanged.
 */
export function writeDotenv(values: NodeJS.ProcessEnv, path = defaultDotenvPath()): Record<string, string> {
  const existing = existsSync(path) ? parseEnv(readFileSync(path, "utf8")) : {};
  const merged = Object.fromEntries(Object.entries({ ...existing, ...values }).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const contents = Object.entries(merged)
    .map(([key, value]) => `${key}=${value.replace(/\n/g, "\\n")}`)
    .join("\n");
  // Tighten before writing, so the new secrets are never in a file others can read.
  if (existsSync(path)) chmodSync(path, OWNER_ONLY);
  writeFileSync(path, contents, { mode: OWNER_ONLY });
  // A new file's mode is filtered by the umask; say it outright.
  chmodSync(path, OWNER_ONLY);
  Object.assign(process.env, merged);
  return merged;
}

/** @returns whether the file's mode was changed */
export function tightenDotenv(log: { warn(message: string): void }, path = defaultDotenvPath()): boolean {
  // Windows has no group or world permission bits for chmod to clear.
  if (process.platform === "win32" || !existsSync(path)) return false;
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) === 0) return false;
  chmodSync(path, OWNER_ONLY);
  log.warn(`.env could be read by other users (mode ${octal(mode)}); it is now readable by its owner only (${octal(OWNER_ONLY)})`);
  return true;
}

function octal(mode: number): string {
  return mode.toString(8).padStart(4, "0");
}
