/**
 * The JSON bodies the GitHub stand-in answers with, shaped as GitHub's REST
 * description (@octokit/openapi, components/schemas) says: every required
 * field of `simple-user`, `issue`, `issue-comment`, `label`,
 * `full-repository`, `installation`, … is present, so an app that reads a
 * field GitHub really sends finds it here too, e.g.
 *
 *   issueShape(urls, issue).user  // { login: "coc-enforcer[bot]", type: "Bot", … }
 */
import type { Account, Installation, Issue, IssueComment, Label, Permission, Repository, Review, ReviewComment } from "./github-stand-in-world.js";

export interface Urls {
  /** The REST base, e.g. http://127.0.0.1:41234 (stands for https://api.github.com). */
  api: string;
  /** Where people see content, e.g. https://github.com; flag links point here. */
  web: string;
}

/** The permissions the app asks for in app.yml; GitHub echoes them on installations and tokens. */
export const APP_PERMISSIONS = { issues: "write", pull_requests: "write", metadata: "read", members: "read", contents: "read" };
const APP_EVENTS = ["issue_comment", "pull_request_review", "pull_request_review_comment", "repository", "installation_repositories"];

export function userShape(urls: Urls, user: Account) {
  const api = `${urls.api}/users/${encodeURIComponent(user.login)}`;
  return {
    login: user.login,
    id: user.id,
    node_id: user.nodeId,
    avatar_url: `${urls.web.replace("://", "://avatars.")}/u/${user.id}?v=4`,
    gravatar_id: "",
    url: api,
    html_url: `${urls.web}/${user.type === "Bot" ? `apps/${user.login.replace(/\[bot\]$/, "")}` : user.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: "public",
    site_admin: false,
  };
}

/** A user as `GET /users/{username}` and `GET /user/{account_id}` answer: the simple user and their public profile. */
export function publicUserShape(urls: Urls, user: Account) {
  const created = "2020-01-01T00:00:00Z";
  return {
    ...userShape(urls, user),
    name: null,
    company: null,
    blog: "",
    location: null,
    email: null,
    hireable: null,
    bio: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: created,
    updated_at: created,
  };
}

export function appShape(urls: Urls, app: { id: number; slug: string; name: string }, owner: Account) {
  return {
    id: app.id,
    slug: app.slug,
    node_id: `A_${app.id}`,
    client_id: `Iv1.${app.id.toString(16).padStart(16, "0")}`,
    owner: userShape(urls, owner),
    name: app.name,
    description: "",
    external_url: `${urls.web}/apps/${app.slug}`,
    html_url: `${urls.web}/apps/${app.slug}`,
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
    permissions: APP_PERMISSIONS,
    events: APP_EVENTS,
  };
}

export function installationShape(urls: Urls, app: { id: number; slug: string }, installation: Installation) {
  return {
    id: installation.id,
    account: userShape(urls, installation.account),
    repository_selection: "all",
    access_tokens_url: `${urls.api}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${urls.api}/installation/repositories`,
    html_url: `${urls.web}/organizations/${installation.account.login}/settings/installations/${installation.id}`,
    app_id: app.id,
    app_slug: app.slug,
    target_id: installation.account.id,
    target_type: installation.account.type === "Organization" ? "Organization" : "User",
    permissions: APP_PERMISSIONS,
    events: APP_EVENTS,
    created_at: installation.createdAt,
    updated_at: installation.createdAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}

export function tokenShape(token: string, expiresAt: Date) {
  return { token, expires_at: `${expiresAt.toISOString().slice(0, 19)}Z`, permissions: APP_PERMISSIONS, repository_selection: "all" };
}

export function repoApi(urls: Urls, repo: Repository): string {
  return `${urls.api}/repos/${repo.owner.login}/${repo.name}`;
}

function repoWeb(urls: Urls, repo: Repository): string {
  return `${urls.web}/${repo.owner.login}/${repo.name}`;
}

/** `GET /repos/{owner}/{repo}` (full-repository), as seen by the installation. */
export function repositoryShape(urls: Urls, repo: Repository) {
  const api = repoApi(urls, repo);
  const web = repoWeb(urls, repo);
  const templates = {
    archive_url: "/{archive_format}{/ref}",
    assignees_url: "/assignees{/user}",
    blobs_url: "/git/blobs{/sha}",
    branches_url: "/branches{/branch}",
    collaborators_url: "/collaborators{/collaborator}",
    comments_url: "/comments{/number}",
    commits_url: "/commits{/sha}",
    compare_url: "/compare/{base}...{head}",
    contents_url: "/contents/{+path}",
    contributors_url: "/contributors",
    deployments_url: "/deployments",
    downloads_url: "/downloads",
    events_url: "/events",
    forks_url: "/forks",
    git_commits_url: "/git/commits{/sha}",
    git_refs_url: "/git/refs{/sha}",
    git_tags_url: "/git/tags{/sha}",
    hooks_url: "/hooks",
    issue_comment_url: "/issues/comments{/number}",
    issue_events_url: "/issues/events{/number}",
    issues_url: "/issues{/number}",
    keys_url: "/keys{/key_id}",
    labels_url: "/labels{/name}",
    languages_url: "/languages",
    merges_url: "/merges",
    milestones_url: "/milestones{/number}",
    notifications_url: "/notifications{?since,all,participating}",
    pulls_url: "/pulls{/number}",
    releases_url: "/releases{/id}",
    stargazers_url: "/stargazers",
    statuses_url: "/statuses/{sha}",
    subscribers_url: "/subscribers",
    subscription_url: "/subscription",
    tags_url: "/tags",
    teams_url: "/teams",
    trees_url: "/git/trees{/sha}",
  };
  const host = new URL(urls.web).host;
  const openIssues = [...repo.issues.values()].filter((i) => i.state === "open").length;
  return {
    id: repo.id,
    node_id: repo.nodeId,
    name: repo.name,
    full_name: `${repo.owner.login}/${repo.name}`,
    owner: userShape(urls, repo.owner),
    private: repo.private,
    visibility: repo.visibility,
    html_url: web,
    description: null,
    fork: false,
    url: api,
    ...Object.fromEntries(Object.entries(templates).map(([key, suffix]) => [key, `${api}${suffix}`])),
    git_url: `git://${host}/${repo.owner.login}/${repo.name}.git`,
    ssh_url: `git@${host}:${repo.owner.login}/${repo.name}.git`,
    clone_url: `${web}.git`,
    svn_url: web,
    mirror_url: null,
    homepage: null,
    language: null,
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    size: 0,
    default_branch: "main",
    open_issues: openIssues,
    open_issues_count: openIssues,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: false,
    has_discussions: false,
    archived: false,
    disabled: false,
    license: null,
    pushed_at: repo.createdAt,
    created_at: repo.createdAt,
    updated_at: repo.createdAt,
    allow_forking: !repo.private,
    web_commit_signoff_required: false,
    network_count: 0,
    subscribers_count: 0,
    ...(repo.owner.type === "Organization" ? { organization: userShape(urls, repo.owner) } : {}),
  };
}

