/**
 * The private report pages over HTTP against the fake world: the real app
 * behind Probot's server, people signed in through the OAuth stand-in, the
 * in-memory GitHub with its flagged comment and committee, and helpers to send
 * the form as a browser does and to run the jobs it queued.
 */
import { afterEach, beforeEach } from "vitest";
import { drainDueJobs } from "../../src/actions/worker.js";
import type { InMemoryGitHub } from "../../src/github/in-memory-github.js";
import type { PagesOptions } from "../../src/web/serve-pages.js";
import { issueCommentCreated } from "../factories/webhooks.js";
import { CASES, caseIssues, fakeWorld } from "./fake-world.js";
import { PageClient, type Page } from "./page-client.js";
import { startPagesServer, type PagesServer } from "./pages-server.js";
import { useTestDatabase } from "./test-database.js";

export const ALICE = { id: 501, login: "alice" };
export const MALLORY = { id: 666, login: "mallory" };
export const MEMBER = "mod-omar";
export const OTHER_MEMBER = "mod-lena";
export const COMMENT_LINK = "https://github.com/acme/widgets/issues/7#issuecomment-555";

/** A complete report about the flagged comment; tests change what they need. */
export function aReport(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    what_happened: "They called me an idiot in the thread,\nthen again the next day.",
    where: COMMENT_LINK,
    when: "4 March 2026, around 09:00 UTC",
    people: "troll-tom wrote it; bob saw it",
    ongoing: "yes",
    in_danger: "no",
    anonymous: "yes",
    exclude: "@mod-omar",
    outcome: "A warning, and the comment removed",
    ...overrides,
  };
}

export function useReportWorld(options: { pages?: Partial<PagesOptions> } = {}) {
  const database = useTestDatabase();
  let server: PagesServer;
  let github: InMemoryGitHub;
  let nextComment = 60_000;

  beforeEach(async () => {
    github = fakeWorld();
    github.addTeamMember("acme", "coc-committee", MEMBER);
    github.addTeamMember("acme", "coc-committee", OTHER_MEMBER);
    server = await startPagesServer({ db: database.db, github, pages: options.pages });
  });
  afterEach(async () => {
    await server.stop();
  });

  return {
    database,
    get server() {
      return server;
    },
    get github() {
      return github;
    },
    signedIn: (account: { id: number; login: string }) => server.signedIn(account),
    /** Opens the form and sends it with the page's own token, as a browser would. */
    async send(client: PageClient, fields: Record<string, string>): Promise<Page> {
      const form = await client.open("/report");
      return client.submit("/report", { _csrf: PageClient.tokenOf(form), ...fields });
    },
    /** Runs the jobs that are due: the report's filing and the GitHub actions it records. */
    drain: () => drainDueJobs(database.url, server.app.deps),
    /** A committee member writes in the case issue; what it queued runs. */
    async inCase(body: string, sender = OTHER_MEMBER) {
      const payload = issueCommentCreated({ ...CASES, body, sender, issueNumber: caseIssues(github)[0]!.number, commentId: ++nextComment });
      payload.repository.private = true;
      await server.app.deliver("issue_comment", payload);
      await drainDueJobs(database.url, server.app.deps);
    },
  };
}

/** The receipt path a sent report was redirected to. */
export function receiptPath(page: Page): string {
  const path = new URL(page.url).pathname;
  if (!/^\/report\/[0-9a-f]{32}$/.test(path)) throw new Error(`not a receipt: ${page.url} (${page.status})\n${page.html.slice(0, 400)}`);
  return path;
}

/** Markdown with code (fenced blocks and spans) taken out: what GitHub would render and link. */
export function outsideCode(markdown: string): string {
  return markdown.replace(/(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\1/g, "").replace(/`[^`\n]*`/g, "");
}
