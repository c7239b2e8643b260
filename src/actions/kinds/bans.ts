/**
 * Bans on GitHub. `enforce-ban` blocks the person in the organization; where
 * GitHub cannot (a personal account, a member of the organization, the
 * optional permission not granted) the ban is marked for the app to enforce
 * itself (see `ban-enforcement`), and the case says which. `lift-ban`
 * unblocks a ban that was lifted. Each says in the case what it did, once.
 *
 * Both run on one queue, one at a time in the order they were recorded, so an
 * unban never overtakes the block it undoes, nor a new ban the unblock of an
 * old one. Both act on the login the banned account has now: a person who
 * renamed is still the one blocked, never whoever took their old login.
 */
import { contentKeyRepo } from "../../cases/plan-flag.js";
import { banBlockedText, banEnforcedByAppText, banLiftedText, banUnblockRefusedText } from "../../messages/bans.js";
import type { LiftReason } from "../../store/bans.js";
import type { GitHubPort } from "../../github/port.js";
import type { ActionKindSpec } from "../action-kind.js";
import type { ActionRun } from "../perform-action.js";
import { sayInCase } from "../say-in-case.js";

/** One queue for every ban action; same priority, so they run as recorded. Bans are few: this costs no throughput that matters. */
const BAN_QUEUE = () => "bans";
const BAN_PRIORITY = 1;

export const enforceBan: ActionKindSpec<"enforce-ban"> = {
  kind: "enforce-ban",
  priority: BAN_PRIORITY,
  maxAttempts: 25,
  queue: BAN_QUEUE,
  async perform(action, run) {
    const ban = await run.db.ban.findUnique({ where: { id: action.banId } });
    if (!ban) throw new Error(`ban ${action.banId} does not exist`);
    if (ban.liftedAt) return;
    if (!ban.enforcement) {
      const github = await run.gateway.forRepository(await viaOf(run, action.caseId));
      const login = await currentLogin(github, ban);
      // Sent before: "already blocked" is then this action's own block, whose answer was lost, not an owner's.
      const ours = run.writeStarted;
      await run.markWriteStarted();
      const answer = login === null ? ({ ok: false, refusal: "cannot-block", message: "the account is gone" } as const) : await github.blockUser(ban.account, login);
      const ownersBlock = answer.ok && answer.value.already && !ours;
      const enforcement = answer.ok ? { enforcement: "block", enforcementNote: ownersBlock ? "already-blocked" : null } : { enforcement: "app", enforcementNote: answer.refusal };
      // Set once: a second attempt that finds it set says what the first decided.
      await run.db.ban.updateMany({ where: { id: ban.id, enforcement: null }, data: enforcement });
    }
    const enforced = await run.db.ban.findUniqueOrThrow({ where: { id: ban.id } });
    // From now on this process's webhooks hide what the person writes; other replicas follow at their next reload.
    if (enforced.enforcement === "app") run.bansChanged?.();
    const body =
      enforced.enforcement === "block"
        ? banBlockedText(enforced, enforced.enforcementNote === "already-blocked")
        : banEnforcedByAppText(enforced, (enforced.enforcementNote ?? "cannot-block") as "cannot-block");
    await sayInCase(run, action.caseId, `ban-enforced:${ban.id}`, body, { actor: "app", action: "ban.enforced", detail: { ban: ban.id, enforcement: enforced.enforcement, note: enforced.enforcementNote } });
  },
};

export const liftBanKind: ActionKindSpec<"lift-ban"> = {
  kind: "lift-ban",
  priority: BAN_PRIORITY,
  maxAttempts: 25,
  queue: BAN_QUEUE,
  async perform(action, run) {
    const ban = await run.db.ban.findUnique({ where: { id: action.banId } });
    if (!ban?.liftedAt) throw new Error(`ban ${action.banId} is not lifted`);
    const reason = (ban.liftReason ?? "unban") as LiftReason;
    // A lifted ban enforces nothing even before the reload (it is checked again as it is enforced); the reload spares that check.
    if (ban.enforcement === "app") run.bansChanged?.();
    let unblocked = false;
    if (ban.enforcement === "block" && ban.enforcementNote !== "already-blocked") {
      const github = await run.gateway.forRepository(await viaOf(run, action.caseId));
      const login = await currentLogin(github, ban);
      const answer = login === null ? ({ ok: true, value: null } as const) : await github.unblockUser(ban.account, login);
      if (!answer.ok) {
        await sayInCase(run, action.caseId, `ban-unblock-refused:${ban.id}`, banUnblockRefusedText(ban, answer.refusal), { actor: "app", action: "ban.unblock-refused", detail: { ban: ban.id, refusal: answer.refusal } });
        return;
      }
      unblocked = true;
    }
    await sayInCase(run, action.caseId, `ban-lifted:${ban.id}`, banLiftedText(ban, reason, unblocked), { actor: "app", action: "ban.lifted", detail: { ban: ban.id, reason } });
  },
};

/** The login the banned account has now (null: the account is gone); the one recorded when it is not known by id. */
export async function currentLogin(github: Pick<GitHubPort, "loginOfAccount">, ban: { subjectLogin: string; subjectId: bigint | null }): Promise<string | null> {
  return ban.subjectId === null ? ban.subjectLogin : github.loginOfAccount(Number(ban.subjectId));
}

/** A repository of the case's account, whose installation acts for the account. */
async function viaOf(run: ActionRun, caseId: string) {
  const found = await run.db.case.findUniqueOrThrow({ where: { id: caseId }, select: { contentKey: true } });
  return contentKeyRepo(found.contentKey);
}
