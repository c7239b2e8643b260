/**
 * Reads a repository's `.github/coc.yml` and turns it into settings the app
 * can trust, or into one clear sentence for the person who ran the command:
 *
 *   `.github/coc.yml` is invalid: `cases.repo` must be a repository name or owner/name (got "a b")
 *
 * No file anywhere means the defaults apply, so the app works out of the box.
 * Only the first problem is reported: one fix at a time is easier to act on
 * than a list, and the next run names the next problem.
 */
import { z } from "zod";
import { ConfigReadError } from "./config-text.js";
import { cocConfigSchema, type CocConfig } from "./schema.js";

export type ConfigResult =
  | { ok: true; config: CocConfig; source: "file" | "defaults" }
  | { ok: false; message: string };

/** How messages name the file when the caller does not say which one it read. */
export const CONFIG_FILE_LABEL = "`.github/coc.yml`";

// Probot's config plugin prefixes every error it raises about the file itself;
// anything without it (network failure, missing permission) is not the
// user's to fix and goes up to be logged as an internal error.
const PLUGIN_PREFIX = "[@probot/octokit-plugin-config]";

/**
 * Loads and validates the configuration. `readConfig` is normally
 * `() => context.config("coc.yml")`, which returns `null` when neither the
 * repository nor the organization's `.github` repository has the file.
 * Rejects only for errors that are not about the file (e.g. GitHub is down).
 */
export async function loadConfig(
  readConfig: () => Promise<unknown>,
  file: string = CONFIG_FILE_LABEL,
): Promise<ConfigResult> {
  const read = await readConfigFile(readConfig, file);
  if (!read.ok) return read;
  const raw = read.raw;
  if (raw === null || raw === undefined) {
    return { ok: true, config: cocConfigSchema.parse({}), source: "defaults" };
  }
  const parsed = cocConfigSchema.safeParse(raw, {
    reportInput: true,
    error: genericIssueMessage,
  });
  if (!parsed.success) {
    return { ok: false, message: formatConfigError(parsed.error, file) };
  }
  return { ok: true, config: parsed.data, source: "file" };
}

/** Reads a file's raw settings, turning a problem with the file itself into a sentence; other errors go up. */
export async function readConfigFile(
  readConfig: () => Promise<unknown>,
  file: string,
): Promise<{ ok: true; raw: unknown } | { ok: false; message: string }> {
  try {
    return { ok: true, raw: await readConfig() };
  } catch (error) {
    const message = readErrorMessage(error, file);
    if (message === undefined) throw error;
    return { ok: false, message };
  }
}

/** Parses settings with `schema`, with the same messages as the whole file gets. */
export function validateSettings<T extends z.ZodType>(
  schema: T,
  raw: unknown,
  file: string,
): { ok: true; value: z.output<T> } | { ok: false; message: string } {
  const parsed = schema.safeParse(raw, { reportInput: true, error: genericIssueMessage });
  if (!parsed.success) return { ok: false, message: formatConfigError(parsed.error, file, schema) };
  return { ok: true, value: parsed.data };
}

/** One sentence about the first problem in a failed validation. */
export function formatConfigError(error: z.ZodError, file: string = CONFIG_FILE_LABEL, schema: z.core.$ZodType = cocConfigSchema): string {
  const FILE = file;
  const issue = error.issues[0];
  if (issue === undefined) return `${FILE} is invalid.`;
  const where = issue.path.length > 0 ? `\`${formatPath(issue.path)}\`` : "the file";

  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    const known = knownKeysAt(issue.path, schema).map((k) => `\`${k}\``).join(", ");
    const hint = known === "" ? "" : ` (${where} accepts ${known})`;
    return `${FILE} is invalid: \`${formatPath([...issue.path, key])}\` is not a known setting${hint}`;
  }
  // YAML turns `key:` with nothing after it into null; say so plainly rather
  // than "must be a mapping (got null)", which reads like a riddle.
  if ((issue.code === "invalid_type" || issue.code === "invalid_value") && "input" in issue && issue.input === null) {
    return `${FILE} is invalid: ${where} has no value; remove the line to use the default, or give it a value`;
  }
  const got =
    "input" in issue && issue.code !== "invalid_union"
      ? ` (got ${describeValue(issue.input)})`
      : "";
  return `${FILE} is invalid: ${where} ${issue.message}${got}`;
}

/** `["moderators", "users", 0]` → `moderators.users[0]` */
function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, i) =>
      typeof segment === "number" ? `[${segment}]` : `${i === 0 ? "" : "."}${String(segment)}`,
    )
    .join("");
}

