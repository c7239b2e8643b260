/**
 * What a ban's timers do when they come: `bans.remind_before` ahead of its
 * end, the committee is reminded in the case; at its end the ban is lifted
 * (the person is unblocked, or the app stops enforcing it), and the case and
 * the audit log say so. A ban lifted meanwhile leaves both with nothing to do.
 */
import { decidingTeam } from "../commands/committee.js";
import type { CocConfig } from "../config/schema.js";
import type { RepoRef } from "../github/port.js";
import { banReminderText } from "../messages/bans.js";
import type { AuditEntry } from "../store/audit-log.js";
import { liftBan } from "../store/bans.js";
import type { Transaction } from "../store/database.js";
import type { PlannedAction } from "./planned-action.js";

interface CaseForBanTimer {
  id: string;
  casesOwner: string;
  issueNumber: number | null;
  escalatedAt: Date | null;
}

export async function banTimerConsequences(
  tx: Transaction,
  kind: "ban-reminder" | "ban-expiry",
  banId: string,
  record: CaseForBanTimer,
  casesRepo: RepoRef,
  config: CocConfig,
  now: Date,
): Promise<{ actions: PlannedAction[]; audit: Array<Omit<AuditEntry, "caseId">> }> {
  const audit = [{ actor: "app", action: `deadline.${kind}`, detail: { ban: banId } }];
  if (kind === "ban-expiry") {
    const { actions } = await liftBan(tx, banId, "app", "expired", now);
    return { actions, audit };
  }
  const ban = await tx.ban.findUnique({ where: { id: banId } });
  if (!ban || ban.liftedAt || !ban.endsAt || record.issueNumber === null) return { actions: [], audit: [] };
  const team = `${record.casesOwner}/${decidingTeam(record, config.committee)}`;
  return { actions: [{ kind: "reply", repo: casesRepo, issueNumber: record.issueNumber, body: banReminderText(team, { ...ban, endsAt: ban.endsAt }) }], audit };
}
