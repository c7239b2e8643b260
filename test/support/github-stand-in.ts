/**
 * A local GitHub over real HTTP, for benchmarks and fault tests of the whole
 * app: node:http on 127.0.0.1 (random port) answering the REST and GraphQL
 * requests a `/coc flag` makes, in any order, from a stateful world
 * (repositories, permissions, comments, minimized content, issues, labels).
 * Every request is recorded with the time it arrived (`performance.now()`,
 * the same clock as the caller's), its GitHub path template and, for
 * GraphQL, its operation. Anything it does not know is answered 404 and
 * recorded as unexpected. Latency and faults can be injected per request.
 *
 *   const stand = await startGitHubStandIn({ app: { id: 1, …, privateKey } });
 *   new Probot({ appId: 1, privateKey, baseUrl: stand.baseUrl });
 *   …
 *   stand.requests.filter((r) => r.kind === "write");
 */
import { createPublicKey, randomBytes, verify, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { faultComesAfterEffect, faultOutcome, type Fault } from "./github-stand-in-faults.js";
import { describeGraphqlRequest, executeGraphql } from "./github-stand-in-graphql.js";
import { matchRestRoute, type Answer, type RestRoute } from "./github-stand-in-rest.js";
import type { Urls } from "./github-stand-in-shapes.js";
import { StandInWorld, type Installation } from "./github-stand-in-world.js";

export type { Fault } from "./github-stand-in-faults.js";

/** How GitHub's pacing sees a request: Octokit spaces writes and all GraphQL; token requests go their own way. */
export type RequestKind = "read" | "write" | "graphql" | "token";

export interface RecordedRequest {
  /** 1, 2, … in order of arrival. */
  seq: number;
  method: string;
  /** As sent, without the query string. */
  path: string;
  query: string;
  /** GitHub's template for a REST request (`/repos/{owner}/{repo}/issues`), "/graphql", or null when unknown. */
  route: string | null;
  kind: RequestKind;
  operationName: string | null;
  operationType: "query" | "mutation" | "subscription" | null;
  rootFields: string[];
  /** performance.now() when the request's headers arrived. */
  receivedAt: number;
  /** performance.now() when the answer was sent, or null when none was (dropped, hanging, pending). */
  answeredAt: number | null;
  status: number | null;
  fault: Fault["kind"] | null;
  /** No route matched: the app asked for something the stand-in (and this bench) does not know. */
  unexpected: boolean;
  /** GraphQL fields the world does not model (answered null). */
  unmodelled: string[];
  installationId: number | null;
  /** The body as sent, for contract checks after the run. */
  rawBody: string;
  /** The JSON answer as sent (undefined for none, text or a dropped connection), for the same checks. */
  answerBody: string | undefined;
}

export interface StandInOptions {
  app?: { id?: number; slug?: string; name?: string; owner?: string; privateKey?: string };
  /** Where content lives for people (flag links); default https://github.com. */
  webHost?: string;
  latencyMs?: number | ((request: RecordedRequest) => number);
}

const TOKEN_LIFETIME_MS = 60 * 60 * 1000;

export class GitHubStandIn {
  readonly world: StandInWorld;
  readonly requests: RecordedRequest[] = [];
  /** Added before each request is handled (network and GitHub's own time). */
  latencyMs: number | ((request: RecordedRequest) => number);
  /** Return a fault to fail this request; undefined answers normally. */
  injectFault: ((request: RecordedRequest) => Fault | undefined) | undefined;
  private readonly tokens = new Map<string, { installation: Installation; expiresAt: number }>();
  private readonly waiters = new Set<() => void>();
  private readonly hanging = new Set<ServerResponse>();
  private readonly publicKey: KeyObject | undefined;
  private urls: Urls = { api: "", web: "" };

  constructor(
    private readonly server: Server,
    options: StandInOptions,
  ) {
    const app = options.app ?? {};
    this.world = new StandInWorld({ id: app.id ?? 1, slug: app.slug ?? "coc-enforcer", name: app.name ?? "CoC Enforcer", owner: app.owner ?? "coc-enforcer-dev" });
    this.publicKey = app.privateKey ? createPublicKey(app.privateKey) : undefined;
    this.latencyMs = options.latencyMs ?? 0;
    this.injectFault = undefined;
    this.urls.web = `https://${options.webHost ?? "github.com"}`;
    server.on("request", (req, res) => this.receive(req, res));
  }

  /** The REST base URL, for Probot's `baseUrl` (GraphQL is at `${baseUrl}/graphql`, as on github.com). */
  get baseUrl(): string {
    return this.urls.api;
  }

  listening(): void {
    const { port } = this.server.address() as AddressInfo;
    this.urls.api = `http://127.0.0.1:${port}`;
  }

  unexpected(): RecordedRequest[] {
    return this.requests.filter((r) => r.unexpected);
  }

  /** Resolves once `predicate` holds, checked now and after every answer; rejects after `timeoutMs`. */
  until(predicate: () => boolean, timeoutMs: number, what = "the awaited state"): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`the GitHub stand-in did not reach ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  /**
   * Checks every recorded request against GitHub's published REST and GraphQL
   * descriptions, and every REST answer the stand-in gave against the REST
   * description, after the run so the checks never add to measured times.
   */
  async contractProblems(): Promise<string[]> {
    const { validateRestRequest, validateRestResponse } = await import("./rest-contract.js");
    const { validateGraphqlRequest } = await import("./graphql-contract.js");
    return this.requests.flatMap((r) => {
      const body = parseJson(r.rawBody);
      const url = `${r.path}${r.query}`;
      const sent =
        r.route === "/graphql"
          ? validateGraphqlRequest((body ?? {}) as { query: unknown })
          : validateRestRequest({ method: r.method, url, body: body ?? r.rawBody });
      // GraphQL answers come from executing GitHub's own schema; an unknown endpoint's 404 describes nothing.
      const answered =
        r.route === "/graphql" || r.unexpected || r.status === null || r.fault !== null
          ? []
          : validateRestResponse({ method: r.method, url, status: r.status, body: r.answerBody === undefined ? undefined : JSON.parse(r.answerBody) });
      return [...sent.map((p) => `#${r.seq} request ${p}`), ...answered.map((p) => `#${r.seq} answer ${p}`)];
    });
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private receive(req: IncomingMessage, res: ServerResponse): void {
    const receivedAt = performance.now();
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      this.handle(req, res, receivedAt, Buffer.concat(chunks).toString("utf8")).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json; charset=utf-8" });
        res.end(JSON.stringify({ message: `stand-in failure: ${(error as Error).message}` }));
      });
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse, receivedAt: number, rawBody: string): Promise<void> {
    const url = new URL(req.url ?? "/", "http://stand-in");
    // GitHub Enterprise Server serves the same API under /api/v3, and GraphQL at /api/graphql.
    const path = url.pathname.replace(/^\/api\/v3(?=\/)/, "").replace(/^\/api\/graphql$/, "/graphql");
    const method = (req.method ?? "GET").toUpperCase();
    const body = parseJson(rawBody);
    const isGraphql = method === "POST" && path === "/graphql";
    const rest = isGraphql ? undefined : matchRestRoute(method, path);
    const graphql = isGraphql ? describeGraphqlRequest(body) : { operationName: null, operationType: null, rootFields: [] };
    const record: RecordedRequest = {
      seq: this.requests.length + 1,
      method,
      path: url.pathname,
      query: url.search,
      route: isGraphql ? "/graphql" : (rest?.route.template ?? null),
      kind: isGraphql ? "graphql" : rest?.route.template === "/app/installations/{installation_id}/access_tokens" ? "token" : method === "GET" || method === "HEAD" ? "read" : "write",
      ...graphql,
      receivedAt,
      answeredAt: null,
      status: null,
      fault: null,
      unexpected: !isGraphql && !rest,
      unmodelled: [],
      installationId: null,
      rawBody,
      answerBody: undefined,
    };
    this.requests.push(record);

    const latency = typeof this.latencyMs === "function" ? this.latencyMs(record) : this.latencyMs;
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));

    const fault = this.injectFault?.(record);
    if (fault) record.fault = fault.kind;
    const outcome = fault ? faultOutcome(fault, isGraphql ? "graphql" : "core") : undefined;
    if (outcome && !faultComesAfterEffect(fault!)) return this.finish(res, record, outcome);

    const answer = this.answer(req, record, body, rest);
    return this.finish(res, record, outcome ?? { answer });
  }

  private answer(req: IncomingMessage, record: RecordedRequest, body: unknown, rest: { route: RestRoute; params: Record<string, string> } | undefined): Answer {
    if (record.unexpected || !record.route) return { status: 404, body: { message: "Not Found", documentation_url: "https://docs.github.com/rest" } };
    const credentials = this.authenticate(String(req.headers.authorization ?? ""));
    const needsApp = rest?.route.auth === "app";
    if (needsApp ? credentials.kind !== "app" : credentials.kind !== "installation") {
      return { status: 401, body: { message: needsApp ? "A JSON web token could not be decoded" : "Bad credentials", documentation_url: "https://docs.github.com/rest" } };
    }
    const installation = credentials.kind === "installation" ? credentials.installation : undefined;
    record.installationId = installation?.id ?? null;
    if (!rest) {
      const outcome = executeGraphql({ body, installation: installation!, seq: record.seq }, this.world, this.urls);
      record.unmodelled = outcome.unmodelled;
      return { status: 200, body: outcome.body };
    }
    return rest.route.handle(
      { method: record.method, params: rest.params, query: new URLSearchParams(record.query), headers: req.headers, body, installation, seq: record.seq },
      { world: this.world, urls: this.urls, issueToken: (i) => this.issueToken(i) },
    );
  }

  private authenticate(header: string): { kind: "app" } | { kind: "installation"; installation: Installation } | { kind: "none" } {
    const [scheme, credential = ""] = header.split(" ");
    if (!scheme || !credential) return { kind: "none" };
    const token = this.tokens.get(credential);
    if (token && token.expiresAt > Date.now()) return { kind: "installation", installation: token.installation };
    return scheme.toLowerCase() === "bearer" && this.validJwt(credential) ? { kind: "app" } : { kind: "none" };
  }

  /** The app's JWT: RS256, issued by the app, not expired; the signature is checked when the app's key was given. */
  private validJwt(jwt: string): boolean {
    const [header, payload, signature] = jwt.split(".");
    if (!header || !payload || !signature) return false;
    const claims = parseJson(Buffer.from(payload, "base64url").toString("utf8")) as { iss?: unknown; exp?: unknown } | undefined;
    if (String(claims?.iss) !== String(this.world.app.id) || typeof claims?.exp !== "number" || claims.exp * 1000 < Date.now()) return false;
    if (!this.publicKey) return true;
    return verify("RSA-SHA256", Buffer.from(`${header}.${payload}`), this.publicKey, Buffer.from(signature, "base64url"));
  }

  /** A token for an installation, as `POST /app/installations/{id}/access_tokens` hands out: for tests that call GitHub directly. */
  installationToken(installationId: number): string {
    const installation = this.world.installations.get(installationId);
    if (!installation) throw new Error(`no installation ${installationId} in the stand-in`);
    return this.issueToken(installation).token;
  }

  private issueToken(installation: Installation): { token: string; expiresAt: Date } {
    const token = `ghs_${randomBytes(18).toString("base64url")}`;
    const expiresAt = new Date(Date.now() + TOKEN_LIFETIME_MS);
    this.tokens.set(token, { installation, expiresAt: expiresAt.getTime() });
    return { token, expiresAt };
  }

  private finish(res: ServerResponse, record: RecordedRequest, outcome: ReturnType<typeof faultOutcome>): void {
    if ("drop" in outcome) {
      if (outcome.drop === "reset") res.socket?.destroy();
      else this.hanging.add(res.once("close", () => this.hanging.delete(res)));
      this.notify();
      return;
    }
    const { status, body, text, headers = {} } = outcome.answer;
    const payload = text ?? (body === undefined || status === 204 ? "" : JSON.stringify(body));
    res.writeHead(status, {
      ...(status === 204 ? {} : { "content-type": text !== undefined ? "text/plain; charset=utf-8" : "application/json; charset=utf-8" }),
      "x-github-request-id": `STANDIN:${record.seq}`,
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": "4999",
      "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + 3600),
      "x-ratelimit-resource": record.route === "/graphql" ? "graphql" : "core",
      ...headers,
    });
    res.end(payload);
    if (text === undefined && payload !== "") record.answerBody = payload;
    record.status = status;
    record.answeredAt = performance.now();
    this.notify();
  }

  private notify(): void {
    for (const check of [...this.waiters]) check();
  }
}

function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function startGitHubStandIn(options: StandInOptions = {}): Promise<GitHubStandIn> {
  const server = createServer();
  // Octokit keeps connections alive between requests, as it does with GitHub.
  server.keepAliveTimeout = 60_000;
  const stand = new GitHubStandIn(server, options);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host: "127.0.0.1", port: 0 }, () => resolve());
  });
  stand.listening();
  return stand;
}
