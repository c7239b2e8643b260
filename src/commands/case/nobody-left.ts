/**
 * A case nobody on the committee may decide (every member recused, involved,
 * or its subject or a reporter) would be stuck: where there is an escalation
 * team, it goes there, and the team is mentioned in the case. Checked when a
 * recusal or an affected party takes a member out, and when votes are counted.
 */
import { recusals } from "../../cases/recusal.js";
import type { CocConfig } from "../../config/schema.js";
import { nobodyLeftEscalation } from "../../messages/escalation.js";
import type { CaseRecord, ChangeConsequences } from "../../store/case-records.js";
import type { Transaction } from "../../store/database.js";
import { escalateCase } from "../../store/escalation.js";
import { decidedByEscalation } from "../committee.js";

export async function escalateWhenNobodyLeft(
  tx: Transaction,
  caseFile: CaseRecord,
  /** The committee team's members now. */
  members: readonly string[],
  /** Who the change being recorded takes out, on top of the case as it was read. */
  also: { recused?: readonly string[]; affected?: readonly string[] },
  config: CocConfig,
  now: Date,
): Promise<ChangeConsequences> {
  const team = config.committee.escalation_team;
  if (team === undefined || decidedByEscalation(caseFile, config.committee)) return {};
  const { eligible } = recusals({
    committee: members,
    subject: caseFile.subjectLogin,
    reporters: caseFile.reports.map((r) => r.reporterLogin),
    affected: [...caseFile.affectedParties.map((p) => p.login), ...(also.affected ?? [])],
    manual: [...caseFile.recusals.map((r) => r.login), ...(also.recused ?? [])],
  });
  if (eligible.length > 0 || !(await escalateCase(tx, caseFile.id, "no-eligible-members", now))) return {};
  return {
    reply: nobodyLeftEscalation(caseFile.code, `${caseFile.casesOwner}/${team}`),
    audit: [{ actor: "app", action: "case.escalated", detail: { reason: "no-eligible-members", team } }],
    actions: [{ kind: "sync-case-state", caseId: caseFile.id }],
  };
}