export function labelShape(urls: Urls, repo: Repository, label: Label) {
  return {
    id: label.id,
    node_id: label.nodeId,
    url: `${repoApi(urls, repo)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    description: label.description,
    color: label.color,
    default: false,
  };
}

function association(repo: Repository, author: Account, permission: Permission): string {
  if (author.login.toLowerCase() === repo.owner.login.toLowerCase()) return "OWNER";
  return permission === "none" || permission === "read" ? "NONE" : "COLLABORATOR";
}

export function issueShape(urls: Urls, issue: Issue, permissionOf: (login: string) => Permission) {
  const api = `${repoApi(urls, issue.repo)}/issues/${issue.number}`;
  const web = `${repoWeb(urls, issue.repo)}/${issue.isPullRequest ? "pull" : "issues"}/${issue.number}`;
  return {
    id: issue.id,
    node_id: issue.nodeId,
    url: api,
    repository_url: repoApi(urls, issue.repo),
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: web,
    number: issue.number,
    state: issue.state,
    state_reason: null,
    title: issue.title,
    body: issue.body,
    user: userShape(urls, issue.author),
    labels: issue.labels.map((name) => labelShape(urls, issue.repo, issue.repo.labels.get(name.toLowerCase())!)),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: issue.locked,
    active_lock_reason: null,
    comments: issue.commentIds.length,
    ...(issue.isPullRequest
      ? { pull_request: { url: `${repoApi(urls, issue.repo)}/pulls/${issue.number}`, html_url: web, diff_url: `${web}.diff`, patch_url: `${web}.patch`, merged_at: null } }
      : {}),
    closed_at: issue.closedAt,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    author_association: association(issue.repo, issue.author, permissionOf(issue.author.login)),
  };
}

export function issueCommentShape(urls: Urls, comment: IssueComment, permissionOf: (login: string) => Permission) {
  const repo = comment.repo;
  const thread = repo.issues.get(comment.issueNumber);
  return {
    id: comment.id,
    node_id: comment.nodeId,
    url: `${repoApi(urls, repo)}/issues/comments/${comment.id}`,
    html_url: `${repoWeb(urls, repo)}/${thread?.isPullRequest ? "pull" : "issues"}/${comment.issueNumber}#issuecomment-${comment.id}`,
    body: comment.body,
    user: userShape(urls, comment.author),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    issue_url: `${repoApi(urls, repo)}/issues/${comment.issueNumber}`,
    author_association: association(repo, comment.author, permissionOf(comment.author.login)),
  };
}

