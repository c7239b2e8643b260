// Checks a REST request made in a test against GitHub's published OpenAPI
// description, so a test fails when the app calls an endpoint that does not
// exist or sends a parameter or body GitHub would reject, e.g.
//   validateRestRequest({ method: "POST", url: "/repos/o/r/issues", body: { title: "t", bodyy: "x" } })
//   // → ['POST /repos/{owner}/{repo}/issues: body: unknown property "bodyy"']
// The same description checks what a stand-in for GitHub answers
// (validateRestResponse), so the stand-in cannot drift from GitHub's shapes.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2019, type ErrorObject, type ValidateFunction } from "ajv/dist/2019.js";
import addFormatsModule from "ajv-formats";

export interface RestRequest {
  method: string;
  /** Absolute URL or path, optionally with a query string and a GHES `/api/v3` prefix. */
  url: string;
  /** Parsed JSON, the raw body text, or undefined / "" when none was sent. */
  body?: unknown;
}

type Schema = { [key: string]: unknown };
interface Ref {
  $ref: string;
}
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
  "x-multi-segment"?: boolean;
}
interface RequestBody {
  required?: boolean;
  content: Record<string, { schema?: Schema }>;
}
interface Operation {
  parameters?: (Parameter | Ref)[];
  requestBody?: RequestBody | Ref;
  responses?: Record<string, ResponseObject | Ref>;
}
interface ResponseObject {
  content?: Record<string, { schema?: Schema }>;
}
interface Description {
  paths: Record<string, Record<string, Operation>>;
}
interface Route {
  template: string;
  pattern: RegExp;
  names: string[];
  literalLength: number;
}
interface ParamCheck {
  name: string;
  required: boolean;
  schema: Schema;
  validate: ValidateFunction;
}
interface CompiledOperation {
  label: string;
  path: Map<string, ParamCheck>;
  query: Map<string, ParamCheck>;
  body: { required: boolean; validate: ValidateFunction | undefined } | undefined;
}

const HTTP_METHODS = ["get", "put", "post", "patch", "delete", "head", "options"];
// OpenAPI 3.0 annotations that JSON Schema (and Ajv's strict mode) does not know.
const ANNOTATIONS_TO_DROP = new Set(["example", "xml", "externalDocs", "discriminator"]);

let description: Description | undefined;
let routes: Route[] | undefined;
let ajv: Ajv2019 | undefined;
const compiled = new Map<string, CompiledOperation>();

function loadDescription(): Description {
  if (description) return description;
  // Read the JSON file directly: importing the package index loads every
  // variant of the description (~450 MB).
  const file = new URL("./generated/api.github.com.json", import.meta.resolve("@octokit/openapi"));
  description = JSON.parse(readFileSync(fileURLToPath(file), "utf8")) as Description;
  return description;
}

function getAjv(): Ajv2019 {
  if (ajv) return ajv;
  // Draft 2019-09 for `unevaluatedProperties`, which (unlike additionalProperties)
  // sees properties declared inside allOf/anyOf/oneOf branches.
  // Strict about unknown keywords and formats (so the normalisation below stays
  // honest), lenient about schema style choices GitHub makes on purpose, such as
  // anyOf branches that only list `required` keys.
  ajv = new Ajv2019({ allErrors: true, verbose: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false });
  // ajv-formats is CommonJS: under NodeNext the default import is module.exports,
  // whose `default` property is the plugin.
  addFormatsModule.default(ajv);
  ajv.addFormat("repo.nwo", /^[^/\s]+\/[^/\s]+$/);
  return ajv;
}

function resolveRef<T>(value: T | Ref): T {
  let current: unknown = value;
  const seen = new Set<string>();
  while (isRef(current)) {
    if (seen.has(current.$ref)) throw new Error(`circular $ref ${current.$ref}`);
    seen.add(current.$ref);
    current = current.$ref
      .slice(2)
      .split("/")
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key.replace(/~1/g, "/").replace(/~0/g, "~")], loadDescription());
  }
  return current as T;
}

function isRef(value: unknown): value is Ref {
  return typeof value === "object" && value !== null && typeof (value as Ref).$ref === "string";
}

const COMPOSITIONS = ["allOf", "anyOf", "oneOf"] as const;

function typeIncludes(schema: Schema, type: string): boolean {
  return schema.type === type || (Array.isArray(schema.type) && schema.type.includes(type));
}

