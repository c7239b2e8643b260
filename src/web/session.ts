/**
 * The session of a visitor of the appeal and report pages: a signed,
 * HTTP-only, SameSite=Lax cookie (Secure, with the `__Host-` prefix, when the
 * app's address is https) that carries a random id; what it stands for is kept
 * in the database. Lax, because GitHub's sign-in comes back as a top-level
 * navigation from another site, which a Strict cookie would not follow.
 */
import { hkdfSync } from "node:crypto";
import type { RequestHandler } from "express";
import session from "express-session";
import type { GitHubAccount } from "./github-identity.js";

declare module "express-session" {
  interface SessionData {
    /** The GitHub account signed in. */
    account?: GitHubAccount;
    /** A sign-in under way: the `state` sent to GitHub, where to go after it, and since when. */
    signIn?: { state: string; returnTo: string; startedAt: number };
  }
}

/** A signed-in session lasts a working day; the appeal and report forms take minutes. */
export const SESSION_LIFETIME_MS = 8 * 3_600_000;

export function sessionCookieName(secure: boolean): string {
  // `__Host-`: the browser takes it only over https, for this host alone and every path (no Domain can widen it).
  return secure ? "__Host-coc_session" : "coc_session";
}

export function sessionMiddleware(options: { store: session.Store; clientSecret: string; secure: boolean }): RequestHandler {
  return session({
    name: sessionCookieName(options.secure),
    store: options.store,
    secret: sessionSecret(options.clientSecret),
    resave: false,
    saveUninitialized: false,
    // Behind a TLS-terminating proxy the request arrives over http: X-Forwarded-Proto says it was https.
    proxy: options.secure,
    cookie: { httpOnly: true, sameSite: "lax", secure: options.secure, path: "/", maxAge: SESSION_LIFETIME_MS },
  });
}

/**
 * The key that signs session cookies, derived from the client secret, so there
 * is no further secret to keep; rotating the client secret signs everyone out.
 */
function sessionSecret(clientSecret: string): string {
  return Buffer.from(hkdfSync("sha256", clientSecret, "coc-enforcer", "session cookie signature", 32)).toString("base64url");
}
