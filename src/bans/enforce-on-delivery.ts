/**
 * The webhook side of the bans the app enforces itself. When someone banned
 * with `/coc ban 1w` where GitHub could not block them comments, reviews or
 * opens an issue or pull request in the account's repositories, the
 * delivery records the hide (or the close and lock) and the note in the case
 * at once, and the worker carries them out within moments.
 *
 * Every other delivery costs a lookup in memory (`BannedPeople`): no query,
 * no GitHub call, so the webhooks of everyone else stay as fast as before.
 */
import type { BannedPeople } from "./banned-people.js";
import { authoredContentOf, isEnforcedDelivery, type AuthoredDelivery } from "./authored-content.js";
import { planBanEnforcement } from "./plan-enforcement.js";
import { authoredPayloadProblem } from "../events/payload-shapes.js";
import type { Database } from "../store/database.js";
import { recordBanEnforcement } from "../store/ban-enforcements.js";

export interface BanEnforcementDeps {
  db: Database;
  banned: BannedPeople;
  now: () => Date;
}

export interface WebhookDelivery {
  id: string;
  /** The event, e.g. `issue_comment`; its action is read from the payload. */
  name: string;
  payload: unknown;
}

export type EnforcementOutcome =
  /** The payload does not fit what enforcement reads: nothing was done. */
  | { problem: string }
  /** The actions recorded (none for anyone not banned, and for a redelivery), to wake the worker for. */
  | { problem?: undefined; actionIds: string[] };

export async function enforceBanOnDelivery(deps: BanEnforcementDeps, delivery: WebhookDelivery): Promise<EnforcementOutcome> {
  const action = (delivery.payload as { action?: unknown } | null)?.action;
  if (!isEnforcedDelivery(delivery.name, action)) return { actionIds: [] };
  const problem = authoredPayloadProblem(delivery.name, delivery.payload);
  if (problem) return { problem };
  const content = authoredContentOf({ event: delivery.name, payload: delivery.payload } as AuthoredDelivery);
  const ban = content && deps.banned.find(content.account, content.author.login, content.author.id);
  if (!content || !ban) return { actionIds: [] };
  const plan = planBanEnforcement(content, ban, delivery.id);
  const actionIds = await recordBanEnforcement(
    deps.db,
    { deliveryId: delivery.id, event: delivery.name, banId: ban.id, caseId: ban.caseId, ...plan },
    deps.now(),
  );
  return { actionIds };
}