function hasObjectShape(schema: Schema): boolean {
  return (
    schema.properties !== undefined ||
    schema.patternProperties !== undefined ||
    typeIncludes(schema, "object") ||
    COMPOSITIONS.some((key) => (schema[key] as Schema[] | undefined)?.some(hasObjectShape))
  );
}

/**
 * Returns a fresh JSON Schema with $refs inlined, OpenAPI `nullable` turned into
 * JSON Schema, and unknown object keys forbidden. `member` is true for branches
 * of allOf/anyOf/oneOf: those must not forbid keys themselves, because a key may
 * be declared by a sibling; the enclosing schema forbids what no branch declares.
 */
function normalise(input: unknown, member = false, refs: string[] = []): Schema {
  if (isRef(input)) {
    // Request schemas are not recursive today; if one becomes so, accept
    // anything below the cycle rather than loop.
    if (refs.includes(input.$ref)) return {};
    return normalise(resolveRef<Schema>(input), member, [...refs, input.$ref]);
  }
  const source = input as Schema;
  const schema: Schema = {};
  for (const [key, value] of Object.entries(source)) {
    if (ANNOTATIONS_TO_DROP.has(key) || key.startsWith("x-") || key === "nullable") continue;
    if (key === "properties" || key === "patternProperties") {
      const entries = Object.entries(value as Record<string, unknown>).map(([name, sub]) => [name, normalise(sub, false, refs)]);
      schema[key] = Object.fromEntries(entries);
    } else if ((key === "items" || key === "additionalProperties") && typeof value === "object" && value !== null) {
      schema[key] = normalise(value, false, refs);
    } else if ((COMPOSITIONS as readonly string[]).includes(key)) {
      schema[key] = (value as unknown[]).map((branch) => normalise(branch, true, refs));
    } else if (key === "not") {
      // Forbidding keys inside `not` would loosen the outer schema, so treat it as a branch.
      schema[key] = normalise(value, true, refs);
    } else {
      schema[key] = value;
    }
  }
  // A bare `type: object` is a free-form map; saying so explicitly keeps it
  // open when an enclosing schema forbids unevaluated properties.
  const freeForm =
    typeIncludes(schema, "object") &&
    schema.properties === undefined &&
    schema.patternProperties === undefined &&
    schema.additionalProperties === undefined &&
    !COMPOSITIONS.some((key) => key in schema);
  if (freeForm) schema.additionalProperties = true;
  if (!member && hasObjectShape(schema) && schema.additionalProperties === undefined && schema.unevaluatedProperties === undefined) {
    // GitHub's request schemas rarely forbid unknown keys, yet GitHub ignores or
    // rejects them; a misspelled key is a bug we want tests to catch.
    schema.unevaluatedProperties = false;
  }
  return source.nullable === true ? allowNull(schema) : schema;
}

// `nullable: true` is OpenAPI 3.0 only, and Ajv's support for it needs `type`.
function allowNull(schema: Schema): Schema {
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
  if (typeof schema.type === "string") return { ...schema, type: [schema.type, "null"] };
  if (Array.isArray(schema.type)) return { ...schema, type: [...new Set([...schema.type, "null"])] };
  const { unevaluatedProperties, ...rest } = schema;
  return unevaluatedProperties === undefined ? { anyOf: [{ type: "null" }, rest] } : { anyOf: [{ type: "null" }, rest], unevaluatedProperties };
}

function getRoutes(): Route[] {
  if (routes) return routes;
  routes = Object.entries(loadDescription().paths).map(([template, item]) => {
    // Parameters marked x-multi-segment (e.g. a file path) may contain slashes.
    const multi = new Set(
      Object.values(item)
        .flatMap((op) => op.parameters ?? [])
        .map((p) => resolveRef<Parameter>(p))
        .filter((p) => p["x-multi-segment"] === true)
        .map((p) => p.name),
    );
    const names: string[] = [];
    let source = "";
    let literalLength = 0;
    for (const part of template.split(/(\{[^}]+\})/)) {
      const name = /^\{(.+)\}$/.exec(part)?.[1];
      if (name === undefined) {
        source += part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        literalLength += part.length;
      } else {
        names.push(name);
        source += multi.has(name) ? "(.*?)" : "([^/]*?)";
      }
    }
    return { template, pattern: new RegExp(`^${source}$`), names, literalLength };
  });
  return routes;
}

