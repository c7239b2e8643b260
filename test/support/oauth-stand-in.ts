/**
 * A local stand-in for GitHub's sign-in (the web flow of a GitHub App's user
 * authorization) at GitHub Enterprise Server paths: `/login/oauth/authorize`
 * sends the browser back to `redirect_uri` with a one-time code and the
 * `state` it was given, as the account the test chose; `/login/oauth/access_token`
 * takes the code only with the app's client ID and secret and the same
 * `redirect_uri`; `/api/v3/user` says whose token it is; the token can be
 * given back. It records what it was asked, so tests can check the requests.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface StandInAccount {
  id: number;
  login: string;
}

export interface OAuthStandIn {
  url: string;
  /** `<url>/api/v3`, the API base the app is given. */
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  /** Who the next sign-in signs in as. */
  signInAs(account: StandInAccount): void;
  /** The sign-ins GitHub was asked to start: their query parameters. */
  authorizations: Array<Record<string, string>>;
  /** Tokens the app gave back. */
  deletedTokens: string[];
  /** Tokens issued, by account login. */
  issuedTokens: Map<string, string>;
  stop(): Promise<void>;
}

export async function startOAuthStandIn(): Promise<OAuthStandIn> {
  const clientId = "Iv23liStandIn0001";
  const clientSecret = "stand-in-client-secret-3c5e";
  let account: StandInAccount = { id: 1, login: "someone" };
  const codes = new Map<string, { account: StandInAccount; redirectUri: string }>();
  const tokens = new Map<string, StandInAccount>();
  const authorizations: Array<Record<string, string>> = [];
  const deletedTokens: string[] = [];
  const issuedTokens = new Map<string, string>();

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const json = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (req.method === "GET" && url.pathname === "/login/oauth/authorize") {
      const query = Object.fromEntries(url.searchParams);
      authorizations.push(query);
      if (query.client_id !== clientId || !query.redirect_uri || !query.state) return res.writeHead(400).end("bad authorize request");
      const code = randomBytes(10).toString("hex");
      codes.set(code, { account, redirectUri: query.redirect_uri });
      const back = new URL(query.redirect_uri);
      back.searchParams.set("code", code);
      back.searchParams.set("state", query.state);
      return res.writeHead(302, { location: back.toString() }).end();
    }
    if (req.method === "POST" && url.pathname === "/login/oauth/access_token") {
      const body = JSON.parse((await readBody(req)) || "{}") as Record<string, string>;
      const issued = body.code ? codes.get(body.code) : undefined;
      if (body.code) codes.delete(body.code);
      if (body.client_id !== clientId || body.client_secret !== clientSecret) return json(200, { error: "incorrect_client_credentials", error_description: "The client_id and/or client_secret passed are incorrect." });
      if (!issued || issued.redirectUri !== body.redirect_uri) return json(200, { error: "bad_verification_code", error_description: "The code passed is incorrect or expired." });
      const token = `ghu_${randomBytes(12).toString("hex")}`;
      tokens.set(token, issued.account);
      issuedTokens.set(issued.account.login, token);
      return json(200, { access_token: token, token_type: "bearer", scope: "" });
    }
    if (req.method === "GET" && url.pathname === "/api/v3/user") {
      const token = (req.headers.authorization ?? "").replace(/^token /, "");
      const owner = tokens.get(token);
      return owner ? json(200, { login: owner.login, id: owner.id, type: "User" }) : json(401, { message: "Bad credentials" });
    }
    if (req.method === "DELETE" && url.pathname === `/api/v3/applications/${clientId}/token`) {
      const basic = Buffer.from((req.headers.authorization ?? "").replace(/^basic /i, ""), "base64").toString();
      if (basic !== `${clientId}:${clientSecret}`) return json(401, { message: "Bad credentials" });
      const { access_token: token } = JSON.parse(await readBody(req)) as { access_token: string };
      deletedTokens.push(token);
      tokens.delete(token);
      return res.writeHead(204).end();
    }
    json(404, { message: "Not Found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    apiUrl: `${url}/api/v3`,
    clientId,
    clientSecret,
    signInAs: (next) => (account = next),
    authorizations,
    deletedTokens,
    issuedTokens,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}
