/**
 * What every REST route of the GitHub stand-in is made of: the request it is
 * given, the answer it gives, and the helpers that answer as GitHub does (404
 * for what the installation cannot see, 422 with GitHub's error shape, pages
 * with a Link header).
 */
import { NOT_FOUND_BODY, type Urls } from "./github-stand-in-shapes.js";
import type { Installation, Repository, StandInWorld } from "./github-stand-in-world.js";

export interface RestCall {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body, or undefined. */
  body: unknown;
  /** The installation whose token authenticated the request (installation routes only). */
  installation: Installation | undefined;
  seq: number;
}

export interface Answer {
  status: number;
  body?: unknown;
  /** Sent as is (e.g. the raw text of a file); otherwise `body` is sent as JSON. */
  text?: string;
  headers?: Record<string, string>;
}

export interface RestContext {
  world: StandInWorld;
  urls: Urls;
  /** Issues an installation access token. */
  issueToken(installation: Installation): { token: string; expiresAt: Date };
}

export interface RestRoute {
  method: string;
  template: string;
  /** Who may call it: the app itself (JWT) or an installation (token). */
  auth: "app" | "installation";
  pattern: RegExp;
  names: string[];
  handle(call: RestCall, ctx: RestContext): Answer;
}

/** GitHub refuses issue and comment bodies longer than this. */
export const BODY_LIMIT = 65_536;

export const notFound = (): Answer => ({ status: 404, body: NOT_FOUND_BODY });

export function invalid(resource: string, field: string, code: string, message?: string): Answer {
  const error = { resource, field, code, ...(message ? { message } : {}) };
  return { status: 422, body: { message: "Validation Failed", errors: [error], documentation_url: "https://docs.github.com/rest" } };
}

/** The repository, when the calling installation may see it. */
export function visibleRepo(call: RestCall, ctx: RestContext): Repository | undefined {
  const repo = ctx.world.repository(call.params.owner!, call.params.repo!);
  if (!repo || call.installation?.account !== repo.owner) return undefined;
  return repo;
}

export function withRepo(handler: (repo: Repository, call: RestCall, ctx: RestContext) => Answer) {
  return (call: RestCall, ctx: RestContext): Answer => {
    const repo = visibleRepo(call, ctx);
    return repo ? handler(repo, call, ctx) : notFound();
  };
}

export const permissionIn = (ctx: RestContext, repo: Repository) => (login: string) => ctx.world.permissionOf(repo, login);

export function bodyOf(call: RestCall): Record<string, unknown> {
  return typeof call.body === "object" && call.body !== null ? (call.body as Record<string, unknown>) : {};
}

/** Slices a list the way GitHub pages it, with a Link header to the other pages. */
export function paged<T>(call: RestCall, path: string, items: T[]): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Math.max(Number(call.query.get("per_page") ?? 30) || 30, 1), 100);
  const page = Math.max(Number(call.query.get("page") ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (n: number, rel: string) => {
    const query = new URLSearchParams(call.query);
    query.set("page", String(n));
    return `<${path}?${query}>; rel="${rel}"`;
  };
  const links = [...(page < last ? [link(page + 1, "next"), link(last, "last")] : []), ...(page > 1 ? [link(1, "first"), link(page - 1, "prev")] : [])];
  return { items: items.slice((page - 1) * perPage, page * perPage), headers: links.length > 0 ? { link: links.join(", ") } : {} };
}

