/**
 * A small GitHub Enterprise Server on loopback for tests that run the app as a
 * real process (`node dist/src/main.js`), where nock cannot reach: it answers
 * the requests one `/coc flag` makes (installation token, configuration,
 * permission, the flagged comment, hiding it, removing the command, labels and
 * the case issue), keeps the resulting state, and records each write applied.
 *
 * `hold()` makes writes wait unanswered, as an unreachable GitHub does, so a
 * test can stop or kill the app with its jobs in flight. A held write is
 * applied only when the test lets it through (`letThrough()`) while its
 * connection is still open: a write whose process was killed never happened.
 *
 *   const github = await startHeldWritesGitHub();   // github.host → GHE_HOST
 *   github.hold();
 *   ... start the app, send a flag, kill it ...
 *   github.letThrough();
 *   expect(github.applied).toEqual(["hide IC_abusive555", "delete comment 9001", ...]);
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const INSTALLATION_ID = 4242;
export const FLAGGED = { owner: "acme", repo: "widgets", issue: 7, commentId: 555, nodeId: "IC_abusive555" };
export const CASES_REPO = { owner: "acme", repo: "coc-cases" };

interface Held {
  apply(): void;
  reply(): void;
  gone: boolean;
}

export interface HeldWritesGitHub {
  /** host:port, for GHE_HOST (with GHE_PROTOCOL=http). */
  host: string;
  /** The flagged comment's link, as a moderator pastes it. */
  flaggedUrl: string;
  /** Writes applied, in order: "hide <node id>", "delete comment <id>", "label <name>", "issue <number>". */
  applied: string[];
  /** Every request received, as "METHOD path". */
  requests: string[];
  /** Requests no route answers (the test should expect none). */
  unexpected: string[];
  /** Case issues created, with their bodies. */
  issues: Array<{ number: number; title: string; body: string; labels: string[] }>;
  hold(): void;
  /** Writes waiting unanswered right now, from connections still open. */
  heldCount(): number;
  /** Stops holding: writes still waiting (whose connection is open) are applied and answered. */
  letThrough(): void;
  until(condition: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startHeldWritesGitHub(): Promise<HeldWritesGitHub> {
  const applied: string[] = [];
  const requests: string[] = [];
  const unexpected: string[] = [];
  const issues: HeldWritesGitHub["issues"] = [];
  const labels = new Set<string>();
  let hidden = false;
  let commandRemoved = false;
  let holding = false;
  let held: Held[] = [];

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, any>) : {};
      route(request, response, body);
    });
  });

  const json = (response: ServerResponse, status: number, body?: unknown) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(body === undefined ? "" : JSON.stringify(body));
  };
  const notFound = (response: ServerResponse) => json(response, 404, { message: "Not Found" });

  /** A write: applied and answered now, or, while holding, when let through. */
  const write = (request: IncomingMessage, response: ServerResponse, apply: () => void, reply: () => void) => {
    if (!holding) {
      apply();
      reply();
      return;
    }
    const entry: Held = { apply, reply, gone: false };
    // The client went away (its process was killed, or it gave up): the write never reached GitHub.
    response.on("close", () => {
      if (!response.writableFinished) entry.gone = true;
    });
    request.socket.on("close", () => (entry.gone = true));
    held.push(entry);
  };

  function route(request: IncomingMessage, response: ServerResponse, body: Record<string, any>): void {
    const url = new URL(request.url ?? "/", "http://stand-in");
    const path = decodeURIComponent(url.pathname);
    const method = request.method ?? "GET";
    requests.push(`${method} ${path}`);
    const api = "/api/v3";
    const flaggedRepo = `${api}/repos/${FLAGGED.owner}/${FLAGGED.repo}`;
    const casesRepo = `${api}/repos/${CASES_REPO.owner}/${CASES_REPO.repo}`;

    // A process that has not received a webhook yet looks installations up (both repositories belong to acme).
    if (method === "GET" && (path === `${flaggedRepo}/installation` || path === `${casesRepo}/installation`)) {
      return json(response, 200, { id: INSTALLATION_ID, account: { login: FLAGGED.owner } });
    }
    if (method === "POST" && path === `${api}/app/installations/${INSTALLATION_ID}/access_tokens`) {
      return json(response, 201, { token: "ghs_standin", expires_at: "2099-01-01T00:00:00Z", permissions: { issues: "write" }, repository_selection: "all" });
    }
    if (method === "GET" && path.endsWith("/contents/.github/coc.yml")) return notFound(response);
    if (method === "GET" && path === `${flaggedRepo}/collaborators/mod-maria/permission`) {
      return json(response, 200, { permission: "write", role_name: "maintain", user: { login: "mod-maria" } });
    }
    // The person reported cannot read the cases repository: the case file may be written.
    if (method === "GET" && path === `${casesRepo}/collaborators/troll-tom/permission`) {
      return json(response, 200, { permission: "none", role_name: "", user: { login: "troll-tom", id: 4242 } });
    }
    if (method === "GET" && path === `${flaggedRepo}/issues/comments/${FLAGGED.commentId}`) {
      return json(response, 200, {
        id: FLAGGED.commentId,
        node_id: FLAGGED.nodeId,
        html_url: flaggedUrl,
        body: "You are all idiots.",
        user: { login: "troll-tom", id: 4242, type: "User" },
        created_at: "2026-03-04T09:00:00Z",
      });
    }
    if (method === "POST" && path === "/api/graphql") {
      const query = String(body.query ?? "");
      if (query.includes("query ContentDetails")) {
        return json(response, 200, { data: { node: { lastEditedAt: null, userContentEdits: { nodes: [] }, isMinimized: hidden } } });
      }
      if (query.includes("minimizeComment")) {
        return write(
          request,
          response,
          () => {
            hidden = true;
            applied.push(`hide ${body.variables?.id}`);
          },
          () => json(response, 200, { data: { minimizeComment: { minimizedComment: { isMinimized: true } } } }),
        );
      }
    }
    if (method === "DELETE" && path === `${flaggedRepo}/issues/comments/9001`) {
      if (commandRemoved) return notFound(response);
      return write(
        request,
        response,
        () => {
          commandRemoved = true;
          applied.push("delete comment 9001");
        },
        () => json(response, 204),
      );
    }
    if (method === "GET" && path === casesRepo) {
      return json(response, 200, { name: CASES_REPO.repo, owner: { login: CASES_REPO.owner }, private: true, visibility: "private" });
    }
    if (method === "GET" && path === `${casesRepo}/issues`) return json(response, 200, issues.map((i) => ({ ...i, labels: i.labels.map((name) => ({ name })) })));
    if (method === "GET" && path.startsWith(`${casesRepo}/labels/`)) {
      const name = path.slice(`${casesRepo}/labels/`.length);
      return labels.has(name) ? json(response, 200, { name }) : notFound(response);
    }
    if (method === "POST" && path === `${casesRepo}/labels`) {
      const name = String(body.name);
      return write(
        request,
        response,
        () => {
          labels.add(name);
          applied.push(`label ${name}`);
        },
        () => json(response, 201, { name }),
      );
    }
    if (method === "POST" && path === `${casesRepo}/issues`) {
      let number = 0;
      return write(
        request,
        response,
        () => {
          number = issues.length + 1;
          issues.push({ number, title: String(body.title), body: String(body.body), labels: (body.labels as string[]) ?? [] });
          applied.push(`issue ${number}`);
        },
        () => json(response, 201, { number, html_url: `http://${host}/${CASES_REPO.owner}/${CASES_REPO.repo}/issues/${number}` }),
      );
    }
    unexpected.push(`${method} ${path}`);
    notFound(response);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const flaggedUrl = `http://${host}/${FLAGGED.owner}/${FLAGGED.repo}/issues/${FLAGGED.issue}#issuecomment-${FLAGGED.commentId}`;

  return {
    host,
    flaggedUrl,
    applied,
    requests,
    unexpected,
    issues,
    hold: () => {
      holding = true;
    },
    heldCount: () => held.filter((h) => !h.gone).length,
    letThrough() {
      holding = false;
      const waiting = held.filter((h) => !h.gone);
      held = [];
      for (const entry of waiting) {
        entry.apply();
        entry.reply();
      }
    },
    async until(condition, what, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}; GitHub saw: ${requests.join(", ")}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
