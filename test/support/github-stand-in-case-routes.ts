/**
 * The REST endpoints a committee's work on a case needs from the GitHub
 * stand-in, beyond what a flag needs: who is on a team, labels on an issue,
 * an issue's body and state, and an account by its id (a subject followed
 * through a rename).
 */
import { issueShape, labelShape, publicUserShape, userShape } from "./github-stand-in-shapes.js";
import { BODY_LIMIT, bodyOf, invalid, notFound, paged, permissionIn, withRepo, type RestRoute } from "./github-stand-in-rest-kit.js";

export const CASE_ROUTES: Array<[string, string, RestRoute["handle"]]> = [
  ["PATCH", "/repos/{owner}/{repo}/issues/{issue_number}", withRepo((repo, call, ctx) => {
    const issue = repo.issues.get(Number(call.params.issue_number));
    if (!issue) return notFound();
    const { body, state } = bodyOf(call);
    if (body !== undefined) {
      if (typeof body !== "string") return invalid("Issue", "body", "invalid");
      if (body.length > BODY_LIMIT) return invalid("Issue", "body", "custom", `body is too long (maximum is ${BODY_LIMIT} characters)`);
      ctx.world.editBody(issue, body, ctx.world.bot.login);
    }
    if (state === "open" || state === "closed") {
      issue.state = state;
      issue.closedAt = state === "closed" ? new Date().toISOString() : null;
    }
    return { status: 200, body: issueShape(ctx.urls, issue, permissionIn(ctx, repo)) };
  })],
  ["GET", "/orgs/{org}/teams/{team_slug}/members", (call, ctx) => {
    if (call.installation?.account.login.toLowerCase() !== call.params.org!.toLowerCase()) return notFound();
    const members = ctx.world.teamMembers(call.params.org!, call.params.team_slug!);
    if (!members) return notFound();
    const { items, headers } = paged(call, `${ctx.urls.api}/orgs/${call.params.org}/teams/${call.params.team_slug}/members`, members);
    return { status: 200, body: items.map((login) => userShape(ctx.urls, ctx.world.user(login))), headers };
  }],
  ["POST", "/repos/{owner}/{repo}/issues/{issue_number}/labels", withRepo((repo, call, ctx) => {
    const issue = repo.issues.get(Number(call.params.issue_number));
    if (!issue) return notFound();
    const { labels } = bodyOf(call);
    if (!Array.isArray(labels) || labels.some((l) => typeof l !== "string")) return invalid("Label", "labels", "invalid");
    // GitHub creates a label that does not exist yet.
    for (const name of labels as string[]) {
      if (!repo.labels.has(name.toLowerCase())) ctx.world.addLabel(repo, name);
      if (!issue.labels.some((l) => l.toLowerCase() === name.toLowerCase())) issue.labels.push(repo.labels.get(name.toLowerCase())!.name);
    }
    return { status: 200, body: issue.labels.map((name) => labelShape(ctx.urls, repo, repo.labels.get(name.toLowerCase())!)) };
  })],
  ["DELETE", "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", withRepo((repo, call, ctx) => {
    const issue = repo.issues.get(Number(call.params.issue_number));
    const at = issue?.labels.findIndex((l) => l.toLowerCase() === call.params.name!.toLowerCase()) ?? -1;
    if (!issue || at === -1) return notFound();
    issue.labels.splice(at, 1);
    return { status: 200, body: issue.labels.map((name) => labelShape(ctx.urls, repo, repo.labels.get(name.toLowerCase())!)) };
  })],
  ["GET", "/user/{account_id}", (call, ctx) => {
    const account = ctx.world.accountWithId(Number(call.params.account_id));
    return account ? { status: 200, body: publicUserShape(ctx.urls, account) } : notFound();
  }],
];
