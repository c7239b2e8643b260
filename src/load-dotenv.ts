/**
 * Reads `.env` from the working directory the way Probot does (its values win
 * over the environment), before the app validates its own settings, so every
 * setting follows the same rule whichever part of the app reads it.
 */
import { existsSync, readFileSync } from "node:fs";
import { parseEnv } from "node:util";

export function loadDotenv(path = ".env"): void {
  if (!existsSync(path)) return;
  Object.assign(process.env, parseEnv(readFileSync(path, "utf8")));
}
