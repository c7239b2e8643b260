/**
 * GitHub's GraphQL API in the stand-in: a request is executed for real
 * against GitHub's published schema (@octokit/graphql-schema), over the
 * stand-in's world, so any query or mutation the app writes gets the answer
 * GitHub's types allow, whatever its operation name or shape:
 *
 *   query ContentDetails($id: ID!) { node(id: $id) { ... on Minimizable { isMinimized } } }
 *   mutation { minimizeComment(input: {subjectId: "IC_1", classifier: ABUSE}) { minimizedComment { isMinimized } } }
 *
 * Modelled: `node`, `nodes`, `repository` (issues, pull requests, labels),
 * `search` for issues with the threads' `comments` and `reviews` (in
 * github-stand-in-graphql-search.ts), comments, reviews and issues with their
 * edit history, and the minimize/unminimize mutations. A field the world does not model answers
 * null and is reported, so a bench can say the app asked something the
 * stand-in cannot answer truthfully instead of silently passing.
 */
import {
  defaultFieldResolver,
  execute,
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type GraphQLFieldResolver,
  type OperationDefinitionNode,
} from "graphql";
import { githubGraphqlSchema } from "./graphql-contract.js";
import { reviewConnections, search, threadConnections } from "./github-stand-in-graphql-search.js";
import type { Urls } from "./github-stand-in-shapes.js";
import type { Account, AnyContent, Installation, Repository, StandInWorld } from "./github-stand-in-world.js";

export interface GraphqlCall {
  body: unknown;
  installation: Installation;
  seq: number;
}

export interface GraphqlOutcome {
  body: { data?: unknown; errors?: unknown[] };
  operationName: string | null;
  operationType: "query" | "mutation" | "subscription" | null;
  /** Top-level fields asked for, e.g. ["minimizeComment"]. */
  rootFields: string[];
  /** `Type.field` the app asked for that the stand-in does not model. */
  unmodelled: string[];
}

interface ExecutionContext {
  unmodelled: Set<string>;
}

/** GitHub marks errors with a top-level `type` (NOT_FOUND, FORBIDDEN, …), which Octokit and the app read. */
class TypedError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const MINIMIZED_REASON: Record<string, string> = {
  ABUSE: "abuse",
  SPAM: "spam",
  OFF_TOPIC: "off-topic",
  OUTDATED: "outdated",
  DUPLICATE: "duplicate",
  RESOLVED: "resolved",
};

type GraphqlRequest = { query?: unknown; variables?: unknown; operationName?: unknown };

export type GraphqlDescription = Pick<GraphqlOutcome, "operationName" | "operationType" | "rootFields">;

/** Names what a request asks for without running it, e.g. so a fault can be aimed at `minimizeComment`. */
export function describeGraphqlRequest(body: unknown): GraphqlDescription {
  return parseRequest(body).described;
}

function parseRequest(body: unknown): { request: GraphqlRequest; document?: DocumentNode; error?: string; described: GraphqlDescription } {
  const request = (typeof body === "object" && body !== null ? body : {}) as GraphqlRequest;
  const none: GraphqlDescription = { operationName: null, operationType: null, rootFields: [] };
  if (typeof request.query !== "string") return { request, error: "A query attribute must be specified and must be a string.", described: none };
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    return { request, error: (error as Error).message, described: none };
  }
  const operation = pickOperation(document, request.operationName);
  const described: GraphqlDescription = {
    operationName: operation?.name?.value ?? (typeof request.operationName === "string" ? request.operationName : null),
    operationType: operation?.operation ?? null,
    rootFields: operation?.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])) ?? [],
  };
  return { request, document, described };
}

