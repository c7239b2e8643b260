/**
 * Labels on case issues, so the committee sees each case's state at a glance
 * in the cases repository's issue list.
 */
import type { LabelSpec } from "../github/port.js";

export const CASE_LABEL: LabelSpec = {
  name: "coc-case",
  color: "5319e7",
  description: "A Code of Conduct case file",
};

export const STATE_LABELS = {
  new: { name: "state: new", color: "d93f0b", description: "Awaiting acknowledgement by the committee" },
} satisfies Record<string, LabelSpec>;

export const PUBLIC_BODY_LABEL: LabelSpec = {
  name: "needs-decision: public body",
  color: "fbca04",
  description: "Flagged issue or pull request body: GitHub cannot hide it, the committee decides",
};
