/**
 * Reads the link a moderator gives to `/coc flag` and says what it points at:
 *
 *     /coc flag https://github.com/o/r/pull/7#discussion_r123 insults
 *
 * names review comment 123 on pull request o/r#7. Links copied from GitHub's
 * "Copy link" menu, the address bar or the files tab all work; anything else
 * (a commit, a discussion, another host) gets a short reason the moderator can
 * act on instead of flagging the wrong content.
 */

import type { ContentRef } from "../domain/content.js";

export type { ContentRef } from "../domain/content.js";

export type LinkParseResult = { ok: true; ref: ContentRef } | { ok: false; reason: string };

// Accounts: letters, digits and hyphens (underscore for managed users' suffix).
const OWNER = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;
// Tabs of a pull request page that still show the pull request as a whole.
const PULL_TABS = new Set(["files", "changes", "commits", "checks"]);
// Tabs on which GitHub links a diff comment as `#r<id>`.
const DIFF_TABS = new Set(["files", "changes"]);

/** True for tokens that are meant as links, so `/coc flag` can tell a link from a reason. */
export function looksLikeLink(token: string): boolean {
  return /^<?https?:\/\//i.test(token.trim());
}

/**
 * `webHost` is the web host of the GitHub instance: "github.com", or a GitHub
 * Enterprise Server host such as "ghe.example.com" or "ghe.example.com:8443".
 */
export function parseContentLink(url: string, webHost: string): LinkParseResult {
  const host = normalizeHost(webHost);
  const generic = `links must point to an issue, pull request, comment or review on ${host}`;
  const fail = (reason: string): LinkParseResult => ({ ok: false, reason });

  let parsed: URL;
  try {
    parsed = new URL(unwrap(url));
  } catch {
    return fail(`that is not a valid link; ${generic}`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    return fail(`links must start with https://; ${generic}`);
  }
  const linkHost = parsed.host.toLowerCase();
  if (linkHost !== host && linkHost !== `www.${host}`) {
    return fail(`links must point to ${host}, not ${linkHost}`);
  }
  if (parsed.username !== "" || parsed.password !== "") {
    return fail("links must not contain a user name or password");
  }

  const [owner, repo, section, numberText, ...tail] = parsed.pathname.split("/").filter((s) => s !== "");
  if (owner === undefined || repo === undefined || section === undefined) return fail(generic);
  // Reasons never repeat what was typed: the reply is posted on GitHub, where
  // an echoed `@name` would notify someone.
  if (!OWNER.test(owner)) return fail("the account name in the link is not valid");
  if (!REPO.test(repo) || repo === "." || repo === "..") return fail("the repository name in the link is not valid");

  const kind = section.toLowerCase();
  const tab = tail[0]?.toLowerCase();
  if (kind === "commit" || kind === "commits" || (kind === "pull" && tab === "commits" && tail.length > 1)) {
    return fail(`links to commits are not supported; ${generic}`);
  }
  if (kind === "discussions") return fail(`links to discussions are not supported; ${generic}`);
  if ((kind !== "issues" && kind !== "pull") || numberText === undefined) return fail(generic);

  const number = positiveInteger(numberText);
  if (number === undefined) return fail("the issue or pull request number in the link is not valid");
  const isPull = kind === "pull";
  if (tail.length > 1 || (tab !== undefined && !(isPull && PULL_TABS.has(tab)))) return fail(generic);

  const base = { owner, repo, number };
  const fragment = decodeFragment(parsed.hash);
  if (fragment === "") return { ok: true, ref: { kind: "issue", ...base } };
  // `#r<id>` is matched on digits only: other fragments may start with "r".
  const anchor = /^(issuecomment-|discussion_r|pullrequestreview-|issue-)(.*)$|^(r)(\d+)$/.exec(fragment);
  if (anchor === null) return fail(`this link points into part of a page; ${generic}`);
  const prefix = anchor[1] ?? anchor[3];
  const id = positiveInteger(anchor[2] ?? anchor[4] ?? "");
  if (id === undefined) return fail("the comment or review id in the link is not valid");

  switch (prefix) {
    case "issue-":
      // GitHub's "Copy link" on an opening post; the id is not needed.
      return { ok: true, ref: { kind: "issue", ...base } };
    case "issuecomment-":
      return { ok: true, ref: { kind: "issue_comment", ...base, commentId: id } };
    case "discussion_r":
    case "r":
      if (!isPull) return fail("review comments only exist on pull requests; use the /pull/ link");
      if (prefix === "r" && !(tab !== undefined && DIFF_TABS.has(tab))) {
        return fail(`this link points into part of a page; ${generic}`);
      }
      return { ok: true, ref: { kind: "review_comment", ...base, commentId: id } };
    default:
      if (!isPull) return fail("reviews only exist on pull requests; use the /pull/ link");
      return { ok: true, ref: { kind: "review", ...base, reviewId: id } };
  }
}

/** Strips what a link picks up in prose: `<…>` wrapping and trailing punctuation. */
function unwrap(token: string): string {
  return token
    .trim()
    .replace(/^[<(]+/, "")
    .replace(/[>)\].,;:!?'"]+$/, "");
}

function normalizeHost(webHost: string): string {
  // Tolerate a configured value such as "https://ghe.example.com/".
  const bare = webHost.trim().replace(/^https?:\/\//i, "").replace(/\/.*$/, "");
  try {
    return new URL(`https://${bare}`).host.toLowerCase();
  } catch {
    return bare.toLowerCase();
  }
}

function decodeFragment(hash: string): string {
  try {
    return decodeURIComponent(hash.replace(/^#/, ""));
  } catch {
    return hash.replace(/^#/, "");
  }
}

function positiveInteger(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}
