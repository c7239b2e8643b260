/**
 * The REST endpoints the GitHub stand-in answers, each named by GitHub's own
 * path template (`GET /repos/{owner}/{repo}/issues/comments/{comment_id}`),
 * reading and changing the stand-in's world. An installation token sees only
 * its own account's repositories (anything else is 404, as on GitHub); the
 * app's JWT sees only the app endpoints. Requests no route matches are left
 * to the caller, which answers 404 and records them as unexpected.
 */
import {
  contentFileShape,
  installationShape,
  issueCommentShape,
  issueShape,
  labelShape,
  permissionShape,
  repoApi,
  repositoryShape,
  reviewCommentShape,
  reviewShape,
  appShape,
  tokenShape,
  publicUserShape,
} from "./github-stand-in-shapes.js";
import type { Issue, Repository } from "./github-stand-in-world.js";
import { BODY_LIMIT, bodyOf, invalid, notFound, paged, permissionIn, withRepo, type Answer, type RestCall, type RestContext, type RestRoute } from "./github-stand-in-rest-kit.js";
import { CASE_ROUTES } from "./github-stand-in-case-routes.js";

export type { Answer, RestCall, RestContext, RestRoute } from "./github-stand-in-rest-kit.js";

function listIssues(repo: Repository, call: RestCall, ctx: RestContext): Answer {
  const state = call.query.get("state") ?? "open";
  const labels = (call.query.get("labels") ?? "").split(",").map((l) => l.trim().toLowerCase()).filter(Boolean);
  const creator = call.query.get("creator")?.toLowerCase();
  const sort = call.query.get("sort") ?? "created";
  const direction = call.query.get("direction") ?? "desc";
  const key = (issue: Issue) => (sort === "comments" ? issue.commentIds.length : sort === "updated" ? issue.updatedAt : issue.createdAt);
  const matching = ctx.world
    .issuesIn(repo)
    .filter((issue) => state === "all" || issue.state === state)
    .filter((issue) => labels.every((label) => issue.labels.some((l) => l.toLowerCase() === label)))
    .filter((issue) => creator === undefined || issue.author.login.toLowerCase() === creator)
    // Ties (same second) fall back to the number, so "newest first" is stable.
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.number - b.number) * (direction === "asc" ? 1 : -1));
  const { items, headers } = paged(call, `${repoApi(ctx.urls, repo)}/issues`, matching);
  return { status: 200, body: items.map((issue) => issueShape(ctx.urls, issue, permissionIn(ctx, repo))), headers };
}

function createIssue(repo: Repository, call: RestCall, ctx: RestContext): Answer {
  const { title, body, labels } = bodyOf(call);
  if (typeof title !== "string" || title === "") return invalid("Issue", "title", "missing_field");
  if (typeof body === "string" && body.length > BODY_LIMIT) return invalid("Issue", "body", "custom", `body is too long (maximum is ${BODY_LIMIT} characters)`);
  const names = Array.isArray(labels) ? labels.map((l) => (typeof l === "string" ? l : String((l as { name?: unknown }).name))) : [];
  const issue = ctx.world.addIssue(repo, { title, body: typeof body === "string" ? body : "", author: ctx.world.bot.login, labels: names, bySeq: call.seq });
  return { status: 201, body: issueShape(ctx.urls, issue, permissionIn(ctx, repo)) };
}

function createComment(repo: Repository, call: RestCall, ctx: RestContext): Answer {
  const issue = repo.issues.get(Number(call.params.issue_number));
  if (!issue) return notFound();
  const { body } = bodyOf(call);
  if (typeof body !== "string" || body === "") return invalid("IssueComment", "body", "missing_field");
  if (body.length > BODY_LIMIT) return invalid("IssueComment", "body", "custom", `body is too long (maximum is ${BODY_LIMIT} characters)`);
  const comment = ctx.world.addIssueComment(repo, issue.number, { author: ctx.world.bot.login, body });
  issue.updatedAt = comment.createdAt;
  return { status: 201, body: issueCommentShape(ctx.urls, comment, permissionIn(ctx, repo)) };
}