function compileParam(p: Parameter): ParamCheck {
  const schema = normalise(p.schema ?? {});
  return { name: p.name, required: p.required === true, schema, validate: getAjv().compile(schema) };
}

function compileOperation(method: string, template: string, op: Operation): CompiledOperation {
  const key = `${method} ${template}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  const label = `${method.toUpperCase()} ${template}`;
  try {
    const params = (op.parameters ?? []).map((p) => resolveRef<Parameter>(p));
    const byLocation = (location: string) =>
      new Map(params.filter((p) => p.in === location).map((p) => [p.name, compileParam(p)] as const));
    let body: CompiledOperation["body"];
    if (op.requestBody) {
      const requestBody = resolveRef<RequestBody>(op.requestBody);
      const json = requestBody.content["application/json"]?.schema;
      body = { required: requestBody.required === true, validate: json ? getAjv().compile(normalise(json)) : undefined };
    }
    const result = { label, path: byLocation("path"), query: byLocation("query"), body };
    compiled.set(key, result);
    return result;
  } catch (error) {
    // A description this module cannot normalise is a bug here, not in the app.
    throw new Error(`rest-contract cannot compile the description of ${label}: ${(error as Error).message}`);
  }
}

// Query and path values arrive as text; turn them into what the schema
// describes so that `per_page=abc` fails an integer schema but `per_page=5` passes.
function coerce(text: string, schema: Schema): unknown {
  if (typeIncludes(schema, "array")) {
    const items = (schema.items as Schema | undefined) ?? {};
    return text === "" ? [] : text.split(",").map((part) => coerce(part, items));
  }
  if ((typeIncludes(schema, "integer") || typeIncludes(schema, "number")) && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (typeIncludes(schema, "boolean") && (text === "true" || text === "false")) return text === "true";
  return text;
}

function describeErrors(where: string, errors: ErrorObject[] | null | undefined): string[] {
  const messages = (errors ?? []).map((error) => {
    const at = `${where}${error.instancePath}`;
    const params = error.params as Record<string, unknown>;
    switch (error.keyword) {
      case "unevaluatedProperties":
        return `${at}: unknown property "${String(params.unevaluatedProperty)}"`;
      case "additionalProperties":
        return `${at}: unknown property "${String(params.additionalProperty)}"`;
      case "required":
        return `${at}: missing required property "${String(params.missingProperty)}"`;
      case "enum":
        return `${at}: ${JSON.stringify(error.data)} is not one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
      default:
        return `${at}: ${error.message ?? error.keyword}`;
    }
  });
  return [...new Set(messages)];
}

function checkValue(where: string, check: ParamCheck, text: string): string[] {
  return check.validate(coerce(text, check.schema)) ? [] : describeErrors(where, check.validate.errors);
}

function checkQuery(op: CompiledOperation, search: URLSearchParams): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [rawName, value] of search) {
    const name = rawName.endsWith("[]") ? rawName.slice(0, -2) : rawName;
    seen.add(name);
    const check = op.query.get(name);
    if (!check) {
      const known = [...op.query.keys()].join(", ") || "none";
      problems.push(`unknown query parameter "${name}" (known: ${known})`);
    } else {
      problems.push(...checkValue(`query parameter "${name}"`, check, value));
    }
  }
  for (const check of op.query.values()) {
    if (check.required && !seen.has(check.name)) problems.push(`missing required query parameter "${check.name}"`);
  }
  return problems;
}

function checkBody(op: CompiledOperation, body: unknown): string[] {
  const absent = body === undefined || body === null || body === "";
  if (!op.body) return absent ? [] : ["this endpoint takes no request body, but one was sent"];
  const { validate } = op.body;
  if (absent) {
    // GitHub treats an absent body like `{}`; only complain if `{}` is not enough.
    if (!op.body.required || !validate || validate({})) return [];
    return describeErrors("body", validate.errors).map((p) => `missing request body (${p})`);
  }
  // Non-JSON bodies (raw markdown, release assets) are not described by a schema.
  if (!validate) return [];
  let data = body;
  if (typeof body === "string") {
    try {
      data = JSON.parse(body);
    } catch {
      return ["request body is not valid JSON"];
    }
  }
  return validate(data) ? [] : describeErrors("body", validate.errors);
}

