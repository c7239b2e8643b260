/**
 * Reads the text of a repository's own `.github/coc.yml` the way Probot's
 * config plugin reads the owner's file (YAML, an empty file meaning no
 * settings), but without following `_extends`: what a repository writes about
 * itself is never allowed to pull in settings from elsewhere.
 */
import { parse } from "yaml";

export type ConfigReadProblem = "invalid-yaml" | "not-a-mapping" | "not-a-file";

/** A file that exists but cannot be read as settings; load.ts turns it into one sentence. */
export class ConfigReadError extends Error {
  override readonly name = "ConfigReadError";
  constructor(
    readonly problem: ConfigReadProblem,
    options?: { cause?: unknown },
  ) {
    super(`configuration file problem: ${problem}`, options);
  }
}

export function parseConfigText(text: string): unknown {
  let value: unknown;
  try {
    value = parse(text, { logLevel: "error" });
  } catch (error) {
    throw new ConfigReadError("invalid-yaml", { cause: error });
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value)) throw new ConfigReadError("not-a-mapping");
  return value;
}
