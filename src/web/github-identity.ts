/**
 * Who a person is on GitHub, learnt through the GitHub App's user
 * authorization (the web flow): the address to send them to, with the `state`
 * that binds the answer to their browser, and the exchange of GitHub's answer
 * for their account. The app keeps no token: it reads the account with it and
 * gives it back to GitHub at once.
 */
import { deleteToken, exchangeWebFlowCode, getWebFlowAuthorizationUrl } from "@octokit/oauth-methods";
import { request as octokitRequest } from "@octokit/request";
import { callbackUrl, type SignInSettings } from "./web-settings.js";

/** A GitHub account as the pages know it: the id is what identity rests on; logins can be renamed. */
export interface GitHubAccount {
  id: string;
  login: string;
}

export interface GitHubIdentity {
  authorizationUrl(state: string): string;
  /** GitHub's `code` for the account it belongs to. */
  accountFor(code: string): Promise<GitHubAccount>;
}

/** GitHub answers in well under a second; a sign-in that waits longer than this is better told to try again. */
const GITHUB_TIMEOUT_MS = 10_000;

export function gitHubIdentity(settings: SignInSettings, onTokenNotDeleted: (error: unknown) => void): GitHubIdentity {
  const request = octokitRequest.defaults({
    baseUrl: settings.githubApiUrl,
    headers: { "user-agent": "coc-enforcer" },
  });
  const timed = () => ({ signal: AbortSignal.timeout(GITHUB_TIMEOUT_MS) });
  return {
    authorizationUrl(state) {
      // A GitHub App's user authorization takes no scopes: what the app may read is its own permissions.
      return getWebFlowAuthorizationUrl({ clientType: "github-app", clientId: settings.clientId, redirectUrl: callbackUrl(settings), state, request }).url;
    },
    async accountFor(code) {
      const { authentication } = await exchangeWebFlowCode({
        clientType: "github-app",
        clientId: settings.clientId,
        clientSecret: settings.clientSecret,
        code,
        redirectUrl: callbackUrl(settings),
        request: request.defaults({ request: timed() }),
      });
      const { data } = await request("GET /user", { headers: { authorization: `token ${authentication.token}` }, request: timed() });
      // Not awaited: the person is signed in whether or not GitHub takes the token back quickly.
      deleteToken({ clientType: "github-app", clientId: settings.clientId, clientSecret: settings.clientSecret, token: authentication.token, request: request.defaults({ request: timed() }) }).catch(
        onTokenNotDeleted,
      );
      return { id: String(data.id), login: data.login };
    },
  };
}
