/**
 * Which content a committee command acts on: the content the case was opened
 * for, or the comment, review or issue a link points to, e.g.
 *
 *   /coc hide
 *   /coc hide https://github.com/acme/widgets/issues/7#issuecomment-42
 *
 * A link must stay in the account the case belongs to (the committee of one
 * organization never acts in another's repositories), and out of the cases
 * repository itself.
 */
import { parseContentLink, type ContentRef } from "../content-link.js";
import type { RepoRef } from "../../github/port.js";
import type { CaseCommandContext } from "../command-spec.js";
import { UserError } from "../user-error.js";

export interface CaseTarget {
  ref: ContentRef;
  nodeId: string;
  /** Issue and pull request bodies cannot be minimized. */
  hideable: boolean;
  /** The issue or pull request the content is part of. */
  thread: { repo: RepoRef; number: number };
  /** "the flagged comment", "the linked review"… for confirmations. */
  description: string;
}

const NOUN: Record<ContentRef["kind"], string> = {
  issue: "issue or pull request",
  issue_comment: "comment",
  review_comment: "review comment",
  review: "review",
};

export async function caseTarget(ctx: CaseCommandContext, link: string | undefined): Promise<CaseTarget> {
  const evidence = ctx.caseFile.reports[0]?.evidence;
  if (!evidence) throw new UserError("this case has no flagged content; give a link to the content.");
  const flagged = parseContentLink(evidence.url, ctx.webHost);
  if (!flagged.ok) throw new Error(`case ${ctx.caseFile.code} has evidence with an address that is not a content link`);
  if (link === undefined) return describe(flagged.ref, evidence.nodeId, evidence.contentKind !== "issue", "the flagged");

  const parsed = parseContentLink(link, ctx.webHost);
  if (!parsed.ok) throw new UserError(parsed.reason);
  if (parsed.ref.owner.toLowerCase() !== flagged.ref.owner.toLowerCase()) {
    throw new UserError(`the link points outside \`${flagged.ref.owner}\`, the account this case belongs to.`);
  }
  // Case files and the notice board are the committee's own record, never content to act on.
  if (parsed.ref.repo.toLowerCase() === ctx.event.repo.repo.toLowerCase() && parsed.ref.owner.toLowerCase() === ctx.event.repo.owner.toLowerCase()) {
    throw new UserError("the link points into the cases repository; the committee's own record is not content to act on.");
  }
  const github = await ctx.gateway.forRepository(parsed.ref);
  const content = await github.fetchContent(parsed.ref);
  if (!content) throw new UserError("the linked content does not exist, or the app is not installed on its repository.");
  return describe(parsed.ref, content.nodeId, content.hideable, "the linked");
}

function describe(ref: ContentRef, nodeId: string, hideable: boolean, which: string): CaseTarget {
  return { ref, nodeId, hideable, thread: { repo: { owner: ref.owner, repo: ref.repo }, number: ref.number }, description: `${which} ${NOUN[ref.kind]}` };
}
