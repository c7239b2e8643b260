/**
 * The port's verbs for sanctions over Octokit, the part of the adapter that
 * acts on people and places rather than on content: interaction limits
 * (cooldowns), organization blocks (bans), the pinned ban register, and raid
 * sweeps. `OctokitGitHub` builds on it; each verb is in its own module.
 */
import type { ProbotOctokit } from "probot";
import type { CooldownExpiry, InteractionLimit } from "../cases/sanction-terms.js";
import { blockInOrganization, listOrganizationBlocks, unblockInOrganization } from "./octokit-blocks.js";
import { deleteInteractionLimit, readInteractionLimit, writeInteractionLimit } from "./octokit-interactions.js";
import { pinIssue } from "./octokit-pins.js";
import { findAuthoredContent, hideBatch } from "./octokit-sweep.js";
import type { AuthoredContent, BlockAnswer, GitHubPort, HideClassifier, InteractionAnswer, InteractionLimitState, InteractionPlace, RepoRef } from "./port.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

type SanctionVerbs = Pick<
  GitHubPort,
  "getInteractionLimit" | "setInteractionLimit" | "removeInteractionLimit" | "findAuthoredContent" | "hideMany" | "pinIssue" | "blockUser" | "unblockUser" | "listBlockedUsers"
>;

export class OctokitSanctionVerbs implements SanctionVerbs {
  /** @param reader an Octokit for GraphQL queries, without Probot's write pacing (see `OctokitGitHub`). */
  constructor(
    protected readonly octokit: Octokit,
    protected readonly reader: Pick<Octokit, "graphql">,
  ) {}

  getInteractionLimit(place: InteractionPlace): Promise<InteractionAnswer<InteractionLimitState | null>> {
    return readInteractionLimit(this.octokit, place);
  }

  setInteractionLimit(place: InteractionPlace, limit: InteractionLimit, expiry: CooldownExpiry): Promise<InteractionAnswer<{ expiresAt: Date }>> {
    return writeInteractionLimit(this.octokit, place, limit, expiry);
  }

  removeInteractionLimit(place: InteractionPlace): Promise<InteractionAnswer<null>> {
    return deleteInteractionLimit(this.octokit, place);
  }

  findAuthoredContent(account: string, login: string, since: Date): Promise<AuthoredContent[]> {
    return findAuthoredContent(this.reader, account, login, since);
  }

  hideMany(nodeIds: string[], classifier: HideClassifier): Promise<{ hidden: string[]; gone: string[] }> {
    return hideBatch(this.octokit, nodeIds, classifier);
  }

  pinIssue(repo: RepoRef, issueNumber: number): Promise<boolean> {
    return pinIssue(this.octokit, repo, issueNumber);
  }

  blockUser(org: string, login: string): Promise<BlockAnswer<{ already: boolean }>> {
    return blockInOrganization(this.octokit, org, login);
  }

  unblockUser(org: string, login: string): Promise<BlockAnswer<null>> {
    return unblockInOrganization(this.octokit, org, login);
  }

  listBlockedUsers(org: string): Promise<BlockAnswer<string[]>> {
    return listOrganizationBlocks(this.octokit, org);
  }
}
