import { describe, it, expect } from "vitest";
import { looksLikeLink, parseContentLink } from "../../src/commands/content-link.js";
import type { ContentRef } from "../../src/commands/content-link.js";

const GH = "https://github.com/octo-org/hello.world";
const issue = (number: number): ContentRef => ({ kind: "issue", owner: "octo-org", repo: "hello.world", number });

describe("parseContentLink: accepted links", () => {
  it.each<[string, string, ContentRef]>([
    ["issue", `${GH}/issues/12`, issue(12)],
    ["pull request", `${GH}/pull/7`, issue(7)],
    ["pull request files tab", `${GH}/pull/7/files`, issue(7)],
    ["pull request commits tab", `${GH}/pull/7/commits`, issue(7)],
    ["pull request changes tab", `${GH}/pull/7/changes`, issue(7)],
    ["trailing slash", `${GH}/issues/12/`, issue(12)],
    ["query string ignored", `${GH}/issues/12?notification_referrer_id=abc#issuecomment-5`, {
      kind: "issue_comment", owner: "octo-org", repo: "hello.world", number: 12, commentId: 5,
    }],
    ["opening post permalink", `${GH}/issues/12#issue-998877`, issue(12)],
    ["http", "http://github.com/octo-org/hello.world/issues/12", issue(12)],
    ["www host", "https://www.github.com/octo-org/hello.world/issues/12", issue(12)],
    ["upper-case host and section", "https://GitHub.com/octo-org/hello.world/ISSUES/12", issue(12)],
    ["angle brackets", `<${GH}/issues/12>`, issue(12)],
    ["closing parenthesis", `${GH}/issues/12)`, issue(12)],
    ["full stop", `${GH}/issues/12.`, issue(12)],
    ["brackets and full stop", `<${GH}/issues/12>.`, issue(12)],
    ["issue comment", `${GH}/issues/12#issuecomment-2345678901`, {
      kind: "issue_comment", owner: "octo-org", repo: "hello.world", number: 12, commentId: 2345678901,
    }],
    ["comment on a pull request", `${GH}/pull/7#issuecomment-55`, {
      kind: "issue_comment", owner: "octo-org", repo: "hello.world", number: 7, commentId: 55,
    }],
    ["review comment", `${GH}/pull/7#discussion_r99`, {
      kind: "review_comment", owner: "octo-org", repo: "hello.world", number: 7, commentId: 99,
    }],
    ["review comment on files tab", `${GH}/pull/7/files#r99`, {
      kind: "review_comment", owner: "octo-org", repo: "hello.world", number: 7, commentId: 99,
    }],
    ["review comment on changes tab", `${GH}/pull/7/changes#r99`, {
      kind: "review_comment", owner: "octo-org", repo: "hello.world", number: 7, commentId: 99,
    }],
    ["review", `${GH}/pull/7#pullrequestreview-4242`, {
      kind: "review", owner: "octo-org", repo: "hello.world", number: 7, reviewId: 4242,
    }],
    ["managed user and odd repo name", "https://github.com/mona_acme/_my-repo.v2/issues/3", {
      kind: "issue", owner: "mona_acme", repo: "_my-repo.v2", number: 3,
    }],
  ])("%s", (_label, url, ref) => {
    expect(parseContentLink(url, "github.com")).toEqual({ ok: true, ref });
  });

  it.each([
    ["plain host", "ghe.example.com", "https://ghe.example.com/o/r/issues/1"],
    ["host given as a URL", "https://ghe.example.com/", "https://ghe.example.com/o/r/issues/1"],
    ["host with port", "ghe.example.com:8443", "https://ghe.example.com:8443/o/r/issues/1"],
    ["default port spelled out", "ghe.example.com:443", "https://ghe.example.com/o/r/issues/1"],
  ])("GitHub Enterprise Server: %s", (_label, webHost, url) => {
    expect(parseContentLink(url, webHost)).toEqual({ ok: true, ref: { kind: "issue", owner: "o", repo: "r", number: 1 } });
  });
});

