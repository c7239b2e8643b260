/**
 * Blocks an owner makes or lifts by hand on GitHub, followed without ever
 * fighting the owner:
 *
 * - An owner blocks someone: the block goes into the ban register (as made by
 *   hand). If a case's ban of that person is in force, the case says so, and
 *   the block is left in place when that ban ends: it is the owner's.
 * - An owner unblocks someone the app blocked for a ban: the ban is recorded
 *   as lifted by the owner, the case says so, and the app does not block them
 *   again.
 *
 * The app's own blocks and unblocks come back as the same webhook, sent by the
 * app: those change nothing.
 */
import type { PlannedAction } from "../actions/planned-action.js";
import { loadTrustedConfig, type TrustedConfigOptions } from "../config/trusted-config.js";
import { resolveCasesRepo } from "../config/schema.js";
import type { OrgBlockEvent } from "../events/org-block.js";
import type { GitHubGateway } from "../github/port.js";
import { ownerBlockedText, ownerUnblockedText } from "../messages/owner-blocks.js";
import { recordActions } from "../store/actions.js";
import { appendAudit } from "../store/audit-log.js";
import { activeBanOf, liftBan, registerSyncOf } from "../store/bans.js";
import type { Database, Transaction } from "../store/database.js";

export interface OwnerBlockDeps {
  db: Database;
  gateway: GitHubGateway;
  settings: TrustedConfigOptions;
  webHost: string;
  now: () => Date;
}

export async function followOwnerBlock(deps: OwnerBlockDeps, event: OrgBlockEvent): Promise<void> {
  if (event.senderIsBot) return;
  const now = deps.now();
  const subject = { login: event.login, id: BigInt(event.userId) };
  const account = event.org.toLowerCase();
  const registerSync = await ownerRegisterSync(deps, event.org);
  await deps.db.$transaction(async (tx) => {
    const onceKey = `org-block:${event.deliveryId}`;
    if (await tx.action.findFirst({ where: { onceKey: { startsWith: `${onceKey}:` } }, select: { id: true } })) return;
    const ban = await activeBanOf(tx, account, subject);
    const actions: PlannedAction[] = [];
    if (event.action === "blocked") {
      if (ban?.caseId) {
        // Their ban ends some day; the owner's block is not the app's to lift then.
        await tx.ban.update({ where: { id: ban.id }, data: { enforcement: "block", enforcementNote: "already-blocked" } });
        actions.push({ kind: "case-comment", caseId: ban.caseId, body: ownerBlockedText(event.sender, ban) });
      } else if (!ban) {
        await tx.ban.create({
          data: { account, subjectLogin: event.login.toLowerCase(), subjectId: subject.id, reason: "", issuedBy: event.sender, source: "owner", startsAt: now, enforcement: "block", issueKey: onceKey },
        });
      }
    } else {
      for (const open of await openBlocks(tx, account, subject)) {
        const { lifted } = await liftBan(tx, open.id, event.sender, "owner-unblocked", now);
        if (lifted?.caseId) actions.push({ kind: "case-comment", caseId: lifted.caseId, body: ownerUnblockedText(event.sender, lifted) }, await registerSyncOf(tx, lifted.caseId));
      }
    }
    if (registerSync) actions.push(registerSync);
    await recordActions(tx, null, actions, onceKey);
    await appendAudit(tx, [{ actor: event.sender, action: `ban.owner-${event.action}`, caseId: null, detail: { account, subject: event.login } }], now);
  });
}

/** The bans in force that GitHub enforces with a block: an unblock ends them; bans the app enforces itself it does not touch. */
async function openBlocks(tx: Transaction, account: string, subject: { login: string; id: bigint }) {
  return tx.ban.findMany({
    where: { account, liftedAt: null, enforcement: "block", OR: [{ subjectId: subject.id }, { subjectId: null, subjectLogin: subject.login.toLowerCase() }] },
  });
}

/** The owner's ban register, in the cases repository its configuration names; none when it cannot be read. */
async function ownerRegisterSync(deps: OwnerBlockDeps, org: string): Promise<PlannedAction | null> {
  const ownerRepo = { owner: org, repo: ".github" };
  const loaded = await loadTrustedConfig(await deps.gateway.forRepository(ownerRepo), ownerRepo, deps.settings);
  if (!loaded.ok) return null;
  return { kind: "sync-ban-register", casesRepo: resolveCasesRepo(loaded.config, org), webOrigin: `https://${deps.webHost}` };
}
