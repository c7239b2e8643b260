/**
 * GitHub's interaction limits over REST, for cooldowns: read, set and remove
 * the limit of a repository or of an organization. GitHub's known refusals
 * come back as answers the committee can be told (the app lacks the optional
 * `administration` permission; a limit for the whole account overrides the
 * repository's), never as failures to retry.
 */
import type { ProbotOctokit } from "probot";
import type { CooldownExpiry, InteractionLimit } from "../cases/sanction-terms.js";
import { isNotFound, isPermissionRefusal } from "./octokit-errors.js";
import type { InteractionAnswer, InteractionLimitState, InteractionPlace, InteractionRefusal } from "./port.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

export async function readInteractionLimit(octokit: Octokit, place: InteractionPlace): Promise<InteractionAnswer<InteractionLimitState | null>> {
  return answered(place, async () => {
    const { data } =
      place.kind === "repository"
        ? await octokit.rest.interactions.getRestrictionsForRepo({ owner: place.repo.owner, repo: place.repo.repo })
        : await octokit.rest.interactions.getRestrictionsForOrg({ org: place.org });
    // GitHub answers an empty object when no limit is in force.
    const limit = data as Partial<{ limit: InteractionLimit; origin: InteractionLimitState["origin"]; expires_at: string }>;
    if (!limit.limit || !limit.expires_at) return null;
    return { limit: limit.limit, origin: limit.origin ?? (place.kind === "repository" ? "repository" : "organization"), expiresAt: new Date(limit.expires_at) };
  });
}

export async function writeInteractionLimit(
  octokit: Octokit,
  place: InteractionPlace,
  limit: InteractionLimit,
  expiry: CooldownExpiry,
): Promise<InteractionAnswer<{ expiresAt: Date }>> {
  return answered(place, async () => {
    const { data } =
      place.kind === "repository"
        ? await octokit.rest.interactions.setRestrictionsForRepo({ owner: place.repo.owner, repo: place.repo.repo, limit, expiry })
        : await octokit.rest.interactions.setRestrictionsForOrg({ org: place.org, limit, expiry });
    return { expiresAt: new Date(data.expires_at) };
  });
}

export async function deleteInteractionLimit(octokit: Octokit, place: InteractionPlace): Promise<InteractionAnswer<null>> {
  return answered(place, async () => {
    if (place.kind === "repository") await octokit.rest.interactions.removeRestrictionsForRepo({ owner: place.repo.owner, repo: place.repo.repo });
    else await octokit.rest.interactions.removeRestrictionsForOrg({ org: place.org });
    return null;
  });
}

async function answered<T>(place: InteractionPlace, ask: () => Promise<T>): Promise<InteractionAnswer<T>> {
  try {
    return { ok: true, value: await ask() };
  } catch (error) {
    const refusal = refusalOf(place, error);
    if (refusal) return { ok: false, refusal };
    throw error;
  }
}

function refusalOf(place: InteractionPlace, error: unknown): InteractionRefusal | null {
  const status = (error as { status?: number }).status;
  if (isPermissionRefusal(error)) return "no-permission";
  if (status === 409) return "higher-limit";
  // A user account has no organization endpoints: GitHub lets only the person set their account-wide limit.
  if (place.kind === "organization" && isNotFound(error)) return "not-an-organization";
  return null;
}
