/**
 * The ways the GitHub stand-in can fail a request on purpose, as GitHub and
 * the network really fail: server errors, secondary and primary rate limits
 * (with the headers Octokit's throttling plugin reads), dropped connections
 * and requests that never get an answer. A fault suite picks one per request:
 *
 *   stand.injectFault = (request) =>
 *     request.rootFields.includes("minimizeComment") && request.seq < 20 ? { kind: "status", status: 502 } : undefined;
 *
 * `when: "after"` lets the request take effect first and then loses its
 * answer: the case of a create that happened although the app never heard so.
 */
import type { Answer } from "./github-stand-in-rest.js";

export type Fault =
  | { kind: "status"; status: 500 | 502 | 503; when?: "before" | "after" }
  /** GitHub's secondary rate limit: 403 (or 429) with `retry-after` and a message naming it. */
  | { kind: "secondary-rate-limit"; status?: 403 | 429; retryAfterSeconds: number }
  /** The primary rate limit: 403 (or 429) with `x-ratelimit-remaining: 0` and the reset time. */
  | { kind: "rate-limit"; status?: 403 | 429; resetInSeconds: number }
  /** The connection is dropped without an answer. */
  | { kind: "connection-reset"; when?: "before" | "after" }
  /** No answer ever comes; the connection stays open until the client gives up or the stand-in closes. */
  | { kind: "timeout"; when?: "before" | "after" };

export type FaultOutcome = { answer: Answer } | { drop: "reset" | "hang" };

const DOCS = "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api";

export function faultOutcome(fault: Fault, resource: "core" | "graphql"): FaultOutcome {
  switch (fault.kind) {
    case "status": {
      const message = fault.status === 500 ? "Server Error" : fault.status === 502 ? "Bad Gateway" : "Service Unavailable";
      return { answer: { status: fault.status, body: { message } } };
    }
    case "secondary-rate-limit":
      return {
        answer: {
          status: fault.status ?? 403,
          headers: { "retry-after": String(fault.retryAfterSeconds) },
          body: {
            message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
            documentation_url: `${DOCS}#about-secondary-rate-limits`,
            status: String(fault.status ?? 403),
          },
        },
      };
    case "rate-limit": {
      const reset = Math.ceil(Date.now() / 1000) + fault.resetInSeconds;
      return {
        answer: {
          status: fault.status ?? 403,
          headers: {
            "x-ratelimit-limit": "5000",
            "x-ratelimit-remaining": "0",
            "x-ratelimit-used": "5000",
            "x-ratelimit-reset": String(reset),
            "x-ratelimit-resource": resource,
          },
          body: { message: "API rate limit exceeded for installation.", documentation_url: DOCS, status: String(fault.status ?? 403) },
        },
      };
    }
    case "connection-reset":
      return { drop: "reset" };
    case "timeout":
      return { drop: "hang" };
  }
}

/** Rate limits refuse the request; a server error or a lost connection may happen before or after it took effect. */
export function faultComesAfterEffect(fault: Fault): boolean {
  return (fault.kind === "status" || fault.kind === "connection-reset" || fault.kind === "timeout") && fault.when === "after";
}