function getContent(repo: Repository, call: RestCall, ctx: RestContext): Answer {
  const path = call.params.path!.replace(/^\/+|\/+$/g, "");
  const text = repo.files.get(path);
  const accept = String(call.headers.accept ?? "");
  if (text !== undefined) {
    if (/application\/vnd\.github(\.v3)?\.raw/.test(accept)) return { status: 200, text, headers: { "content-type": "text/plain; charset=utf-8" } };
    return { status: 200, body: contentFileShape(ctx.urls, repo, path, text) };
  }
  // A directory answers with its listing as JSON, whatever media type was asked for.
  const inside = [...repo.files.keys()].filter((file) => file.startsWith(`${path}/`));
  if (inside.length === 0) return notFound();
  const entries = [...new Set(inside.map((file) => file.slice(path.length + 1).split("/")[0]!))];
  return {
    status: 200,
    body: entries.map((name) => {
      const full = `${path}/${name}`;
      const file = repo.files.get(full);
      const shape = contentFileShape(ctx.urls, repo, full, file ?? "");
      const { content: _content, encoding: _encoding, ...listed } = shape;
      return { ...listed, type: file === undefined ? "dir" : "file" };
    }),
  };
}

function commentRoutes(kind: "issues" | "pulls"): Array<[string, string, RestRoute["handle"]]> {
  const template = `/repos/{owner}/{repo}/${kind}/comments/{comment_id}`;
  const find = (repo: Repository, call: RestCall, ctx: RestContext) =>
    kind === "issues" ? ctx.world.issueComment(repo, Number(call.params.comment_id)) : ctx.world.reviewComment(repo, Number(call.params.comment_id));
  const shape = (repo: Repository, ctx: RestContext, comment: NonNullable<ReturnType<typeof find>>) =>
    comment.kind === "issue_comment"
      ? issueCommentShape(ctx.urls, comment, permissionIn(ctx, repo))
      : reviewCommentShape(ctx.urls, comment, permissionIn(ctx, repo));
  return [
    ["GET", template, withRepo((repo, call, ctx) => {
      const comment = find(repo, call, ctx);
      return comment ? { status: 200, body: shape(repo, ctx, comment) } : notFound();
    })],
    ["PATCH", template, withRepo((repo, call, ctx) => {
      const comment = find(repo, call, ctx);
      if (!comment) return notFound();
      const { body } = bodyOf(call);
      if (typeof body !== "string") return invalid(kind === "issues" ? "IssueComment" : "PullRequestReviewComment", "body", "missing_field");
      if (body.length > BODY_LIMIT) return invalid("IssueComment", "body", "custom", `body is too long (maximum is ${BODY_LIMIT} characters)`);
      ctx.world.editBody(comment, body, ctx.world.bot.login);
      return { status: 200, body: shape(repo, ctx, comment) };
    })],
    ["DELETE", template, withRepo((repo, call, ctx) => {
      const comment = find(repo, call, ctx);
      if (!comment) return notFound();
      ctx.world.deleteComment(comment, call.seq);
      return { status: 204 };
    })],
  ];
}