describe("parseContentLink: refused links", () => {
  it.each([
    ["another host", "https://gitlab.com/o/r/issues/1", "github.com", "links must point to github.com, not gitlab.com"],
    ["github.com on an Enterprise Server", "https://github.com/o/r/issues/1", "ghe.example.com", "links must point to ghe.example.com, not github.com"],
    ["wrong port", "https://ghe.example.com:9999/o/r/issues/1", "ghe.example.com:8443", "links must point to ghe.example.com:8443, not ghe.example.com:9999"],
    ["look-alike host", "https://github.com.evil.example/o/r/issues/1", "github.com", "links must point to github.com, not github.com.evil.example"],
    ["not a link", "rude", "github.com", "that is not a valid link; links must point to an issue, pull request, comment or review on github.com"],
    ["other scheme", "ftp://github.com/o/r/issues/1", "github.com", "links must start with https://; links must point to an issue, pull request, comment or review on github.com"],
    ["credentials", "https://me:secret@github.com/o/r/issues/1", "github.com", "links must not contain a user name or password"],
    ["repository only", "https://github.com/o/r", "github.com", "links must point to an issue, pull request, comment or review on github.com"],
    ["issue list", "https://github.com/o/r/issues", "github.com", "links must point to an issue, pull request, comment or review on github.com"],
    ["a file", "https://github.com/o/r/blob/main/README.md", "github.com", "links must point to an issue, pull request, comment or review on github.com"],
    ["non-numeric number", "https://github.com/o/r/issues/abc", "github.com", 'the issue or pull request number in the link is not valid'],
    ["zero", "https://github.com/o/r/pull/0", "github.com", 'the issue or pull request number in the link is not valid'],
    ["non-numeric comment id", "https://github.com/o/r/issues/1#issuecomment-abc", "github.com", 'the comment or review id in the link is not valid'],
    ["non-numeric review comment id", "https://github.com/o/r/pull/1#discussion_rxyz", "github.com", 'the comment or review id in the link is not valid'],
    ["oversized id", "https://github.com/o/r/pull/1#pullrequestreview-99999999999999999999", "github.com", 'the comment or review id in the link is not valid'],
    ["commit", "https://github.com/o/r/commit/0a1b2c3", "github.com", "links to commits are not supported; links must point to an issue, pull request, comment or review on github.com"],
    ["commit in a pull request", "https://github.com/o/r/pull/7/commits/0a1b2c3", "github.com", "links to commits are not supported; links must point to an issue, pull request, comment or review on github.com"],
    ["discussion", "https://github.com/o/r/discussions/5#discussioncomment-9", "github.com", "links to discussions are not supported; links must point to an issue, pull request, comment or review on github.com"],
    ["review comment on an issue", "https://github.com/o/r/issues/7#discussion_r9", "github.com", "review comments only exist on pull requests; use the /pull/ link"],
    ["review on an issue", "https://github.com/o/r/issues/7#pullrequestreview-9", "github.com", "reviews only exist on pull requests; use the /pull/ link"],
    ["#r on the conversation tab", "https://github.com/o/r/pull/7#r9", "github.com", "this link points into part of a page; links must point to an issue, pull request, comment or review on github.com"],
    ["timeline event", "https://github.com/o/r/issues/7#event-123", "github.com", "this link points into part of a page; links must point to an issue, pull request, comment or review on github.com"],
    ["unknown pull request tab", "https://github.com/o/r/pull/7/merge", "github.com", "links must point to an issue, pull request, comment or review on github.com"],
    ["invalid owner", "https://github.com/-octo/r/issues/1", "github.com", 'the account name in the link is not valid'],
    ["mention in place of an account", "https://github.com/@maintainer/r/issues/1", "github.com", "the account name in the link is not valid"],
    ["invalid repository", "https://github.com/o/r%20x/issues/1", "github.com", 'the repository name in the link is not valid'],
  ])("%s", (_label, url, webHost, reason) => {
    expect(parseContentLink(url, webHost)).toEqual({ ok: false, reason });
  });
});

describe("looksLikeLink", () => {
  it.each([
    ["https://github.com/o/r/issues/1", true],
    ["http://example.com", true],
    ["HTTPS://GITHUB.COM/o/r", true],
    ["<https://github.com/o/r/issues/1>", true],
    ["github.com/o/r/issues/1", false],
    ["rude", false],
    ["ftp://example.com", false],
    ["", false],
  ])("%s → %s", (token, expected) => {
    expect(looksLikeLink(token)).toBe(expected);
  });
});
