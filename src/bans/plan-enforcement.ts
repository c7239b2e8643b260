/**
 * What the app does when someone it bans itself writes in the account's
 * repositories: hides a new comment, review or review comment as abuse;
 * closes and locks a new issue or pull request; and says so in the ban's
 * case, with the content's address shown inertly, so the committee sees
 * every enforcement where it decided the ban. Pure: the webhook records it.
 */
import type { PlannedAction } from "../actions/planned-action.js";
import { banEnforcedOnContentText } from "../messages/bans.js";
import type { AppEnforcedBan } from "../store/bans.js";
import type { AuditEntry } from "../store/audit-log.js";
import type { AuthoredContent } from "./authored-content.js";

export interface BanEnforcement {
  actions: PlannedAction[];
  audit: AuditEntry;
}

export function planBanEnforcement(content: AuthoredContent, ban: AppEnforcedBan, deliveryId: string): BanEnforcement {
  const { target, repo } = content;
  const protect: PlannedAction[] =
    target.kind === "hide"
      ? [{ kind: "hide-content", repo, nodeId: target.nodeId, classifier: "ABUSE" }]
      : [
          // No lock reason: GitHub shows a reason to everyone on the thread ("locked as off-topic"), and this
          // lock is about who opened it, not a judgement of what it says, which nobody has read yet.
          { kind: "lock-thread", repo, issueNumber: target.issueNumber, reason: null },
          { kind: "close-thread", repo, issueNumber: target.issueNumber },
        ];
  const note: PlannedAction[] = ban.caseId
    ? [{ kind: "case-comment", caseId: ban.caseId, body: banEnforcedOnContentText(ban, { what: target.what, authorLogin: content.author.login, url: content.url }) }]
    : [];
  return {
    actions: [...protect, ...note],
    audit: {
      actor: "app",
      action: "ban.enforced-on-content",
      caseId: ban.caseId,
      detail: { ban: ban.id, delivery: deliveryId, content: target.what, done: target.kind === "hide" ? "hidden" : "closed-and-locked", url: content.url },
    },
  };
}
