/**
 * The real app behind Probot's HTTP server with its appeal and report pages,
 * signing people in against the local OAuth stand-in (at GitHub Enterprise
 * Server paths) and running case work against the in-memory GitHub.
 */
import { InMemoryGitHub } from "../../src/github/in-memory-github.js";
import type { Database } from "../../src/store/database.js";
import type { PagesOptions } from "../../src/web/serve-pages.js";
import { startOAuthStandIn, type OAuthStandIn } from "./oauth-stand-in.js";
import { PageClient } from "./page-client.js";
import { startProbotServer, type RunningServer } from "./probot-server.js";

export interface PagesServer {
  app: RunningServer;
  oauth: OAuthStandIn;
  github: InMemoryGitHub;
  /** A new browser, with its own cookies. */
  browser(): PageClient;
  /** A new browser, signed in as the account. */
  signedIn(account: { id: number; login: string }): Promise<PageClient>;
  stop(): Promise<void>;
}

export async function startPagesServer(options: { db: Database; github?: InMemoryGitHub; now?: () => Date; configured?: boolean; pages?: Partial<PagesOptions> }): Promise<PagesServer> {
  const oauth = await startOAuthStandIn();
  const github = options.github ?? new InMemoryGitHub();
  const app = await startProbotServer({
    db: options.db,
    gateway: github,
    now: options.now,
    pages: (url) => ({
      settings: options.configured === false ? null : { clientId: oauth.clientId, clientSecret: oauth.clientSecret, appUrl: url, githubApiUrl: oauth.apiUrl },
      ...options.pages,
    }),
  });
  const browser = () => new PageClient(app.url);
  return {
    app,
    oauth,
    github,
    browser,
    async signedIn(account) {
      const client = browser();
      oauth.signInAs(account);
      const page = await client.open(`/auth/sign-in?return=${encodeURIComponent("/report")}`);
      if (!page.html.includes(`@${account.login}`)) throw new Error(`sign-in as ${account.login} did not finish: ${page.status} ${page.html.slice(0, 300)}`);
      return client;
    },
    async stop() {
      await app.stop();
      await oauth.stop();
    },
  };
}