const COMMIT = "6dcb09b5b57875f334f61aebed695e2e4193db5e";

export function reviewCommentShape(urls: Urls, comment: ReviewComment, permissionOf: (login: string) => Permission) {
  const repo = comment.repo;
  const self = `${repoApi(urls, repo)}/pulls/comments/${comment.id}`;
  const html = `${repoWeb(urls, repo)}/pull/${comment.pullNumber}#discussion_r${comment.id}`;
  const pull = `${repoApi(urls, repo)}/pulls/${comment.pullNumber}`;
  return {
    url: self,
    pull_request_review_id: comment.reviewId,
    id: comment.id,
    node_id: comment.nodeId,
    diff_hunk: "@@ -1,1 +1,1 @@\n-old\n+new",
    path: "README.md",
    position: 1,
    original_position: 1,
    commit_id: COMMIT,
    original_commit_id: COMMIT,
    user: userShape(urls, comment.author),
    body: comment.body,
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    html_url: html,
    pull_request_url: pull,
    author_association: association(repo, comment.author, permissionOf(comment.author.login)),
    _links: { self: { href: self }, html: { href: html }, pull_request: { href: pull } },
    line: 1,
    original_line: 1,
    side: "RIGHT",
    subject_type: "line",
  };
}

export function reviewShape(urls: Urls, review: Review, permissionOf: (login: string) => Permission) {
  const repo = review.repo;
  const html = `${repoWeb(urls, repo)}/pull/${review.pullNumber}#pullrequestreview-${review.id}`;
  const pull = `${repoApi(urls, repo)}/pulls/${review.pullNumber}`;
  return {
    id: review.id,
    node_id: review.nodeId,
    user: userShape(urls, review.author),
    body: review.body,
    state: review.state,
    html_url: html,
    pull_request_url: pull,
    _links: { html: { href: html }, pull_request: { href: pull } },
    submitted_at: review.createdAt,
    commit_id: COMMIT,
    author_association: association(repo, review.author, permissionOf(review.author.login)),
  };
}

/** `GET …/collaborators/{username}/permission`: `permission` folds maintain into write and triage into read; `role_name` keeps them. */
export function permissionShape(urls: Urls, user: Account, permission: Permission) {
  const folded = permission === "maintain" ? "write" : permission === "triage" ? "read" : permission;
  return { permission: folded, role_name: permission === "none" ? "" : permission, user: { ...userShape(urls, user), role_name: permission } };
}

/** `GET …/contents/{path}` without the raw media type: the file as JSON, its text in base64. */
export function contentFileShape(urls: Urls, repo: Repository, path: string, text: string) {
  const api = `${repoApi(urls, repo)}/contents/${path}`;
  const html = `${repoWeb(urls, repo)}/blob/main/${path}`;
  const git = `${repoApi(urls, repo)}/git/blobs/${COMMIT}`;
  return {
    type: "file",
    encoding: "base64",
    size: Buffer.byteLength(text),
    name: path.split("/").pop()!,
    path,
    content: Buffer.from(text).toString("base64"),
    sha: COMMIT,
    url: `${api}?ref=main`,
    git_url: git,
    html_url: html,
    download_url: `${urls.web.replace("://", "://raw.")}/${repo.owner.login}/${repo.name}/main/${path}`,
    _links: { self: `${api}?ref=main`, git, html },
  };
}

export const NOT_FOUND_BODY = { message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" };
