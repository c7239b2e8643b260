/**
 * How the in-memory fake files repositories and content in its maps: by
 * `owner/repo`, case-insensitively, as GitHub resolves names.
 */
import type { ContentRef } from "../commands/content-link.js";
import type { RepoRef } from "./port.js";

export const repoKey = (r: RepoRef) => `${r.owner}/${r.repo}`.toLowerCase();

export function contentKeyOf(ref: ContentRef): string {
  const base = repoKey(ref);
  switch (ref.kind) {
    case "issue":
      return `${base}#${ref.number}`;
    case "issue_comment":
      return `${base}:ic${ref.commentId}`;
    case "review_comment":
      return `${base}:rc${ref.commentId}`;
    case "review":
      return `${base}:rv${ref.reviewId}`;
  }
}
