/**
 * The daily check that bans GitHub enforces with an organization block still
 * are: each account's block list is compared with the bans in force there,
 * and a ban whose person is not blocked any more is reported in its case,
 * once a day while it lasts. The app does not block them again by itself:
 * someone with the right may have unblocked them on purpose, and the
 * committee decides.
 */
import type { PlannedAction } from "../actions/planned-action.js";
import { contentKeyRepo } from "../cases/plan-flag.js";
import type { GitHubGateway } from "../github/port.js";
import { banDriftText } from "../messages/bans.js";
import { currentLogin } from "../actions/kinds/bans.js";
import { recordActionsOnce } from "../store/actions.js";
import { appendAudit } from "../store/audit-log.js";
import type { Database } from "../store/database.js";

export interface DriftCheckDeps {
  db: Database;
  gateway: GitHubGateway;
  now: () => Date;
}

/** Runs every day from the job queue's schedule (see `worker.ts`). */
export const DRIFT_CHECK_SCHEDULE = "0 5 * * * ban-drift-check ?max=3&jobKey=ban-drift-check";

export async function checkBanDrift(deps: DriftCheckDeps): Promise<{ checked: number; drifted: number }> {
  const bans = await deps.db.ban.findMany({
    where: { liftedAt: null, enforcement: "block", caseId: { not: null } },
    include: { case: { select: { contentKey: true } } },
  });
  const byAccount = new Map<string, typeof bans>();
  for (const ban of bans) byAccount.set(ban.account, [...(byAccount.get(ban.account) ?? []), ban]);
  const day = deps.now().toISOString().slice(0, 10);
  let drifted = 0;
  for (const [account, accountBans] of byAccount) {
    const via = contentKeyRepo(accountBans[0]!.case!.contentKey);
    const github = await deps.gateway.forRepository(via);
    const listed = await github.listBlockedUsers(account);
    // The list cannot be read (the permission was taken away): the bans' own cases said how they are enforced.
    if (!listed.ok) continue;
    const blocked = new Set(listed.value.map((login) => login.toLowerCase()));
    const drifting: typeof accountBans = [];
    // Compared under the login each account has now: a renamed person is still blocked under their new one.
    for (const ban of accountBans) if (!blocked.has((await currentLogin(github, ban))?.toLowerCase() ?? "")) drifting.push(ban);
    for (const ban of drifting) {
      const action: PlannedAction = { kind: "case-comment", caseId: ban.caseId!, body: banDriftText(ban) };
      await deps.db.$transaction(async (tx) => {
        const recorded = await recordActionsOnce(tx, ban.caseId, [{ action, onceKey: `ban-drift:${ban.id}:${day}` }]);
        if (recorded.length > 0) await appendAudit(tx, [{ actor: "app", action: "ban.drift", caseId: ban.caseId, detail: { ban: ban.id, account } }], deps.now());
      });
      drifted += 1;
    }
  }
  return { checked: bans.length, drifted };
}