export function executeGraphql(call: GraphqlCall, world: StandInWorld, urls: Urls): GraphqlOutcome {
  const { request, document, error, described } = parseRequest(call.body);
  if (!document) return { ...described, unmodelled: [], body: { errors: [{ message: error }] } };
  const schema = githubGraphqlSchema();
  const problems = validate(schema, document);
  if (problems.length > 0) return { ...described, unmodelled: [], body: { errors: problems.map(formatError) } };

  const context: ExecutionContext = { unmodelled: new Set() };
  const result = execute({
    schema,
    document,
    rootValue: rootValue(world, urls, call),
    contextValue: context,
    variableValues: (request.variables ?? {}) as Record<string, unknown>,
    operationName: typeof request.operationName === "string" ? request.operationName : undefined,
    fieldResolver: reportingResolver,
  });
  if (result instanceof Promise) throw new Error("the stand-in's GraphQL resolvers are synchronous");
  const body = { ...(result.data !== undefined ? { data: result.data } : {}), ...(result.errors ? { errors: result.errors.map(formatError) } : {}) };
  return { ...described, unmodelled: [...context.unmodelled], body };
}

function pickOperation(document: DocumentNode, name: unknown): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return typeof name === "string" ? operations.find((op) => op.name?.value === name) : operations[0];
}

const reportingResolver: GraphQLFieldResolver<unknown, ExecutionContext> = (source, args, context, info) => {
  if (typeof source === "object" && source !== null && !(info.fieldName in source)) {
    context.unmodelled.add(`${info.parentType.name}.${info.fieldName}`);
    return null;
  }
  return defaultFieldResolver(source, args, context, info);
};

function formatError(error: GraphQLError) {
  const type = error.originalError instanceof TypedError ? error.originalError.type : undefined;
  return { ...(type ? { type } : {}), path: error.path, locations: error.locations, message: error.message };
}

function rootValue(world: StandInWorld, urls: Urls, call: GraphqlCall) {
  const visible = (id: string): AnyContent => {
    const content = world.node(id);
    // Another account's content is invisible to this installation, exactly like content that does not exist.
    if (!content || content.repo.owner !== call.installation.account) throw new TypedError("NOT_FOUND", `Could not resolve to a node with the global id of '${id}'`);
    return content;
  };
  const minimizable = (id: string): AnyContent => {
    const content = visible(id);
    if (content.kind === "issue") throw new TypedError("UNPROCESSABLE", `${content.isPullRequest ? "PullRequest" : "Issue"} cannot be minimized`);
    return content;
  };
  const node = (id: string) => contentNode(visible(id), world, urls);
  return {
    node: ({ id }: { id: string }) => node(id),
    // An Error in the list is reported for that item alone (path ["nodes", i]), as GitHub does.
    nodes: ({ ids }: { ids: string[] }) =>
      ids.map((id) => {
        try {
          return node(id);
        } catch (error) {
          return error as Error;
        }
      }),
    search: (args: Parameters<typeof search>[2], context: ExecutionContext) =>
      search(world, call.installation, args, (content) => contentNode(content, world, urls), context.unmodelled),
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const repo = world.repository(owner, name);
      if (!repo || repo.owner !== call.installation.account) throw new TypedError("NOT_FOUND", `Could not resolve to a Repository with the name '${owner}/${name}'.`);
      return repositoryNode(repo, world, urls);
    },
    minimizeComment: ({ input }: { input: { subjectId: string; classifier: string; clientMutationId?: string } }) => {
      const content = minimizable(input.subjectId);
      world.minimize(content.nodeId, input.classifier, call.seq);
      return { clientMutationId: input.clientMutationId ?? null, minimizedComment: contentNode(content, world, urls) };
    },
    unminimizeComment: ({ input }: { input: { subjectId: string; clientMutationId?: string } }) => {
      const content = minimizable(input.subjectId);
      world.minimized.delete(content.nodeId);
      return { clientMutationId: input.clientMutationId ?? null, unminimizedComment: contentNode(content, world, urls) };
    },
  };
}

function actor(account: Account | null, urls: Urls) {
  if (!account) return null;
  return {
    __typename: account.type,
    id: account.nodeId,
    databaseId: account.id,
    login: account.login,
    url: `${urls.web}/${account.login}`,
    resourcePath: `/${account.login}`,
    avatarUrl: () => `${urls.web.replace("://", "://avatars.")}/u/${account.id}?v=4`,
  };
}

function connection<T>(all: T[], args: { first?: number; last?: number }) {
  const nodes = args.first !== undefined ? all.slice(0, args.first) : args.last !== undefined ? all.slice(-args.last) : all;
  return {
    totalCount: all.length,
    nodes,
    edges: nodes.map((node, i) => ({ node, cursor: Buffer.from(`cursor:${i}`).toString("base64") })),
    pageInfo: { hasNextPage: nodes.length < all.length, hasPreviousPage: false, startCursor: null, endCursor: null },
  };
}

