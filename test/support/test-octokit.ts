/**
 * Octokit and nock helpers for tests of the GitHub adapter: Probot's own
 * Octokit class (config, REST and enterprise plugins included), authenticated
 * with a fixed token, with retries and throttling off so a failure shows at once;
 * and reply callbacks that record what GitHub was sent, e.g.
 *   const sent = recorder();
 *   githubApi().post("/repos/acme/cases/issues").reply(sent.reply(201, { number: 1 }));
 *   expect(sent.bodies).toEqual([{ title: "…", body: "…", labels: ["coc-case"] }]);
 */
import type { ReplyFnResult } from "nock";
import { ProbotOctokit } from "probot";

export const TEST_TOKEN = "test";

/** The app as GitHub shows it on its own issues and comments, in adapter tests. */
export const TEST_BOT_LOGIN = "coc-enforcer[bot]";
export const TEST_IDENTITY = { botLogin: async () => TEST_BOT_LOGIN };

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

export function testOctokit(baseUrl?: string, options: { retry?: boolean; paced?: boolean } = {}): InstanceType<typeof ProbotOctokit> {
  return new ProbotOctokit({
    auth: { token: TEST_TOKEN },
    // With retries on, they are immediate: the plugin waits retryAfterBaseValue × n² ms.
    retry: options.retry ? { enabled: true, retryAfterBaseValue: 1 } : { enabled: false },
    // Paced: the throttling plugin as Probot runs it, writes spaced 1 s apart.
    throttle: options.paced ? { enabled: true, onRateLimit: () => false, onSecondaryRateLimit: () => false } : { enabled: false },
    log: quiet,
    ...(baseUrl ? { baseUrl } : {}),
  });
}

/** The parsed JSON body GitHub received, or the raw text when it was not JSON, or undefined when empty. */
export function parsedBody(body: unknown): unknown {
  if (typeof body !== "string") return body;
  if (body === "") return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

export interface Recorder {
  bodies: unknown[];
  /** A nock reply callback that records the request body, then answers with `status` and `response`. */
  reply(status: number, response?: unknown, headers?: Record<string, string>): (uri: string, body: unknown) => ReplyFnResult;
}

export function recorder(): Recorder {
  const bodies: unknown[] = [];
  return {
    bodies,
    reply: (status, response = "", headers = {}) =>
      (_uri, body) => {
        bodies.push(parsedBody(body));
        return [status, response as string, headers];
      },
  };
}

/** GitHub's 404 body, as Octokit turns it into a RequestError with status 404. */
export const NOT_FOUND = { message: "Not Found", documentation_url: "https://docs.github.com/rest" };