function matchRoute(method: string, path: string): { route: Route; op: Operation | undefined; values: string[] } | undefined {
  const paths = loadDescription().paths;
  const candidates = getRoutes()
    .map((route) => ({ route, match: route.pattern.exec(path) }))
    .filter((c): c is { route: Route; match: RegExpExecArray } => c.match !== null)
    .map(({ route, match }) => ({ route, op: paths[route.template]?.[method], values: match.slice(1) }));
  // Prefer a template that supports the method, then the most specific one
  // (`/issues/comments/{id}` over `/issues/{issue_number}/...`).
  candidates.sort((a, b) => Number(b.op !== undefined) - Number(a.op !== undefined) || b.route.literalLength - a.route.literalLength);
  return candidates[0];
}

/** Returns human-readable problems with the request; an empty list means GitHub would accept its shape. */
export function validateRestRequest(request: RestRequest): string[] {
  const method = request.method.toLowerCase();
  const url = new URL(request.url, "https://api.github.com");
  // GitHub Enterprise Server serves the same API below /api/v3.
  const path = url.pathname.replace(/^\/api\/v3(?=\/|$)/, "") || "/";
  const shown = `${request.method.toUpperCase()} ${path}`;
  if (!HTTP_METHODS.includes(method)) return [`${shown}: unknown HTTP method`];
  const found = matchRoute(method, path);
  if (!found) return [`${shown}: no endpoint in GitHub's REST API matches this path`];
  const { route, op, values } = found;
  if (!op) {
    const allowed = Object.keys(loadDescription().paths[route.template] ?? {}).filter((m) => HTTP_METHODS.includes(m));
    return [`${shown}: ${route.template} does not support ${method.toUpperCase()} (supported: ${allowed.map((m) => m.toUpperCase()).join(", ")})`];
  }
  const compiledOp = compileOperation(method, route.template, op);
  const problems: string[] = [];
  route.names.forEach((name, index) => {
    let value: string;
    try {
      value = decodeURIComponent(values[index] ?? "");
    } catch {
      problems.push(`path parameter "${name}" is not validly percent-encoded`);
      return;
    }
    const check = compiledOp.path.get(name);
    if (value === "") problems.push(`path parameter "${name}" is empty`);
    else if (check) problems.push(...checkValue(`path parameter "${name}"`, check, value));
  });
  problems.push(...checkQuery(compiledOp, url.searchParams), ...checkBody(compiledOp, request.body));
  return problems.map((problem) => `${compiledOp.label}: ${problem}`);
}

export interface RestResponse {
  method: string;
  /** Absolute URL or path of the request answered. */
  url: string;
  status: number;
  /** Parsed JSON; undefined for an empty or non-JSON answer, which no JSON schema describes. */
  body: unknown;
}

const compiledResponses = new Map<string, ValidateFunction | undefined>();

/**
 * Returns problems with an answer to a REST request: an undocumented status, or a JSON body
 * that does not fit the schema GitHub documents for it (missing required fields, wrong types,
 * fields GitHub does not describe). An empty list means GitHub could have answered so.
 */
export function validateRestResponse(response: RestResponse): string[] {
  const method = response.method.toLowerCase();
  const path = new URL(response.url, "https://api.github.com").pathname.replace(/^\/api\/v3(?=\/|$)/, "") || "/";
  const found = matchRoute(method, path);
  if (!found?.op) return [`${response.method.toUpperCase()} ${path}: no documented operation`];
  const label = `${response.method.toUpperCase()} ${found.route.template} → ${response.status}`;
  const key = `${method} ${found.route.template} ${response.status}`;
  if (!compiledResponses.has(key)) {
    const described = found.op.responses?.[String(response.status)];
    if (!described) return [`${label}: GitHub does not document this status for this endpoint`];
    const schema = resolveRef<ResponseObject>(described).content?.["application/json"]?.schema;
    try {
      compiledResponses.set(key, schema ? getAjv().compile(normalise(schema)) : undefined);
    } catch (error) {
      throw new Error(`rest-contract cannot compile the response description of ${label}: ${(error as Error).message}`);
    }
  }
  const validate = compiledResponses.get(key);
  if (!validate || response.body === undefined) return [];
  return validate(response.body) ? [] : describeErrors(label, validate.errors).map((p) => p.replace(`${label}/`, `${label}: body/`));
}
