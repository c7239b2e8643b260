// Checks a GraphQL request made in a test against GitHub's published schema, so
// a test fails when the app queries a field that does not exist or passes a
// variable GitHub would reject, e.g.
//   validateGraphqlRequest({ query: "mutation($id: ID!) { minimizeComment(input: {subjectId: $id, classifier: RUDE}) { clientMutationId } }", variables: { id: "IC_1" } })
//   // → ['Value "RUDE" does not exist in "ReportedContentClassifiers" enum. ...']
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  buildClientSchema,
  getVariableValues,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type IntrospectionQuery,
  type OperationDefinitionNode,
} from "graphql";

export interface GraphqlRequest {
  query: unknown;
  variables?: unknown;
  operationName?: unknown;
}

let schema: GraphQLSchema | undefined;

/** GitHub's public GraphQL schema, built once per process. */
export function githubGraphqlSchema(): GraphQLSchema {
  if (schema) return schema;
  // The package's SDL does not build without assumeValidSDL, so use the
  // introspection JSON next to its entry point (its `exports` hide the file).
  const file = new URL("./schema.json", import.meta.resolve("@octokit/graphql-schema"));
  const introspection = JSON.parse(readFileSync(fileURLToPath(file), "utf8")) as IntrospectionQuery;
  // GitHub's schema is the reference here, not something under test; skipping
  // its self-validation keeps the first check fast.
  schema = buildClientSchema(introspection, { assumeValid: true });
  return schema;
}

function formatError(error: GraphQLError): string {
  const where = error.locations?.map((l) => `${l.line}:${l.column}`).join(", ");
  return where ? `${error.message} (at ${where})` : error.message;
}

function pickOperation(document: DocumentNode, operationName: unknown): OperationDefinitionNode | string {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (typeof operationName === "string") {
    return operations.find((op) => op.name?.value === operationName) ?? `no operation named "${operationName}" in the document`;
  }
  const [only, ...others] = operations;
  if (!only) return "the document contains no operation";
  return others.length === 0 ? only : "the document contains several operations but no operationName was sent";
}

/** Returns human-readable problems with the request; an empty list means GitHub's schema accepts it. */
export function validateGraphqlRequest(request: GraphqlRequest): string[] {
  if (typeof request.query !== "string" || request.query.trim() === "") return ["request has no GraphQL query string"];
  const variables = request.variables ?? {};
  if (typeof variables !== "object" || variables === null || Array.isArray(variables)) return ["variables must be a JSON object"];

  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    return [`syntax error: ${formatError(error as GraphQLError)}`];
  }
  const currentSchema = githubGraphqlSchema();
  const problems = validate(currentSchema, document).map(formatError);

  const operation = pickOperation(document, request.operationName);
  if (typeof operation === "string") return [...problems, operation];
  const declared = new Set((operation.variableDefinitions ?? []).map((v) => v.variable.name.value));
  // GraphQL ignores undeclared variables, which hides typos such as `$comentId`.
  for (const name of Object.keys(variables)) {
    if (!declared.has(name)) problems.push(`variable "$${name}" is sent but not declared by the operation`);
  }
  const coerced = getVariableValues(currentSchema, operation.variableDefinitions ?? [], variables as Record<string, unknown>);
  if (coerced.errors) problems.push(...coerced.errors.map(formatError));
  return [...new Set(problems)];
}
