/**
 * A raid sweep in the in-memory fake: what one person wrote in an account
 * since a time (comments, reviews and review comments not hidden yet, oldest
 * first), and hiding many at once, as the GitHub port's sweep verbs do.
 */
import type { AuthoredContent, ContentSnapshot, HideClassifier } from "./port.js";

export function authoredIn(contents: Iterable<ContentSnapshot>, hidden: ReadonlyMap<string, HideClassifier>, account: string, login: string, since: Date): AuthoredContent[] {
  return [...contents]
    .filter((c) => c.ref.kind !== "issue" && c.ref.owner.toLowerCase() === account.toLowerCase() && c.authorLogin.toLowerCase() === login.toLowerCase())
    .filter((c) => Date.parse(c.createdAt) >= since.getTime() && !hidden.has(c.nodeId))
    .map((c) => ({ nodeId: c.nodeId, url: c.url, kind: c.ref.kind as AuthoredContent["kind"], createdAt: new Date(c.createdAt) }))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** Hides what exists; the rest is gone. */
export function hideAll(contents: Iterable<ContentSnapshot>, hidden: Map<string, HideClassifier>, nodeIds: string[], classifier: HideClassifier): { hidden: string[]; gone: string[] } {
  const known = new Set([...contents].map((c) => c.nodeId));
  for (const nodeId of nodeIds.filter((id) => known.has(id))) hidden.set(nodeId, classifier);
  return { hidden: nodeIds.filter((id) => known.has(id)), gone: nodeIds.filter((id) => !known.has(id)) };
}
