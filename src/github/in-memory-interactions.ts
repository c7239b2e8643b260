/**
 * Interaction limits in the in-memory fake, as GitHub keeps them: one per
 * public repository and one per organization, an organization's overriding
 * its repositories' (setting or removing a repository's then answers 409).
 * Tests can take the app's `administration` permission away, or make an
 * account a person's (no organization limits).
 */
import { COOLDOWN_EXPIRY_MS, type CooldownExpiry, type InteractionLimit } from "../cases/sanction-terms.js";
import type { InMemoryFaults } from "./in-memory-faults.js";
import type { InteractionAnswer, InteractionLimitState, InteractionPlace } from "./port.js";

export type InteractionWrite = { verb: "set-interaction-limit"; place: string; limit: InteractionLimit; expiry: CooldownExpiry } | { verb: "remove-interaction-limit"; place: string };

export class InMemoryInteractions {
  /** `owner/repo` or `org:<org>` → the limit set there. */
  readonly limits = new Map<string, { limit: InteractionLimit; expiresAt: Date }>();
  /** Whether the app was granted the optional `administration` permission (and the organization one). */
  permitted = true;
  /** Accounts that are people, not organizations. */
  readonly userAccounts = new Set<string>();

  constructor(
    private readonly faults: InMemoryFaults,
    private readonly record: (write: InteractionWrite) => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async get(place: InteractionPlace): Promise<InteractionAnswer<InteractionLimitState | null>> {
    this.faults.called("getInteractionLimit");
    const refused = this.refusal(place, false);
    if (refused) return refused;
    const account = this.limits.get(orgKey(ownerOf(place)));
    if (account) return { ok: true, value: { ...account, origin: "organization" } };
    const own = place.kind === "repository" ? this.limits.get(keyOf(place)) : undefined;
    return { ok: true, value: own ? { ...own, origin: "repository" } : null };
  }

  async set(place: InteractionPlace, limit: InteractionLimit, expiry: CooldownExpiry): Promise<InteractionAnswer<{ expiresAt: Date }>> {
    this.faults.called("setInteractionLimit");
    const refused = this.refusal(place, true);
    if (refused) return refused;
    const expiresAt = new Date(this.now().getTime() + COOLDOWN_EXPIRY_MS[expiry]);
    this.limits.set(keyOf(place), { limit, expiresAt });
    this.record({ verb: "set-interaction-limit", place: keyOf(place), limit, expiry });
    return { ok: true, value: { expiresAt } };
  }

  async remove(place: InteractionPlace): Promise<InteractionAnswer<null>> {
    this.faults.called("removeInteractionLimit");
    const refused = this.refusal(place, true);
    if (refused) return refused;
    this.limits.delete(keyOf(place));
    this.record({ verb: "remove-interaction-limit", place: keyOf(place) });
    return { ok: true, value: null };
  }

  private refusal(place: InteractionPlace, writing: boolean): { ok: false; refusal: "no-permission" | "higher-limit" | "not-an-organization" } | null {
    if (place.kind === "organization" && this.userAccounts.has(place.org.toLowerCase())) return { ok: false, refusal: "not-an-organization" };
    if (!this.permitted) return { ok: false, refusal: "no-permission" };
    if (writing && place.kind === "repository" && this.limits.has(orgKey(place.repo.owner))) return { ok: false, refusal: "higher-limit" };
    return null;
  }
}

function ownerOf(place: InteractionPlace): string {
  return place.kind === "repository" ? place.repo.owner : place.org;
}

function orgKey(org: string): string {
  return `org:${org.toLowerCase()}`;
}

function keyOf(place: InteractionPlace): string {
  return place.kind === "repository" ? `${place.repo.owner}/${place.repo.repo}`.toLowerCase() : orgKey(place.org);
}
