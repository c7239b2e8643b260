/**
 * The status block at the top of a case issue's body: the state, who decides
 * the case, who acknowledged and handles it, and the proposal or decision,
 * kept in step by the app whenever the case changes, so whoever opens the
 * case issue sees where it stands without asking `/coc status`.
 *
 * The block sits right after the case marker, between two hidden markers. It
 * is found only there: evidence quoted further down may contain marker text,
 * but never at the start of the app's own body. Room for the longest block is
 * reserved when the case file is packed, so a longer block never pushes the
 * body past GitHub's limit.
 */
import { formatUtc } from "../cases/case-state.js";
import type { CaseState } from "../store/case-state-name.js";
import { GITHUB_BODY_LIMIT } from "./message-packer.js";
import { quietLogin } from "./safe-markdown.js";

export const STATUS_BEGIN = "<!-- coc-status:begin -->";
export const STATUS_END = "<!-- coc-status:end -->";

/** The most a block can take: its lines are the app's words, dates, at most three logins and an outcome name. */
export const STATUS_BLOCK_ROOM = 1_000;

export interface StatusFacts {
  state: CaseState;
  escalatedAt: Date | null;
  acknowledgedBy: string | null;
  acknowledgedAt: Date | null;
  assignee: string | null;
  /** The latest proposal: open (being voted on) or decided. */
  proposal: { outcome: string; proposer: string; status: string } | null;
  decidedAt: Date | null;
  closedAt: Date | null;
}

const STATE_TEXT: Record<CaseState, string> = {
  new: "new: awaiting acknowledgement",
  acknowledged: "acknowledged",
  decision_proposed: "decision proposed: the vote is open",
  decided: "decided: the decision is being enacted",
  closed: "closed",
};

export function statusBlock(facts: StatusFacts): string {
  const who = [
    `Decided by: ${facts.escalatedAt ? `the escalation team, since ${formatUtc(facts.escalatedAt)}` : "the committee team"}`,
    `Acknowledged: ${facts.acknowledgedBy && facts.acknowledgedAt ? `${quietLogin(facts.acknowledgedBy)}, ${formatUtc(facts.acknowledgedAt)}` : "not yet"}`,
    `Handled by: ${facts.assignee ? quietLogin(facts.assignee) : "nobody yet"}`,
  ];
  const lines = [`> **State: ${STATE_TEXT[facts.state]}** · ${who.join(" · ")}`];
  const proposal = facts.proposal;
  if (proposal && proposal.status === "open" && facts.state === "decision_proposed") {
    lines.push(`> Proposal: \`${proposal.outcome}\` by ${quietLogin(proposal.proposer)}; \`/coc status\` shows the votes`);
  }
  if (proposal && proposal.status === "decided" && facts.decidedAt) {
    lines.push(`> Decision: \`${proposal.outcome}\`, ${formatUtc(facts.decidedAt)}${facts.closedAt ? `; closed ${formatUtc(facts.closedAt)}` : ""}`);
  } else if (facts.closedAt && facts.state === "closed") {
    lines.push(`> Closed ${formatUtc(facts.closedAt)}`);
  }
  const block = [STATUS_BEGIN, ...lines, STATUS_END].join("\n");
  if (block.length > STATUS_BLOCK_ROOM) throw new Error(`a status block of ${block.length} characters exceeds its reserved room`);
  return block;
}

/**
 * The body with its status block replaced: the block right after the body's first line (the case
 * marker). A body without one there (a case issue from before status blocks, or edited by hand)
 * gets one inserted after that line. Null when the first line is not `marker`: not the app's case file.
 */
export function withStatusBlock(written: string, marker: string, block: string): string | null {
  // A body edited in GitHub's web editor comes back with CRLF line ends.
  const body = written.replace(/\r\n/g, "\n");
  const firstBreak = body.indexOf("\n");
  const firstLine = firstBreak === -1 ? body : body.slice(0, firstBreak);
  if (firstLine !== marker) return null;
  const rest = firstBreak === -1 ? "" : body.slice(firstBreak + 1);
  let rewritten = `${marker}\n${block}\n${rest}`;
  if (rest.startsWith(`${STATUS_BEGIN}\n`)) {
    const end = rest.indexOf(`\n${STATUS_END}`);
    if (end !== -1) rewritten = `${marker}\n${block}${rest.slice(end + 1 + STATUS_END.length)}`;
  }
  // A case issue written before its room was reserved may have none to spare: it keeps its old text.
  return rewritten.length <= GITHUB_BODY_LIMIT ? rewritten : null;
}
