/**
 * What every page needs from the request: the account signed in and the
 * session's form token (made on first use, kept for the session).
 */
import type { Request } from "express";
import type { Frame } from "./pages/layout.js";

export type TokenMaker = (req: Request) => string;

export function frameOf(req: Request, makeToken: TokenMaker | null): Frame {
  const account = req.session?.account ?? null;
  // Visitors get no token: the only forms they see are GitHub's.
  return { account, csrfToken: account && makeToken ? makeToken(req) : null };
}
