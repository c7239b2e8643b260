/**
 * What the appeal and report pages need to sign people in with GitHub: the
 * GitHub App's own client (GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET), the app's
 * public address (APP_URL) and the GitHub instance to sign in at: github.com,
 * or the GitHub Enterprise Server of GHE_HOST. Without the first three the
 * pages say plainly that they are not set up.
 */
import type { AppEnv } from "../env.js";

export interface SignInSettings {
  clientId: string;
  clientSecret: string;
  /** The app's public origin, without a trailing slash: every link and the sign-in callback are built from it. */
  appUrl: string;
  /** GitHub's REST API: https://api.github.com, or `<GHES>/api/v3`. */
  githubApiUrl: string;
}

/** The path GitHub sends a person back to after sign-in; `<APP_URL>` + this must be the app's registered callback URL. */
export const CALLBACK_PATH = "/auth/callback";

export function signInSettings(env: Pick<AppEnv, "GITHUB_CLIENT_ID" | "GITHUB_CLIENT_SECRET" | "APP_URL" | "GHE_HOST" | "GHE_PROTOCOL">): SignInSettings | null {
  if (!env.GITHUB_CLIENT_ID || !env.GITHUB_CLIENT_SECRET || !env.APP_URL) return null;
  return {
    clientId: env.GITHUB_CLIENT_ID,
    clientSecret: env.GITHUB_CLIENT_SECRET,
    appUrl: env.APP_URL,
    githubApiUrl: githubApiUrl(env),
  };
}

/** Probot's rule for the API of GHE_HOST. */
export function githubApiUrl(env: Pick<AppEnv, "GHE_HOST" | "GHE_PROTOCOL">): string {
  return env.GHE_HOST ? `${env.GHE_PROTOCOL ?? "https"}://${env.GHE_HOST}/api/v3` : "https://api.github.com";
}

export function callbackUrl(settings: Pick<SignInSettings, "appUrl">): string {
  return `${settings.appUrl}${CALLBACK_PATH}`;
}
