/**
 * A raid in the GitHub stand-in's world, for sweep tests and the sweep bench:
 * an account with the app installed, a public `widgets` repository, a private
 * `coc-cases` repository, a committee (quorum single) with one member, a
 * flagged comment by the raider with the moderator's `/coc flag` for it, and
 * then the raid itself: 100 pieces of writing by the raider over ten threads
 * in the last hour, which one `/coc sweep @<raider>` in the case should hide.
 */
import { issueCommentCreated } from "../factories/webhooks.js";
import { timestamp, type IssueComment, type Repository, type StandInWorld } from "./github-stand-in-world.js";

export const RAIDER = "troll-tom";
export const MODERATOR = "mod-maria";
export const MEMBER = "mod-ana";

export interface RaidAccount {
  owner: string;
  installationId: number;
  widgets: Repository;
  cases: Repository;
  flagged: IssueComment;
  /** The moderator's `/coc flag`, as it exists on GitHub when its webhook is sent. */
  flagCommand: IssueComment;
}

export function seedRaidAccount(world: StandInWorld, owner: string, installationId: number): RaidAccount {
  world.addAccount(owner, { installationId });
  const widgets = world.addRepository(owner, "widgets", { private: false });
  const cases = world.addRepository(owner, "coc-cases", { private: true });
  world.setFile(world.addRepository(owner, ".github", { private: false }), ".github/coc.yml", "committee:\n  quorum: single\n");
  world.addTeamMember(owner, "coc-committee", MEMBER);
  world.setPermission(cases, MEMBER, "write");
  world.setPermission(widgets, MODERATOR, "maintain");
  const flagged = world.addIssueComment(widgets, 7, { author: RAIDER, body: "You are all idiots." });
  const link = `https://github.com/${owner}/widgets/issues/7#issuecomment-${flagged.id}`;
  const id = world.id();
  const flagCommand = world.addIssueComment(widgets, 7, { author: MODERATOR, body: `/coc flag ${link} personal attack`, id, nodeId: `IC_command${id}` });
  return { owner, installationId, widgets, cases, flagged, flagCommand };
}

/** The flag's webhook, for `app.deliver("issue_comment", …)`. */
export function flagWebhook(account: RaidAccount) {
  return issueCommentCreated({ owner: account.owner, installationId: account.installationId, body: account.flagCommand.body, sender: MODERATOR, commentId: account.flagCommand.id });
}

/** A committee member's comment in the case issue, as its webhook. */
export function caseCommentWebhook(account: RaidAccount, caseNumber: number, body: string, commentId: number) {
  const payload = issueCommentCreated({ owner: account.owner, repo: "coc-cases", installationId: account.installationId, body, sender: MEMBER, issueNumber: caseNumber, commentId });
  payload.repository.private = true;
  return payload;
}

export const RAID_SIZE = 100;

/**
 * The raid: 80 comments over eight issues (#20–#27, ten each, between other people's), ten on a pull
 * request's conversation (#30), and a review of it with nine line comments: 100 items, a minute apart
 * within the last four hours, oldest first. Answers their node ids in that order.
 */
export function seedRaid(world: StandInWorld, widgets: Repository, now = Date.now()): string[] {
  const ids: string[] = [];
  let minute = 200;
  const at = () => timestamp(new Date(now - minute-- * 60_000));
  for (let round = 0; round < 10; round++) {
    for (let n = 20; n < 28; n++) {
      if (round === 0) world.addIssue(widgets, { number: n, title: `Issue ${n}`, author: "kind-kim", createdAt: timestamp(new Date(now - 5 * 3_600_000)) });
      ids.push(world.addIssueComment(widgets, n, { author: RAIDER, body: `Raid ${round} on #${n}: idiots.`, createdAt: at() }).nodeId);
      if (round % 3 === 0) world.addIssueComment(widgets, n, { author: "kind-kim", body: "Please stop.", createdAt: at() });
    }
  }
  world.addIssue(widgets, { number: 30, title: "Fix the build", author: "kind-kim", isPullRequest: true, createdAt: timestamp(new Date(now - 5 * 3_600_000)) });
  for (let i = 0; i < 10; i++) ids.push(world.addIssueComment(widgets, 30, { author: RAIDER, body: `PR raid ${i}.`, createdAt: at() }).nodeId);
  const review = world.addReview(widgets, 30, { author: RAIDER, body: "Everything here is garbage.", createdAt: at() });
  ids.push(review.nodeId);
  for (let i = 0; i < 9; i++) ids.push(world.addReviewComment(widgets, 30, { author: RAIDER, body: `Line raid ${i}.`, createdAt: at(), review }).nodeId);
  if (ids.length !== RAID_SIZE) throw new Error(`the raid has ${ids.length} items, not ${RAID_SIZE}`);
  return ids;
}
