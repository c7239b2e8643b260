/**
 * Reverts an emergency act nobody signed off in time, undoing only what the
 * act itself changed: a lock, close or hide that a later command or flag did
 * again (or undid) stays as that left it, and removed text is put back only
 * over the removal notice the act wrote, never over text edited since. Then
 * the case says what was undone and what was left, and why, and the audit log
 * records it.
 *
 * It decides when it runs, next to the write: it may run long after the
 * deadline, and be retried. Each step is safe to repeat, and the outcome is
 * said once.
 */
import {
  actFor,
  auditTargetOf,
  emergencyActKey,
  emergencyKind,
  OPPOSITE,
  subjectOf,
  type EmergencyKind,
  type EmergencyTarget,
} from "../../commands/case/emergency-acts.js";
import type { GitHubPort } from "../../github/port.js";
import { revertReport, type RevertOutcome } from "../../messages/emergency-revert.js";
import { removalNotice } from "../../messages/removal-notice.js";
import { recordActionsOnce } from "../../store/actions.js";
import { appendAudit } from "../../store/audit-log.js";
import { lastKindSince } from "../../store/target-actions.js";
import { liftBan } from "../../store/bans.js";
import type { ActionKindSpec } from "../action-kind.js";
import { WaitingError } from "../action-error.js";
import { caseIssueOf } from "../post-comment-once.js";
import type { ActionRun } from "../perform-action.js";

type ActRow = NonNullable<Awaited<ReturnType<ActionRun["db"]["emergencyAct"]["findUnique"]>>>;

export const revertEmergency: ActionKindSpec<"revert-emergency"> = {
  kind: "revert-emergency",
  priority: 5,
  maxAttempts: 25,
  async perform(action, run) {
    const act = await run.db.emergencyAct.findUnique({ where: { id: action.actId } });
    if (!act) throw new Error(`emergency act ${action.actId} does not exist`);
    const reportKey = `emergency-revert:${act.id}`;
    // Said already: an attempt that failed after it has nothing left to do.
    if (await run.db.action.findFirst({ where: { onceKey: { startsWith: `${reportKey}:` } }, select: { id: true } })) return;
    // A ban one member imposed alone ends like any other ban, and says so itself.
    if (act.kind === "ban") return liftUnsignedBan(run, act);
    const kind = emergencyKind(act.kind);
    const outcome: RevertOutcome = kind ? await undo(run, act, kind, act.target as unknown as EmergencyTarget) : { result: "left", because: "cannot-undo" };
    await report(run, act, reportKey, outcome);
  },
};

async function undo(run: ActionRun, act: ActRow, kind: EmergencyKind, stored: EmergencyTarget): Promise<RevertOutcome> {
  const { target } = stored;
  const own = await run.db.action.findFirst({ where: { onceKey: { startsWith: `${emergencyActKey(act.id)}:` } }, select: { id: true, status: true } });
  // Undone before it is done, the act would be carried out after its revert, and stay.
  if (own?.status === "pending") throw new WaitingError(`emergency act ${act.id} is still being carried out`);
  // The act gave up (GitHub refused it): whatever the target's state is now, the act did not make it so.
  if (own?.status === "failed") return { result: "nothing-left", because: "never-done" };
  const done = actFor(kind, target);
  const opposite = OPPOSITE[kind];
  // Without the act's own action to start from, nothing can count as later.
  const later = own ? await lastKindSince(run.db, done, opposite ? [done.kind, opposite] : [done.kind], own.id) : null;
  if (later === done.kind) return { result: "left", because: "done-again" };
  if (later) return { result: "nothing-left", because: "undone-since" };
  const github = await run.gateway.forRepository(target.thread.repo);
  switch (kind) {
    case "hide":
      await github.ensureUnhidden(target.nodeId);
      return { result: "undone" };
    case "lock":
      await github.ensureThreadUnlocked(target.thread.repo, target.thread.number);
      return { result: "undone" };
    case "close":
      await github.ensureIssueReopened(target.thread.repo, target.thread.number);
      return { result: "undone" };
    case "remove":
      return restoreBody(github, stored);
  }
}

/**
 * Puts the original text back only over the notice the act wrote: any other text is newer (the
 * author's edit, or someone's by hand) and is left. GitHub has no conditional write, so the text
 * is read just before it is written.
 */
async function restoreBody(github: GitHubPort, { target, originalBody: original, notice }: EmergencyTarget): Promise<RevertOutcome> {
  if (original === null) return { result: "left", because: "cannot-undo" };
  const current = await github.fetchContent(target.ref);
  if (!current) return { result: "nothing-left", because: "gone" };
  // Back already: an earlier attempt wrote it and failed before saying so.
  if (current.body === original) return { result: "undone" };
  if (current.body !== (notice ?? removalNotice())) return { result: "left", because: "edited-since" };
  await github.replaceContentBody(target.ref, original);
  return { result: "undone" };
}

async function report(run: ActionRun, act: ActRow, reportKey: string, outcome: RevertOutcome): Promise<void> {
  // An emergency act is written in the case issue: it has one.
  const { repo, issueNumber } = await caseIssueOf(run, act.caseId);
  const kind = emergencyKind(act.kind);
  const { target } = act.target as unknown as EmergencyTarget;
  const body = revertReport(act, kind ?? null, kind ? subjectOf(kind, target) : null, outcome);
  const reply = { kind: "reply" as const, repo, issueNumber, body };
  const detail = {
    act: act.id,
    kind: act.kind,
    target: kind ? auditTargetOf(kind, target) : null,
    undone: outcome.result === "undone" ? act.kind : null,
    left: outcome.result === "left" ? act.kind : null,
    because: outcome.result === "undone" ? null : outcome.because,
  };
  await run.db.$transaction(async (tx) => {
    const recorded = await recordActionsOnce(tx, act.caseId, [{ action: reply, onceKey: `${reportKey}:reply` }]);
    if (recorded.length > 0) await appendAudit(tx, [{ actor: "app", action: "emergency.reverted", caseId: act.caseId, detail }], run.now());
  });
}

/** Lifts an emergency ban nobody signed off in time; its lift says so in the case, and `/coc unban` before it leaves nothing to do. */
async function liftUnsignedBan(run: ActionRun, act: ActRow): Promise<void> {
  const { banId } = act.target as { banId?: string };
  if (!banId) throw new Error(`emergency ban ${act.id} names no ban`);
  await run.db.$transaction(async (tx) => {
    const { lifted, actions } = await liftBan(tx, banId, "app", "not-signed-off", run.now());
    if (!lifted) return;
    await recordActionsOnce(tx, act.caseId, actions.map((action, i) => ({ action, onceKey: `emergency-revert:${act.id}:${i}` })));
    await appendAudit(tx, [{ actor: "app", action: "emergency.reverted", caseId: act.caseId, detail: { act: act.id, kind: "ban", ban: banId } }], run.now());
  });
}
