/**
 * The app's own web pages, as one Express application: the appeal and report
 * pages and the sign-in they need. Every answer carries a strict Content
 * Security Policy (scripts and styles from the app's own files only, nothing
 * inline, no framing); forms carry a per-session token; bodies are small;
 * without sign-in set up, every page says so instead of failing.
 */
import { fileURLToPath } from "node:url";
import express, { type ErrorRequestHandler, type Express, type Request, type RequestHandler, type Router } from "express";
import { csrfSync } from "csrf-sync";
import helmet from "helmet";
import type { Logger } from "pino";
import type { TrustedConfigOptions } from "../config/trusted-config.js";
import type { GitHubGateway } from "../github/port.js";
import type { Database } from "../store/database.js";
import type { SubmissionLimiter } from "../store/web-rate-limits.js";
import { DatabaseSessionStore } from "../store/web-sessions.js";
import { frameOf, type TokenMaker } from "./frame.js";
import type { GitHubIdentity } from "./github-identity.js";
import { ErrorPage, NotConfiguredPage, SignInPage } from "./pages/notice-pages.js";
import { sendPage } from "./render.js";
import { sessionCookieName, sessionMiddleware } from "./session.js";
import { addSignInRoutes, isPagePath, signInHref } from "./sign-in-routes.js";
import type { SignInSettings } from "./web-settings.js";

/** Larger than any form's own limits, so that a long text gets a message that keeps it, not a refusal. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** What pages need of the rest of the app: GitHub as the app's installations see it, and its job worker. */
export interface AppAccess {
  gateway: GitHubGateway;
  /** Web host of the GitHub instance: links people give must point there. */
  webHost: string;
  /** Process settings that bound what `.github/coc.yml` may say. */
  configOptions: TrustedConfigOptions;
  /** Tells an idle job worker of this process that a job was queued, so it need not wait for its next poll. */
  wakeWorker(): void;
}

/** What a page's routes are given. */
export interface WebContext {
  db: Database;
  app: AppAccess;
  log: Logger;
  now: () => Date;
  settings: SignInSettings;
  makeToken: TokenMaker;
  limiter: SubmissionLimiter;
  /** Lets the request on only when someone is signed in; a visitor is asked to sign in, then comes back. */
  requireAccount(purpose: string): RequestHandler;
}

/** The routes of one set of pages (appeals, reports). */
export type WebPages = (router: Router, context: WebContext) => void;

export interface WebAppOptions {
  db: Database;
  app: AppAccess;
  log: Logger;
  now?: () => Date;
  /** Null when GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET or APP_URL is unset. */
  settings: SignInSettings | null;
  identity: GitHubIdentity | null;
  limiter: SubmissionLimiter;
  pages: WebPages[];
}

const ASSETS = fileURLToPath(new URL("./assets/", import.meta.url));

export function createWebApp(options: WebAppOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(securityHeaders(options.settings?.appUrl.startsWith("https:") ?? false));
  app.use("/assets", express.static(ASSETS, { index: false, maxAge: "1h", fallthrough: false }));

  const { settings, identity } = options;
  if (!settings || !identity) {
    app.use((req, res) => sendPage(res, 503, NotConfiguredPage({ frame: frameOf(req, null) })));
    return app;
  }
  const secure = settings.appUrl.startsWith("https:");
  const { generateToken, csrfSynchronisedProtection } = csrfSync({ getTokenFromRequest: (req) => (req.body as { _csrf?: string } | undefined)?._csrf });
  const makeToken: TokenMaker = (req) => generateToken(req);
  app.use(sessionMiddleware({ store: new DatabaseSessionStore(options.db), clientSecret: settings.clientSecret, secure }));
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT_BYTES, parameterLimit: 100 }));
  app.use(csrfSynchronisedProtection);

  const router = express.Router();
  addSignInRoutes(router, { identity, makeToken, log: options.log, cookie: { name: sessionCookieName(secure), secure } });
  const context: WebContext = {
    db: options.db,
    app: options.app,
    log: options.log,
    now: options.now ?? (() => new Date()),
    settings,
    makeToken,
    limiter: options.limiter,
    requireAccount: (purpose) => (req, res, next) => {
      if (req.session.account) return next();
      sendPage(res, 401, SignInPage({ frame: frameOf(req, makeToken), purpose, signInHref: signInHref(req.path) }));
    },
  };
  for (const addPages of options.pages) addPages(router, context);
  app.use(router);
  app.use((req, res) => sendPage(res, 404, ErrorPage({ frame: frameOf(req, makeToken), story: { title: "Page not found", message: "There is no page at this address." } })));
  app.use(errorPage(options.log, makeToken));
  return app;
}

function securityHeaders(secure: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
    },
    // Only an https address can ask browsers to keep to https.
    strictTransportSecurity: secure ? { maxAge: 31_536_000 } : false,
    referrerPolicy: { policy: "same-origin" },
  });
}

/** Errors as pages that say what to do; what the person wrote is shown again when their form was refused. */
function errorPage(log: Logger, makeToken: TokenMaker): ErrorRequestHandler {
  return (error: { status?: number; type?: string; code?: string }, req: Request, res, _next) => {
    const frame = frameOf(req, req.session ? makeToken : null);
    if (error.type === "entity.too.large") {
      return sendPage(res, 413, ErrorPage({ frame, story: { title: "Too long to send", message: `What you sent is larger than ${BODY_LIMIT_BYTES / 1024} KiB, so none of it was read. Shorten it and send it again.` } }));
    }
    // A missing stylesheet, script or icon (express.static answers them with 404 errors).
    if (error.status === 404) return sendPage(res, 404, ErrorPage({ frame, story: { title: "Page not found", message: "There is no page at this address." } }));
    if (error.code === "EBADCSRFTOKEN") {
      return sendPage(res, 403, ErrorPage({ frame, story: { title: "This form has expired", message: "The form was not sent from a page of this site opened in this session (perhaps you signed out or in meanwhile), so nothing was sent. Open the page again and send it from there.", unsent: unsentText(req), next: { href: isPagePath(req.path) ? req.path : "/report", label: "Open the form again" } } }));
    }
    log.error({ err: error }, "a page failed");
    sendPage(res, 500, ErrorPage({ frame, story: { title: "Something went wrong", message: "The app could not answer. Nothing you sent was recorded; please try again in a moment.", unsent: unsentText(req) } }));
  };
}

/**
 * What the person wrote in a refused form: its free-text fields, leaving out the token and the values that
 * are identifiers the page put there (which decision, which choice), not words of theirs.
 */
function unsentText(req: Request): string | undefined {
  const body = req.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== "object") return undefined;
  const written = Object.entries(body)
    .filter(([key, value]) => key !== "_csrf" && typeof value === "string" && value.trim() !== "" && !IDENTIFIER.test(value))
    .map(([, value]) => value as string);
  return written.length > 0 ? written.join("\n\n") : undefined;
}

const IDENTIFIER = /^[A-Za-z0-9_:.\/-]+$/;
