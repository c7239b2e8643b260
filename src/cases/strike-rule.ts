/**
 * The strike rule: every formal warning is a strike against a person, kept
 * per account (an organization or a user) so that conduct follows them across
 * its repositories. A strike counts while it is not voided and, with a window
 * (`strikes.window: 365d`), while it is younger than the window. When a new
 * strike brings the count to the threshold (`strikes.threshold: 3`) or past
 * it, the rule's action is due (`strikes.on_threshold`).
 *
 * A voided strike stays on the record, marked with who voided it and why, but
 * never counts again. Pure: the caller passes the clock.
 */
import type { Milliseconds } from "../config/duration.js";

export interface StrikeFacts {
  issuedAt: Date;
  voidedAt: Date | null;
}

export interface StrikeRule {
  threshold: number;
  /** How long a strike counts; null: for good. */
  windowMs: Milliseconds | null;
}

/** Whether the strike counts at `now`. */
export function strikeCounts(strike: StrikeFacts, rule: Pick<StrikeRule, "windowMs">, now: Date): boolean {
  if (strike.voidedAt !== null && strike.voidedAt.getTime() <= now.getTime()) return false;
  if (strike.issuedAt.getTime() > now.getTime()) return false;
  return rule.windowMs === null || now.getTime() - strike.issuedAt.getTime() < rule.windowMs;
}

export function activeStrikeCount(strikes: readonly StrikeFacts[], rule: Pick<StrikeRule, "windowMs">, now: Date): number {
  return strikes.filter((strike) => strikeCounts(strike, rule, now)).length;
}

/**
 * Whether a strike just issued makes the rule's action due: the person's active strikes, the new
 * one included, reach the threshold. Each further strike past it is due again: the person keeps
 * breaching the code after the committee was told.
 */
export function thresholdReached(activeCount: number, rule: Pick<StrikeRule, "threshold">): boolean {
  return activeCount >= rule.threshold;
}

/** When the strike stops counting by age; null when it counts until voided. */
export function strikeLapsesAt(strike: StrikeFacts, rule: Pick<StrikeRule, "windowMs">): Date | null {
  return rule.windowMs === null ? null : new Date(strike.issuedAt.getTime() + rule.windowMs);
}
