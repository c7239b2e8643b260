/**
 * The record of cooldowns set from cases: where, how tight, from when and
 * until when, who lifted one early, and GitHub's refusal when it would not set
 * it. Recorded once per command or decision, with the action that sets it.
 */
import type { PlannedAction } from "../actions/planned-action.js";
import { COOLDOWN_EXPIRY_MS, type CooldownTerms } from "../cases/sanction-terms.js";
import { storedPlace } from "../commands/case/cooldown-place.js";
import type { InteractionPlace, RepoRef } from "../github/port.js";
import type { Transaction } from "./database.js";

export interface NewCooldown {
  caseId: string;
  place: InteractionPlace;
  terms: Pick<CooldownTerms, "expiry" | "limit">;
  setBy: string;
  /** The command or decision that sets it. */
  issueKey: string;
  /** A repository of the account the app is installed on, whose installation sets it. */
  via: RepoRef;
}

/** Records the cooldown and answers the action that sets it on GitHub; a replay of the same command or decision records nothing more. */
export async function recordCooldown(tx: Transaction, cooldown: NewCooldown, now: Date): Promise<{ endsAt: Date; action: PlannedAction | null }> {
  const existing = await tx.cooldown.findUnique({ where: { issueKey: cooldown.issueKey } });
  if (existing) return { endsAt: existing.endsAt, action: null };
  const endsAt = new Date(now.getTime() + COOLDOWN_EXPIRY_MS[cooldown.terms.expiry]);
  const row = await tx.cooldown.create({
    data: {
      caseId: cooldown.caseId,
      ...storedPlace(cooldown.place),
      limit: cooldown.terms.limit,
      expiry: cooldown.terms.expiry,
      setBy: cooldown.setBy,
      setAt: now,
      endsAt,
      issueKey: cooldown.issueKey,
    },
  });
  return { endsAt, action: { kind: "set-interaction-limit", caseId: cooldown.caseId, cooldownId: row.id, via: cooldown.via } };
}

/** Marks the cooldowns in force at the place as lifted, so a limit still waiting to be set is not set after the lift. */
export async function liftCooldowns(tx: Transaction, place: InteractionPlace, by: string, now: Date): Promise<number> {
  const lifted = await tx.cooldown.updateMany({ where: { ...storedPlace(place), liftedAt: null, endsAt: { gt: now } }, data: { liftedAt: now, liftedBy: by } });
  return lifted.count;
}
