/**
 * Organization blocks over REST, for bans: block and unblock a person in an
 * organization, and list who is blocked (the daily drift check). GitHub's
 * known refusals come back as answers (the optional permission not granted,
 * a personal account, a person GitHub will not block, such as a member), never
 * as failures to retry; rate limits still reject, to be retried.
 */
import type { ProbotOctokit } from "probot";
import { isNotFound, isPermissionRefusal } from "./octokit-errors.js";
import type { BlockAnswer, BlockRefusal } from "./port.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

/** Blocks the person; already blocked counts as done (GitHub would answer 422 to a second block). */
export async function blockInOrganization(octokit: Octokit, org: string, login: string): Promise<BlockAnswer<{ already: boolean }>> {
  return answered(async () => {
    if (await isBlocked(octokit, org, login)) return { already: true };
    await octokit.rest.orgs.blockUser({ org, username: login });
    return { already: false };
  });
}

/** Unblocks the person; not blocked counts as done. */
export async function unblockInOrganization(octokit: Octokit, org: string, login: string): Promise<BlockAnswer<null>> {
  return answered(async () => {
    await octokit.rest.orgs.unblockUser({ org, username: login });
    return null;
  });
}

export async function listOrganizationBlocks(octokit: Octokit, org: string): Promise<BlockAnswer<string[]>> {
  return answered(async () => {
    const blocked = await octokit.paginate(octokit.rest.orgs.listBlockedUsers, { org, per_page: 100 });
    return blocked.map((user) => user.login);
  });
}

async function isBlocked(octokit: Octokit, org: string, login: string): Promise<boolean> {
  try {
    await octokit.rest.orgs.checkBlockedUser({ org, username: login });
    return true;
  } catch (error) {
    // 404 is "not blocked" here; an organization that does not exist answers the block itself with 404.
    if (isNotFound(error)) return false;
    throw error;
  }
}

async function answered<T>(ask: () => Promise<T>): Promise<BlockAnswer<T>> {
  try {
    return { ok: true, value: await ask() };
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return { ok: false, refusal, message: (error as { message?: string }).message ?? "" };
    throw error;
  }
}

function refusalOf(error: unknown): BlockRefusal | null {
  if (isPermissionRefusal(error)) return "no-permission";
  if (isNotFound(error)) return "not-an-organization";
  if ((error as { status?: number }).status === 422) return "cannot-block";
  return null;
}
