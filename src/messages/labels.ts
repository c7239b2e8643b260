/**
 * Labels on case issues, so the committee sees each case's state at a glance
 * in the cases repository's issue list.
 */
import type { LabelSpec } from "../github/port.js";
import type { CaseState } from "../store/case-state-name.js";

export const CASE_LABEL: LabelSpec = {
  name: "coc-case",
  color: "5319e7",
  description: "A Code of Conduct case file",
};

/** One per case state; the app keeps exactly one on each case issue. */
export const STATE_LABELS = {
  new: { name: "state: new", color: "d93f0b", description: "Awaiting acknowledgement by the committee" },
  acknowledged: { name: "state: acknowledged", color: "fbca04", description: "Acknowledged: the committee is handling it" },
  decision_proposed: { name: "state: decision proposed", color: "1d76db", description: "A decision is proposed: the committee is voting" },
  decided: { name: "state: decided", color: "0e8a16", description: "Decided: the decision is being enacted" },
  closed: { name: "state: closed", color: "cccccc", description: "Closed" },
} satisfies Record<CaseState, LabelSpec>;

/** On a case the escalation team decides (`committee.escalation_team`). */
export const ESCALATED_LABEL: LabelSpec = {
  name: "escalated",
  color: "b60205",
  description: "Escalated: the escalation team decides this case",
};

export const PUBLIC_BODY_LABEL: LabelSpec = {
  name: "needs-decision: public body",
  color: "fbca04",
  description: "Flagged issue or pull request body: GitHub cannot hide it, the committee decides",
};
