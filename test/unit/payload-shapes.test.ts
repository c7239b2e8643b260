/**
 * The payload shapes accept every real payload GitHub publishes for the
 * events the app reads (so checking them can never turn a real delivery
 * away) and name the first field that does not fit.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import {
  authoredPayloadProblem,
  commentPayloadProblem,
  installationRepositoriesShape,
  payloadProblem,
  repositoryEventShape,
} from "../../src/events/payload-shapes.js";
import { issueCommentCreated } from "../factories/webhooks.js";

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as Array<{ name: string; examples: Array<{ action?: string }> }>;
const examplesOf = (event: string, actions: string[]) =>
  examples.find((e) => e.name === event)!.examples.filter((example) => actions.includes(example.action ?? ""));
// Most examples lack `installation`, which the app reads when it is there.
const installed = (payload: object) => ({ ...payload, installation: { id: 1 } });

describe("webhook payload shapes", () => {
  it.each([
    ["issue_comment", ["created", "edited"]],
    ["pull_request_review_comment", ["created", "edited"]],
    ["pull_request_review", ["submitted", "edited"]],
  ])("accept every published %s example", (event, actions) => {
    const payloads = examplesOf(event, actions);
    expect(payloads.length).toBeGreaterThan(0);
    for (const payload of payloads) {
      expect(commentPayloadProblem(event, payload)).toBeUndefined();
      expect(commentPayloadProblem(event, installed(payload))).toBeUndefined();
    }
  });

  it.each([
    ["issue_comment", ["created"]],
    ["pull_request_review_comment", ["created"]],
    ["pull_request_review", ["submitted"]],
    ["issues", ["opened"]],
    ["pull_request", ["opened"]],
  ])("accept every published %s example a ban is enforced on", (event, actions) => {
    const payloads = examplesOf(event, actions);
    expect(payloads.length).toBeGreaterThan(0);
    for (const payload of payloads) expect(authoredPayloadProblem(event, installed(payload))).toBeUndefined();
  });

  it("accept every published repository and installation_repositories example", () => {
    for (const payload of examplesOf("repository", ["privatized", "created"])) expect(payloadProblem(repositoryEventShape, payload)).toBeUndefined();
    for (const payload of examplesOf("installation_repositories", ["added"])) expect(payloadProblem(installationRepositoriesShape, payload)).toBeUndefined();
  });

  it("name the first field that does not fit, by type, never by value", () => {
    const payload = issueCommentCreated({ body: "/coc flag" });
    payload.comment.body = ["a list, not text"];
    expect(commentPayloadProblem("issue_comment", payload)).toBe("comment.body: Invalid input: expected string, received array");
    expect(commentPayloadProblem("issue_comment", null)).toBe("payload: Invalid input: expected object, received null");
  });
});
