/**
 * Sign-in with GitHub and sign-out. `/auth/sign-in` keeps a random `state` in
 * the visitor's session and sends them to GitHub; `/auth/callback` accepts
 * GitHub's answer only with that state, from that browser, once, within ten
 * minutes, then starts a new session for the account (so no session id chosen
 * before sign-in survives it). `POST /auth/sign-out` deletes the session.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Request, Response, Router } from "express";
import type { Logger } from "pino";
import { frameOf, type TokenMaker } from "./frame.js";
import type { GitHubIdentity } from "./github-identity.js";
import { ErrorPage, SignedOutPage, type ErrorStory } from "./pages/notice-pages.js";
import { sendPage } from "./render.js";
import { CALLBACK_PATH } from "./web-settings.js";

const STATE_LIFETIME_MS = 10 * 60_000;
/** Where a sign-in may return to: the pages themselves, never another site. */
const RETURN_PATH = /^\/(?:appeal\/[A-Za-z0-9-]{1,64}|report(?:\/[A-Za-z0-9-]{1,64})?)$/;
const DEFAULT_RETURN = "/report";

/** Whether a path is one of the pages a person can open (and come back to after sign-in). */
export function isPagePath(path: string): boolean {
  return RETURN_PATH.test(path);
}

export function signInHref(returnTo: string): string {
  return `/auth/sign-in?${new URLSearchParams({ return: returnTo })}`;
}

export function addSignInRoutes(router: Router, deps: { identity: GitHubIdentity; makeToken: TokenMaker; log: Logger; cookie: { name: string; secure: boolean } }): void {
  const fail = (req: Request, res: Response, status: number, story: ErrorStory) => sendPage(res, status, ErrorPage({ frame: frameOf(req, deps.makeToken), story }));

  router.get("/auth/sign-in", async (req, res) => {
    const requested = typeof req.query.return === "string" ? req.query.return : "";
    const returnTo = isPagePath(requested) ? requested : DEFAULT_RETURN;
    const state = randomBytes(32).toString("base64url");
    req.session.signIn = { state, returnTo, startedAt: Date.now() };
    await saveSession(req);
    res.redirect(303, deps.identity.authorizationUrl(state));
  });

  router.get(CALLBACK_PATH, async (req, res) => {
    const pending = req.session.signIn;
    const { code, state, error } = req.query;
    // Used once, whatever comes next.
    delete req.session.signIn;
    const startAgain = { href: signInHref(pending?.returnTo ?? DEFAULT_RETURN), label: "Sign in again" };
    if (error === "access_denied") {
      await saveSession(req);
      return fail(req, res, 403, { title: "Sign-in cancelled", message: "GitHub says you did not allow the sign-in, so you are not signed in.", next: startAgain });
    }
    if (!pending || typeof state !== "string" || !sameSecret(state, pending.state) || Date.now() - pending.startedAt > STATE_LIFETIME_MS) {
      deps.log.warn("refused a sign-in callback whose state this browser did not start, or that expired");
      await saveSession(req);
      return fail(req, res, 400, {
        title: "This sign-in was not started here",
        message: "The answer from GitHub does not belong to a sign-in started in this browser in the last ten minutes, so it was not used.",
        next: startAgain,
      });
    }
    if (typeof code !== "string" || code === "") {
      return fail(req, res, 400, { title: "Sign-in did not finish", message: "GitHub sent no sign-in code back.", next: startAgain });
    }
    let account;
    try {
      account = await deps.identity.accountFor(code);
    } catch (problem) {
      deps.log.warn({ err: problem }, "GitHub did not confirm a sign-in");
      return fail(req, res, 502, { title: "Sign-in did not finish", message: "GitHub did not confirm the sign-in. Nothing was lost; please try again.", next: startAgain });
    }
    await regenerateSession(req);
    req.session.account = account;
    await saveSession(req);
    res.redirect(303, pending.returnTo);
  });

  router.post("/auth/sign-out", async (req, res) => {
    await new Promise<void>((resolve, reject) => req.session.destroy((problem) => (problem ? reject(problem) : resolve())));
    // With the attributes it was set with: a browser keeps a `__Host-` cookie that a clearing without `Secure` names.
    res.clearCookie(deps.cookie.name, { path: "/", httpOnly: true, sameSite: "lax", secure: deps.cookie.secure });
    sendPage(res, 200, SignedOutPage({ frame: { account: null, csrfToken: null } }));
  });
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function saveSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.save((problem) => (problem ? reject(problem) : resolve())));
}

function regenerateSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((problem) => (problem ? reject(problem) : resolve())));
}
