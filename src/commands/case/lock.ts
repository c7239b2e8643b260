/**
 * `/coc lock [reason] [for <duration>]` and `/coc unlock`: lock the reported
 * conversation, for good or for a time, e.g.
 *
 *   /coc lock too-heated for 48h
 *   /coc lock spam
 *   /coc unlock
 *
 * A timed lock unlocks itself when it expires, and the case says so.
 */
import { deadlineKey } from "../../deadlines/deadline-rules.js";
import { formatUtc } from "../../cases/case-state.js";
import { describeDuration, parseDuration } from "../../config/duration.js";
import type { LockReason } from "../../github/port.js";
import type { Transaction } from "../../store/database.js";
import { scheduleDeadline } from "../../store/deadline-jobs.js";
import { caseCommand, type CaseCommandContext } from "../command-spec.js";
import { UserError } from "../user-error.js";
import { recordCommandResult } from "./case-change.js";
import { caseTarget } from "./case-target.js";

const REASONS: Record<string, LockReason> = { "off-topic": "off-topic", "too-heated": "too heated", resolved: "resolved", spam: "spam" };
const REASON_LIST = Object.keys(REASONS).map((r) => `\`${r}\``).join(", ");

export const lockCommand = caseCommand({
  name: "lock",
  usage: "/coc lock [reason] [for <duration>]",
  summary: "Lock the reported conversation, for good or for a time.",
  details: `Locks the issue or pull request the flagged content is in. The reason is one of ${REASON_LIST}; \`for 48h\` (or 90m, 7d, 2w) unlocks it by itself when the time is up.`,
  async run(ctx) {
    const { reason, duration } = parseLockArguments(ctx.event.command.args);
    const target = await caseTarget(ctx, undefined);
    const { repo, number } = target.thread;
    const expiresAt = duration === null ? null : new Date(ctx.now.getTime() + duration);
    await recordCommandResult(ctx, {
      apply: async (tx) => {
        // A new lock replaces the timed ones before it: their expiry must not unlock it early.
        await endTimedLocks(tx, ctx.caseFile.id, number, ctx.now);
        if (!expiresAt) return;
        const lock = await tx.timedLock.create({ data: { caseId: ctx.caseFile.id, owner: repo.owner, repo: repo.repo, issueNumber: number, expiresAt } });
        const key = deadlineKey(ctx.caseFile.id, "lock-expiry", lock.id);
        await scheduleDeadline(tx, { kind: "lock-expiry", key, dueAt: expiresAt, itemId: lock.id, nextUpdateBy: null });
      },
      audit: [{ actor: ctx.event.sender, action: "thread.locked", detail: { repo: `${repo.owner}/${repo.repo}`, number, reason, until: expiresAt?.toISOString() ?? null } }],
      reply: `the conversation is being locked${reason ? ` (${reason})` : ""}${expiresAt && duration ? ` for ${describeDuration(duration)}, until ${formatUtc(expiresAt)}` : ""}.`,
      actions: [{ kind: "lock-thread", repo, issueNumber: number, reason }],
    });
  },
});

export const unlockCommand = caseCommand({
  name: "unlock",
  usage: "/coc unlock",
  summary: "Unlock the reported conversation.",
  details: "Unlocks the issue or pull request the flagged content is in, and ends any timed lock on it.",
  run: (ctx) => unlock(ctx),
});

async function unlock(ctx: CaseCommandContext): Promise<void> {
  const { repo, number } = (await caseTarget(ctx, undefined)).thread;
  await recordCommandResult(ctx, {
    apply: (tx) => endTimedLocks(tx, ctx.caseFile.id, number, ctx.now),
    audit: [{ actor: ctx.event.sender, action: "thread.unlocked", detail: { repo: `${repo.owner}/${repo.repo}`, number } }],
    reply: "the conversation is being unlocked.",
    actions: [{ kind: "unlock-thread", repo, issueNumber: number }],
  });
}

async function endTimedLocks(tx: Transaction, caseId: string, issueNumber: number, now: Date): Promise<void> {
  const open = await tx.timedLock.findMany({ where: { caseId, issueNumber, unlockedAt: null } });
  for (const lock of open) await tx.$executeRaw`SELECT graphile_worker.remove_job(${deadlineKey(caseId, "lock-expiry", lock.id)}::text)`;
  await tx.timedLock.updateMany({ where: { id: { in: open.map((l) => l.id) } }, data: { unlockedAt: now } });
}

function parseLockArguments(args: string[]): { reason: LockReason | null; duration: number | null } {
  let rest = [...args];
  let duration: number | null = null;
  const forAt = rest.findIndex((word) => word.toLowerCase() === "for");
  if (forAt >= 0) {
    const text = rest[forAt + 1];
    const parsed = text === undefined ? undefined : parseDuration(text);
    if (parsed === undefined || parsed <= 0) throw new UserError("write how long after `for`, such as `for 48h`, `for 90m`, `for 7d` or `for 2w`.");
    duration = parsed;
    rest = [...rest.slice(0, forAt), ...rest.slice(forAt + 2)];
  }
  if (rest.length > 1) throw new UserError(`write at most one reason: \`/coc lock [reason] [for <duration>]\`, with a reason among ${REASON_LIST}.`);
  const word = rest[0]?.toLowerCase();
  if (word === undefined) return { reason: null, duration };
  const reason = REASONS[word];
  if (!reason) throw new UserError(`\`${word.slice(0, 30).replace(/`/g, "")}\` is not a lock reason; use one of ${REASON_LIST}.`);
  return { reason, duration };
}
