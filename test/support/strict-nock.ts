// Strict HTTP mocking for tests: a test fails when a mock goes unused, when a
// request matches no mock, or when a request sent to GitHub breaks GitHub's
// published REST or GraphQL contract. Usage, at the top of a test file:
//   useStrictNock();
//   githubApi().post("/repos/o/r/issues", (body) => body.title === "Case 7").reply(201, {});
import nock from "nock";
import { afterEach, beforeEach } from "vitest";
import { validateGraphqlRequest } from "./graphql-contract.js";
import { validateRestRequest } from "./rest-contract.js";

interface SeenRequest {
  method: string;
  url: string;
  body: string | undefined;
}

// Tests talk to a local database and local servers; everything else is mocked.
const LOCAL_HOST = /^(127\.0\.0\.1|localhost|\[::1\]|::1)(:\d+)?$/;

interface Recorder {
  active: boolean;
  intercepted: SeenRequest[];
  unmatched: SeenRequest[];
}

// Kept on nock's own emitter so that, however often this module is loaded in
// one process, each nock instance is hooked once and feeds one recorder.
const RECORDER = Symbol.for("coc-enforcer.strict-nock.recorder");

function recorder(): Recorder {
  const emitter = nock.emitter as typeof nock.emitter & { [RECORDER]?: Recorder };
  return (emitter[RECORDER] ??= installRecorder());
}

/** A nock scope for GitHub's API; pass a GHES base such as "https://ghe.example.com/api/v3". */
export function githubApi(baseUrl = "https://api.github.com"): nock.Scope {
  return nock(baseUrl);
}

/** Makes every test in the enclosing file or describe block use strict HTTP mocks. */
export function useStrictNock(): void {
  beforeEach(() => {
    const state = recorder();
    // Mocks are left alone: a describe-level beforeEach may already have set some.
    state.intercepted = [];
    state.unmatched = [];
    state.active = true;
    nock.disableNetConnect();
    nock.enableNetConnect(LOCAL_HOST);
  });
  afterEach(() => {
    const problems = strictNockProblems();
    recorder().active = false;
    resetStrictNock();
    nock.enableNetConnect();
    if (problems.length > 0) {
      throw new Error(`Strict HTTP mocking found ${problems.length} problem(s):\n- ${problems.join("\n- ")}`);
    }
  });
}

/** What is wrong with the HTTP traffic of the current test so far; empty when all is well. */
export function strictNockProblems(): string[] {
  const state = recorder();
  const problems: string[] = nock.pendingMocks().map((mock) => `mock was never used: ${mock}`);
  for (const request of state.unmatched) {
    const why = contractProblems(request);
    const detail = why.length > 0 ? `; it also breaks GitHub's contract: ${why.join("; ")}` : "";
    problems.push(`request matched no mock: ${show(request)}${detail}`);
  }
  for (const request of state.intercepted) {
    problems.push(...contractProblems(request).map((problem) => `${request.method} ${request.url} breaks GitHub's contract: ${problem}`));
  }
  return problems;
}

/** Forgets recorded requests and removes all mocks, e.g. after a test provoked problems on purpose. */
export function resetStrictNock(): void {
  const state = recorder();
  state.intercepted = [];
  state.unmatched = [];
  nock.cleanAll();
}

function show(request: SeenRequest): string {
  const body = request.body ? ` with body ${request.body.length > 500 ? `${request.body.slice(0, 500)}…` : request.body}` : "";
  return `${request.method} ${request.url}${body}`;
}

function isGithubApi(url: URL): boolean {
  return url.hostname === "api.github.com" || url.pathname.startsWith("/api/v3/") || url.pathname === "/api/graphql";
}

function contractProblems(request: SeenRequest): string[] {
  const url = new URL(request.url);
  if (!isGithubApi(url)) return [];
  const isGraphql = request.method === "POST" && /^(\/api)?\/graphql$/.test(url.pathname);
  if (!isGraphql) return validateRestRequest(request);
  let payload: unknown;
  try {
    payload = JSON.parse(request.body ?? "");
  } catch {
    return ["GraphQL request body is not JSON"];
  }
  if (typeof payload !== "object" || payload === null) return ["GraphQL request body is not a JSON object"];
  return validateGraphqlRequest(payload as { query: unknown; variables?: unknown; operationName?: unknown });
}

interface RequestOptions {
  method?: string;
  href?: string;
  proto?: string;
  host?: string;
  path?: string;
}

function installRecorder(): Recorder {
  const state: Recorder = { active: false, intercepted: [], unmatched: [] };
  nock.emitter.on("no match", (...args: unknown[]) => {
    // nock passes (options) when no scope exists for the host, and
    // (request, options, body) when scopes exist but none matched.
    const options = (args.length >= 2 ? args[1] : args[0]) as RequestOptions;
    const url = options.href ?? `${options.proto ?? "https"}://${options.host ?? "unknown-host"}${options.path ?? "/"}`;
    if (!state.active || LOCAL_HOST.test(new URL(url).host)) return;
    state.unmatched.push({ method: options.method ?? "GET", url, body: typeof args[2] === "string" ? args[2] : undefined });
  });
  // nock announces a matched request only on the scope that matched it; there is
  // no global "request" event. Wrapping `emit` on the prototype shared by all
  // scopes lets us see requests to scopes that tests create with plain nock().
  const scopePrototype = Object.getPrototypeOf(nock("https://strict-nock.invalid")) as {
    emit(this: nock.Scope, event: string | symbol, ...args: unknown[]): boolean;
  };
  const emit = scopePrototype.emit;
  scopePrototype.emit = function (event, ...args) {
    if (event === "request" && state.active) {
      const [request, interceptor, body] = args as [{ method: string; path: string }, { basePath: string }, string | undefined];
      state.intercepted.push({ method: request.method, url: new URL(request.path, interceptor.basePath).href, body });
    }
    return emit.call(this, event, ...args);
  };
  return state;
}
