/**
 * The in-memory fake's verbs for sanctions: interaction limits (cooldowns),
 * organization blocks (bans), pinned issues and raid sweeps, over the fake's
 * content, its record of writes and its faults. `InMemoryGitHub` builds on it
 * with everything else.
 */
import { InMemoryBlocks } from "./in-memory-blocks.js";
import { InMemoryFaults } from "./in-memory-faults.js";
import { InMemoryInteractions } from "./in-memory-interactions.js";
import { threadKey, type RecordedWrite } from "./in-memory-records.js";
import { authoredIn, hideAll } from "./in-memory-sweep.js";
import type { AuthoredContent, ContentSnapshot, GitHubPort, HideClassifier, RepoRef } from "./port.js";

export class InMemorySanctionVerbs {
  /** Every write the app made, in order, for tests to assert on. */
  readonly writes: RecordedWrite[] = [];
  protected readonly faults = new InMemoryFaults();
  /** Content by its key (see `contentKeyOf`), and which of it is hidden, with the classifier. */
  readonly contents = new Map<string, ContentSnapshot>();
  readonly hidden = new Map<string, HideClassifier>();
  /** Interaction limits (cooldowns); `interactions.permitted = false` takes the `administration` permission away. */
  readonly interactions = new InMemoryInteractions(this.faults, (write) => this.writes.push(write));
  readonly getInteractionLimit: GitHubPort["getInteractionLimit"] = (place) => this.interactions.get(place);
  readonly setInteractionLimit: GitHubPort["setInteractionLimit"] = (place, limit, expiry) => this.interactions.set(place, limit, expiry);
  readonly removeInteractionLimit: GitHubPort["removeInteractionLimit"] = (place) => this.interactions.remove(place);
  /** Organization blocks (bans); `blocks.permitted = false` takes the `organization_user_blocking` permission away. */
  readonly blocks = new InMemoryBlocks(this.faults, (write) => this.writes.push(write));
  readonly blockUser: GitHubPort["blockUser"] = (org, login) => this.blocks.block(org, login);
  readonly unblockUser: GitHubPort["unblockUser"] = (org, login) => this.blocks.unblock(org, login);
  readonly listBlockedUsers: GitHubPort["listBlockedUsers"] = (org) => this.blocks.list(org);
  /** `owner/repo#number` of pinned issues. */
  readonly pinned = new Set<string>();

  async pinIssue(repo: RepoRef, issueNumber: number): Promise<boolean> {
    this.faults.called("pinIssue");
    this.pinned.add(threadKey(repo, issueNumber));
    return true;
  }

  async findAuthoredContent(account: string, login: string, since: Date): Promise<AuthoredContent[]> {
    this.faults.called("findAuthoredContent");
    return authoredIn(this.contents.values(), this.hidden, account, login, since);
  }

  async hideMany(nodeIds: string[], classifier: HideClassifier): Promise<{ hidden: string[]; gone: string[] }> {
    this.faults.called("hideMany");
    this.writes.push({ verb: "hide-many", nodeIds, classifier });
    return hideAll(this.contents.values(), this.hidden, nodeIds, classifier);
  }
}