function htmlUrl(content: AnyContent, urls: Urls): string {
  const repo = `${urls.web}/${content.repo.owner.login}/${content.repo.name}`;
  switch (content.kind) {
    case "issue":
      return `${repo}/${content.isPullRequest ? "pull" : "issues"}/${content.number}`;
    case "issue_comment":
      return `${repo}/issues/${content.issueNumber}#issuecomment-${content.id}`;
    case "review_comment":
      return `${repo}/pull/${content.pullNumber}#discussion_r${content.id}`;
    case "review":
      return `${repo}/pull/${content.pullNumber}#pullrequestreview-${content.id}`;
  }
}

const TYPENAME: Record<AnyContent["kind"], string> = {
  issue: "Issue",
  issue_comment: "IssueComment",
  review_comment: "PullRequestReviewComment",
  review: "PullRequestReview",
};

/** An issue, pull request, comment or review as GraphQL objects; read live, so a mutation's answer shows its effect. */
function contentNode(content: AnyContent, world: StandInWorld, urls: Urls): Record<string, unknown> {
  const base = {
    __typename: content.kind === "issue" && content.isPullRequest ? "PullRequest" : TYPENAME[content.kind],
    id: content.nodeId,
    databaseId: content.id,
    body: content.body,
    bodyText: content.body,
    url: htmlUrl(content, urls),
    createdAt: content.createdAt,
    updatedAt: content.updatedAt,
    lastEditedAt: content.lastEditedAt,
    author: actor(content.author, urls),
    repository: () => repositoryNode(content.repo, world, urls),
    userContentEdits: (args: { first?: number; last?: number }) =>
      connection(
        content.edits.map((edit, i) => ({
          __typename: "UserContentEdit",
          id: `UCE_${content.id}_${i}`,
          editedAt: edit.editedAt,
          createdAt: edit.editedAt,
          updatedAt: edit.editedAt,
          editor: edit.editor ? actor(world.user(edit.editor), urls) : null,
          diff: edit.diff,
          deletedAt: null,
          deletedBy: null,
        })),
        args,
      ),
  };
  if (content.kind === "issue") {
    const thread = threadConnections(content, world, (c) => contentNode(c, world, urls));
    return { ...base, ...thread, number: content.number, title: content.title, state: content.state.toUpperCase(), locked: content.locked, closed: content.state === "closed" };
  }
  return {
    ...base,
    ...(content.kind === "review" ? reviewConnections(content, world, (c) => contentNode(c, world, urls)) : {}),
    get isMinimized() {
      return world.isMinimized(content.nodeId);
    },
    get minimizedReason() {
      const minimized = world.minimized.get(content.nodeId);
      return minimized ? (MINIMIZED_REASON[minimized.classifier] ?? minimized.classifier.toLowerCase()) : null;
    },
    viewerCanMinimize: true,
  };
}

function repositoryNode(repo: Repository, world: StandInWorld, urls: Urls) {
  const thread = (pull: boolean) => ({ number }: { number: number }) => {
    const issue = repo.issues.get(number);
    return issue && issue.isPullRequest === pull ? contentNode(issue, world, urls) : null;
  };
  return {
    __typename: "Repository",
    id: repo.nodeId,
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: `${repo.owner.login}/${repo.name}`,
    owner: actor(repo.owner, urls),
    isPrivate: repo.private,
    visibility: repo.visibility.toUpperCase(),
    url: `${urls.web}/${repo.owner.login}/${repo.name}`,
    issue: thread(false),
    pullRequest: thread(true),
    issueOrPullRequest: ({ number }: { number: number }) => {
      const issue = repo.issues.get(number);
      return issue ? contentNode(issue, world, urls) : null;
    },
    label: ({ name }: { name: string }) => {
      const label = repo.labels.get(name.toLowerCase());
      return label ? { __typename: "Label", id: label.nodeId, name: label.name, color: label.color, description: label.description } : null;
    },
  };
}