// Values come from the file itself, so echoing them leaks nothing; long ones
// are cut so the message stays one readable line.
function describeValue(value: unknown): string {
  if (typeof value === "string") {
    const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
    return JSON.stringify(shown);
  }
  if (Array.isArray(value)) return "a list";
  if (value === null) return "nothing";
  if (typeof value === "object") return "a mapping";
  return String(value);
}

// Wording for issues whose schema sets no `error` of its own, so a section
// added later still produces a sentence rather than zod's default phrasing.
function genericIssueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => `\`${String(v)}\``).join(", ")}`;
    case "too_small":
      return issue.origin === "number"
        ? `must be at least ${String(issue.minimum)}`
        : `must have at least ${String(issue.minimum)} ${issue.origin === "array" ? "items" : "characters"}`;
    case "too_big":
      return issue.origin === "number"
        ? `must be at most ${String(issue.maximum)}`
        : `must have at most ${String(issue.maximum)} ${issue.origin === "array" ? "items" : "characters"}`;
    default:
      return "is not valid";
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping",
};

/** Setting names accepted at `path`, for the "not a known setting" hint. */
function knownKeysAt(path: readonly PropertyKey[], root: z.core.$ZodType): string[] {
  let schema: z.core.$ZodType | undefined = root;
  for (const segment of path) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodObject && typeof segment === "string") {
      schema = (schema.shape as Record<string, z.core.$ZodType>)[segment];
    } else if (schema instanceof z.ZodArray) {
      schema = schema.element;
    } else {
      return [];
    }
    if (schema === undefined) return [];
  }
  schema = unwrap(schema);
  // `_extends` belongs to Probot; suggesting it for a typo would mislead.
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.keys(schema.shape).filter((k) => !k.startsWith("_"));
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (;;) {
    // A pipe that starts with a transform (the preset filled in beneath the
    // file) checks its settings in its second half; any other pipe checks
    // them in its first and only reshapes the result.
    if (current instanceof z.ZodPipe) current = current.in instanceof z.ZodTransform ? current.out : current.in;
    else if (
      current instanceof z.ZodDefault ||
      current instanceof z.ZodPrefault ||
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable
    )
      current = current.unwrap();
    else return current;
  }
}

/** A user-facing sentence for a file Probot could not read, or undefined. */
function readErrorMessage(error: unknown, FILE: string): string | undefined {
  if (!(error instanceof Error)) return undefined;
  if (error instanceof ConfigReadError) {
    const yamlReason = findYamlError(error);
    switch (error.problem) {
      case "invalid-yaml":
        return yamlReason ? `${FILE} is not valid YAML: ${yamlFirstLine(yamlReason)}` : `${FILE} is not valid YAML`;
      case "not-a-mapping":
        return `${FILE} is invalid: the file must be a mapping of settings (like \`flag:\`), not plain text`;
      case "not-a-file":
        return `${FILE} is a directory or a submodule, not a file`;
    }
  }
  const yamlError = findYamlError(error);
  if (yamlError !== undefined) {
    // The parser's first line is the reason and where it is, e.g. "Map keys
    // must be unique at line 2, column 1:"; the lines after it quote the file.
    return `${FILE} is not valid YAML: ${yamlFirstLine(yamlError)}`;
  }
  // The plugin's messages name the URL of the file it was reading, which may
  // be another (possibly private) repository reached through `_extends`, so
  // each is reworded rather than passed on.
  if (!error.message.startsWith(PLUGIN_PREFIX)) return undefined;
  if (error.message.includes("(invalid YAML)")) return `${FILE} is not valid YAML`;
  if (error.message.includes("YAML is not an object")) {
    return `${FILE} is invalid: the file must be a mapping of settings (like \`cases:\`), not plain text`;
  }
  if (error.message.includes("for _extends")) {
    return `${FILE} is invalid: \`_extends\` must be a repository name, owner/name or owner/name:path/file.yml`;
  }
  if (error.message.includes("Recursion detected")) {
    return `${FILE} is invalid: \`_extends\` leads back to a file already read`;
  }
  if (error.message.includes("is either a directory or a submodule")) {
    return `${FILE} is a directory or a submodule, not a file`;
  }
  return `${FILE} could not be read`;
}

function yamlFirstLine(yamlError: Error): string {
  return (yamlError.message.split("\n")[0] ?? "").replace(/:$/, "");
}

function findYamlError(error: Error): Error | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e.name === "YAMLParseError") return e;
  }
  return undefined;
}
