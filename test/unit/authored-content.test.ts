/**
 * Reading new content for ban enforcement: whose account, who wrote it (with
 * their account id), where it is, and whether it is hidden or closed, for
 * every event the app enforces bans on; bots and deleted accounts are nobody.
 */
import { describe, expect, it } from "vitest";
import { authoredContentOf, isEnforcedDelivery, type AuthoredDelivery } from "../../src/bans/authored-content.js";
import { authoredPayloadProblem } from "../../src/events/payload-shapes.js";
import { fakeAccountId } from "../../src/github/in-memory-github.js";
import { issueCommentCreated, issueOpened, pullRequestOpened, reviewCommentCreated, reviewSubmitted } from "../factories/webhooks.js";

const read = (event: string, payload: object) => {
  expect(authoredPayloadProblem(event, payload)).toBeUndefined();
  return authoredContentOf({ event, payload } as AuthoredDelivery);
};
const TOM = { login: "troll-tom", id: fakeAccountId("troll-tom") };
const WIDGETS = { owner: "Acme", repo: "widgets" };

describe("authoredContentOf", () => {
  it("reads a comment, a review comment and a review as content to hide, by its node id", () => {
    expect(read("issue_comment", issueCommentCreated({ owner: "Acme", sender: "troll-tom", body: "hi", commentId: 77 }))).toEqual({
      account: "acme",
      repo: WIDGETS,
      author: TOM,
      url: "https://github.com/Acme/widgets/issues/7#issuecomment-77",
      target: { kind: "hide", what: "comment", nodeId: "IC_command77" },
    });
    expect(read("pull_request_review_comment", reviewCommentCreated({ owner: "Acme", sender: "troll-tom", body: "hi", commentId: 78 }))).toMatchObject({
      author: TOM,
      url: "https://github.com/Acme/widgets/pull/12#discussion_r78",
      target: { kind: "hide", what: "review comment", nodeId: "PRRC_comment78" },
    });
    expect(read("pull_request_review", reviewSubmitted({ owner: "Acme", sender: "troll-tom", body: "", reviewId: 79 }))).toMatchObject({
      author: TOM,
      target: { kind: "hide", what: "review", nodeId: "PRR_review79" },
    });
  });

  it("reads an issue and a pull request as a thread to close, by its number", () => {
    expect(read("issues", issueOpened({ sender: "troll-tom", issueNumber: 40 }))).toEqual({
      account: "acme",
      repo: { owner: "acme", repo: "widgets" },
      author: TOM,
      url: "https://github.com/acme/widgets/issues/40",
      target: { kind: "close", what: "issue", issueNumber: 40 },
    });
    expect(read("pull_request", pullRequestOpened({ sender: "troll-tom", pullNumber: 41 }))).toMatchObject({
      author: TOM,
      url: "https://github.com/acme/widgets/pull/41",
      target: { kind: "close", what: "pull request", issueNumber: 41 },
    });
  });

  it("gives no id when the payload has none, and no author for a bot or a deleted account", () => {
    const noId = issueCommentCreated({ sender: "troll-tom", body: "hi" });
    delete noId.comment.user.id;
    expect(read("issue_comment", noId)?.author).toEqual({ login: "troll-tom", id: null });
    expect(read("issue_comment", issueCommentCreated({ sender: "helper[bot]", body: "hi", authorType: "Bot" }))).toBeNull();
    const deleted = issueOpened({ sender: "troll-tom" });
    deleted.issue.user = null;
    expect(read("issues", deleted)).toBeNull();
  });

  it("is asked only for new content: created, submitted and opened, not edits", () => {
    expect(isEnforcedDelivery("issue_comment", "created")).toBe(true);
    expect(isEnforcedDelivery("pull_request_review_comment", "created")).toBe(true);
    expect(isEnforcedDelivery("pull_request_review", "submitted")).toBe(true);
    expect(isEnforcedDelivery("issues", "opened")).toBe(true);
    expect(isEnforcedDelivery("pull_request", "opened")).toBe(true);
    expect(isEnforcedDelivery("issue_comment", "edited")).toBe(false);
    expect(isEnforcedDelivery("pull_request_review", "edited")).toBe(false);
    expect(isEnforcedDelivery("issues", "edited")).toBe(false);
    expect(isEnforcedDelivery("push", undefined)).toBe(false);
    expect(isEnforcedDelivery("toString", "created")).toBe(false);
  });

  it("names the field a payload lacks", () => {
    const payload = issueOpened({ sender: "troll-tom" });
    payload.issue.number = "40";
    expect(authoredPayloadProblem("issues", payload)).toBe("issue.number: Invalid input: expected number, received string");
    const review = reviewSubmitted({ sender: "troll-tom", body: "" });
    delete review.review.user.login;
    expect(authoredPayloadProblem("pull_request_review", review)).toBe("review.user.login: Invalid input: expected string, received undefined");
  });
});