const DEFINITIONS: Array<[string, string, RestRoute["handle"], RestRoute["auth"]?]> = [
  ["GET", "/app", (_call, ctx) => ({ status: 200, body: appShape(ctx.urls, ctx.world.app, ctx.world.user(ctx.world.app.owner, "Organization")) }), "app"],
  ["GET", "/repos/{owner}/{repo}/installation", (call, ctx) => {
    const repo = ctx.world.repository(call.params.owner!, call.params.repo!);
    const installation = repo ? ctx.world.installationFor(repo.owner.login) : undefined;
    return installation ? { status: 200, body: installationShape(ctx.urls, ctx.world.app, installation) } : notFound();
  }, "app"],
  ["POST", "/app/installations/{installation_id}/access_tokens", (call, ctx) => {
    const installation = ctx.world.installations.get(Number(call.params.installation_id));
    if (!installation) return notFound();
    const { token, expiresAt } = ctx.issueToken(installation);
    return { status: 201, body: tokenShape(token, expiresAt) };
  }, "app"],
  ["GET", "/repos/{owner}/{repo}", withRepo((repo, _call, ctx) => ({ status: 200, body: repositoryShape(ctx.urls, repo) }))],
  ["GET", "/repos/{owner}/{repo}/contents/{path}", withRepo(getContent)],
  ["GET", "/repos/{owner}/{repo}/collaborators/{username}/permission", withRepo((repo, call, ctx) => {
    const user = ctx.world.user(call.params.username!);
    return { status: 200, body: permissionShape(ctx.urls, user, ctx.world.permissionOf(repo, user.login)) };
  })],
  ["GET", "/orgs/{org}/teams/{team_slug}/memberships/{username}", (call, ctx) => {
    if (call.installation?.account.login.toLowerCase() !== call.params.org!.toLowerCase()) return notFound();
    const member = ctx.world.isTeamMember(call.params.org!, call.params.team_slug!, call.params.username!);
    if (!member) return notFound();
    const url = `${ctx.urls.api}/organizations/${call.installation.account.id}/team/1/memberships/${call.params.username}`;
    return { status: 200, body: { url, role: "member", state: "active" } };
  }],
  ["GET", "/repos/{owner}/{repo}/issues/{issue_number}", withRepo((repo, call, ctx) => {
    const issue = repo.issues.get(Number(call.params.issue_number));
    return issue ? { status: 200, body: issueShape(ctx.urls, issue, permissionIn(ctx, repo)) } : notFound();
  })],
  ...commentRoutes("issues"),
  ...commentRoutes("pulls"),
  ["GET", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}", withRepo((repo, call, ctx) => {
    const review = ctx.world.review(repo, Number(call.params.pull_number), Number(call.params.review_id));
    return review ? { status: 200, body: reviewShape(ctx.urls, review, permissionIn(ctx, repo)) } : notFound();
  })],
  ["GET", "/repos/{owner}/{repo}/labels/{name}", withRepo((repo, call, ctx) => {
    const label = repo.labels.get(call.params.name!.toLowerCase());
    return label ? { status: 200, body: labelShape(ctx.urls, repo, label) } : notFound();
  })],
  ["POST", "/repos/{owner}/{repo}/labels", withRepo((repo, call, ctx) => {
    const { name, color, description } = bodyOf(call);
    if (typeof name !== "string" || name === "") return invalid("Label", "name", "missing_field");
    if (repo.labels.has(name.toLowerCase())) return invalid("Label", "name", "already_exists");
    const label = ctx.world.addLabel(repo, name, typeof color === "string" ? color : "ededed", typeof description === "string" ? description : null);
    return { status: 201, body: labelShape(ctx.urls, repo, label) };
  })],
  ["GET", "/repos/{owner}/{repo}/issues", withRepo(listIssues)],
  ["POST", "/repos/{owner}/{repo}/issues", withRepo(createIssue)],
  ["GET", "/repos/{owner}/{repo}/issues/{issue_number}/comments", withRepo((repo, call, ctx) => {
    const issue = repo.issues.get(Number(call.params.issue_number));
    if (!issue) return notFound();
    const { items, headers } = paged(call, `${repoApi(ctx.urls, repo)}/issues/${issue.number}/comments`, ctx.world.commentsOn(repo, issue.number));
    return { status: 200, body: items.map((c) => issueCommentShape(ctx.urls, c, permissionIn(ctx, repo))), headers };
  })],
  ["POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments", withRepo(createComment)],
  ["GET", "/users/{username}", (call, ctx) => ({ status: 200, body: publicUserShape(ctx.urls, ctx.world.user(call.params.username!)) })],
  ...CASE_ROUTES,
];

/** A file path may hold slashes; numbers are digits; every other parameter is one path segment. */
const MULTI_SEGMENT = new Set(["path"]);
const NUMERIC = new Set(["installation_id", "issue_number", "comment_id", "pull_number", "review_id", "account_id"]);

export const REST_ROUTES: RestRoute[] = DEFINITIONS.map(([method, template, handle, auth = "installation"]) => {
  const names: string[] = [];
  const source = template.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    names.push(name);
    return MULTI_SEGMENT.has(name) ? "(.+)" : NUMERIC.has(name) ? "(\\d+)" : "([^/]+)";
  });
  return { method, template, auth, names, pattern: new RegExp(`^${source}$`), handle };
});

/** The route for a request, with its decoded path parameters; undefined when the stand-in does not know the endpoint. */
export function matchRestRoute(method: string, path: string): { route: RestRoute; params: Record<string, string> } | undefined {
  for (const route of REST_ROUTES) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (!match) continue;
    try {
      return { route, params: Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)])) };
    } catch {
      return undefined;
    }
  }
  return undefined;
}
