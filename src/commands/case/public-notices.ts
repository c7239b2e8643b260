/**
 * Where the minimal public notice goes when a case closes
 * (`decisions.public_notice: minimal`): once in each thread whose content was
 * reported in the case, and only when the committee found a breach of the
 * code. A case that found none says nothing in public, so a thread never
 * hints that someone there was reported.
 */
import type { PlannedAction } from "../../actions/planned-action.js";
import { isBreach, isOutcome } from "../../cases/outcomes.js";
import type { PublicNotice } from "../../config/workflow-schema.js";
import { parseContentLink } from "../content-link.js";

export function publicNoticeActions(setting: PublicNotice, outcome: string, evidenceUrls: readonly string[]): PlannedAction[] {
  if (setting !== "minimal" || !isOutcome(outcome) || !isBreach(outcome)) return [];
  const threads = new Map<string, Extract<PlannedAction, { kind: "public-notice" }>>();
  for (const url of evidenceUrls) {
    // Evidence addresses are GitHub's own (the content's html_url), recorded at the flag.
    const parsed = parseContentLink(url, new URL(url).host);
    if (!parsed.ok) continue;
    const { owner, repo, number } = parsed.ref;
    threads.set(`${owner}/${repo}#${number}`.toLowerCase(), { kind: "public-notice", repo: { owner, repo }, issueNumber: number });
  }
  return [...threads.values()];
}
