/**
 * The answer to `/coc status` in a case: a short table of where the case
 * stands, then its history. It is posted in the case issue, which only the
 * committee reads; logins are quoted so that nobody is notified.
 */
import type { CaseRecord } from "../store/case-records.js";
import { formatUtc } from "../cases/case-state.js";
import { quietLogin } from "./safe-markdown.js";

const STATE_TEXT: Record<CaseRecord["state"], string> = {
  new: "new: awaiting acknowledgement",
  acknowledged: "acknowledged",
  decision_proposed: "a decision is proposed",
  decided: "decided: the decision is being enacted",
  closed: "closed",
};

/** History lines shown; older ones are in the audit log. */
const MAX_HISTORY = 30;

interface HistoryEvent {
  at: Date;
  actor: string;
  action: string;
}

interface Standing {
  /** The tally of the open proposal, or null without one. */
  votes: string | null;
  proposal: { outcome: string; by: string } | null;
  deadlines: Array<{ kind: string; dueAt: Date }>;
  /** The team that decides the case, as `owner/slug`, and whether it is the escalation team. */
  decidingTeam: { name: string; escalation: boolean };
}

/** Why a case went to the escalation team, by `cases.escalation_reason`. */
export const ESCALATION_REASON_TEXT: Record<string, string> = {
  deadlock: "no decision was reached in time",
  "member-involved": "a committee member is involved",
  committee: "the committee handed it over",
  "no-eligible-members": "nobody on the committee was left to decide it",
};

const DEADLINE_TEXT: Record<string, string> = {
  acknowledge: "acknowledgement due",
  "acknowledge-overdue": "acknowledgement overdue",
  resolve: "resolution target",
  "status-notice": "the reporter's next status notice",
  deadlock: "escalated as deadlocked",
  enact: "decision enacted",
  "lock-expiry": "timed lock ends",
  "emergency-signoff": "emergency act reverted unless signed off",
};

export function caseStatusText(caseFile: CaseRecord, history: HistoryEvent[], standing: Standing): string {
  const recused = caseFile.recusals.map((r) => `${quietLogin(r.login)} (${r.reason === "self" ? "recused themselves" : r.reason})`);
  const rows = [
    `| State | ${STATE_TEXT[caseFile.state]} |`,
    `| Acknowledged | ${caseFile.acknowledgedBy && caseFile.acknowledgedAt ? `by ${quietLogin(caseFile.acknowledgedBy)} at ${caseFile.acknowledgedAt.toISOString()}` : "not yet"} |`,
    `| Decided by | ${decidedByText(caseFile, standing.decidingTeam)} |`,
    `| Handled by | ${caseFile.assignee ? quietLogin(caseFile.assignee) : "nobody yet"} |`,
    `| Recused | ${recused.length > 0 ? recused.join(", ") : "nobody"}; the subject, the reporters and the affected never take part |`,
    `| Affected | ${caseFile.affectedParties.length > 0 ? caseFile.affectedParties.map((p) => quietLogin(p.login)).join(", ") : "none recorded"} |`,
    `| Safety threatened | ${caseFile.safetyThreatened === null ? "not recorded" : caseFile.safetyThreatened ? "yes" : "no"} |`,
    `| Reports | ${caseFile.reports.length} |`,
    `| Opened | ${caseFile.createdAt.toISOString()} |`,
  ];
  const proposal = standing.proposal ? [`**Proposal:** \`${standing.proposal.outcome}\` by ${quietLogin(standing.proposal.by)}`, "", standing.votes ?? "", ""] : [];
  const deadlines = standing.deadlines.length > 0 ? ["Deadlines:", "", ...standing.deadlines.map((d) => `- ${formatUtc(d.dueAt)}: ${DEADLINE_TEXT[d.kind] ?? d.kind}`), ""] : [];
  const shown = history.slice(-MAX_HISTORY);
  const lines = shown.map((event) => `- ${event.at.toISOString()} ${quietLogin(event.actor)}: ${event.action}`);
  const earlier = history.length > shown.length ? [`- … ${history.length - shown.length} earlier events are in the audit log`] : [];
  return [`case ${caseFile.code}:`, "", "| | |", "|---|---|", ...rows, "", ...proposal, ...deadlines, "History:", "", ...earlier, ...lines].join("\n");
}

function decidedByText(caseFile: CaseRecord, team: Standing["decidingTeam"]): string {
  if (!team.escalation || !caseFile.escalatedAt) return `the committee team (\`${team.name}\`)`;
  const why = ESCALATION_REASON_TEXT[caseFile.escalationReason ?? ""] ?? "escalated";
  return `the escalation team (\`${team.name}\`), since ${caseFile.escalatedAt.toISOString()}: ${why}`;
}
