/**
 * `/coc emergency <hide|lock|close|remove> [link]` and `/coc signoff`: for an
 * ongoing or severe breach, any committee member acts at once, before
 * consensus; another member who is not recused signs it off, e.g.
 *
 *   /coc emergency lock
 *   /coc signoff
 *
 * Unless it is signed off within `deadlines.emergency_signoff` (72 hours by
 * default), the app reverts the act and says so in the case. An act on what
 * is so already (hidden, locked, closed, removed) is refused: its revert
 * would undo what was there before it.
 */
import { formatUtc } from "../../cases/case-state.js";
import { deadlineKey } from "../../deadlines/deadline-rules.js";
import { recordActions } from "../../store/actions.js";
import { scheduleDeadline } from "../../store/deadline-jobs.js";
import { isPending } from "../../store/target-actions.js";
import { removalNotice } from "../../messages/removal-notice.js";
import { caseCommand, type CaseCommandContext } from "../command-spec.js";
import { UserError } from "../user-error.js";
import { recordCommandResult } from "./case-change.js";
import { caseTarget, type CaseTarget } from "./case-target.js";
import { actFor, EMERGENCY_KINDS, emergencyActKey, emergencyKind, subjectOf, type EmergencyKind, type EmergencyTarget } from "./emergency-acts.js";

export const emergencyCommand = caseCommand({
  name: "emergency",
  usage: "/coc emergency <hide|lock|close|remove> [link]",
  summary: "Act at once, before consensus; another member must sign it off.",
  details:
    "For an ongoing or severe breach: hides, locks, closes or removes the flagged (or linked) content at once; refused when it is so already. " +
    "Another committee member who is not recused must write `/coc signoff` within `deadlines.emergency_signoff`, or the app reverts the act. " +
    "A revert undoes only what the act changed: what a later command did to the same content stays, and removed text comes back only over the removal notice, never over newer text.",
  async run(ctx) {
    const [word, link] = ctx.event.command.args;
    const kind = emergencyKind(word);
    if (!kind) throw new UserError(`name the act: \`/coc emergency <${EMERGENCY_KINDS.join("|")}> [link]\`.`);
    const target = await caseTarget(ctx, link);
    if (kind === "hide" && !target.hideable) throw new UserError("GitHub cannot hide an issue or pull request body; use `remove`, `lock` or `close`.");
    if (kind === "remove" && target.ref.kind === "review") throw new UserError("GitHub lets only a review's author edit its text; use `hide`.");
    const originalBody = await refuseWhatIsSoAlready(ctx, kind, target);
    const act = actFor(kind, target);
    if (await isPending(ctx.db, act)) throw new UserError(`${subjectOf(kind, target)} is already being ${PAST[kind]}.`);
    const stored: EmergencyTarget = { target, originalBody, ...(act.kind === "replace-body" ? { notice: act.body } : {}) };
    const due = new Date(ctx.now.getTime() + ctx.config.deadlines.emergency_signoff);
    await recordCommandResult(ctx, {
      apply: async (tx) => {
        const row = await tx.emergencyAct.create({
          data: { caseId: ctx.caseFile.id, kind, actor: ctx.event.sender, target: stored as object, actedAt: ctx.now },
        });
        // Keyed by the act, so that its revert can tell the act's own action from what came after it.
        await recordActions(tx, ctx.caseFile.id, [act], emergencyActKey(row.id));
        const key = deadlineKey(ctx.caseFile.id, "emergency-signoff", row.id);
        await scheduleDeadline(tx, { kind: "emergency-signoff", key, dueAt: due, itemId: row.id, nextUpdateBy: null });
      },
      audit: [{ actor: ctx.event.sender, action: "emergency.acted", detail: { kind, nodeId: target.nodeId } }],
      reply:
        `emergency act: ${target.description} is being ${PAST[kind]}. Another committee member who is not recused must write ` +
        `\`/coc signoff\` by ${formatUtc(due)}, or the app reverts it.`,
    });
  },
});

export const signoffCommand = caseCommand({
  name: "signoff",
  usage: "/coc signoff",
  summary: "Sign off the emergency acts another member took in this case.",
  details: "Confirms every emergency act in the case that is waiting for sign-off and was taken by someone else; they then stay.",
  async run(ctx) {
    const pending = await ctx.db.emergencyAct.findMany({ where: { caseId: ctx.caseFile.id, signedOffAt: null, revertedAt: null } });
    const others = pending.filter((act) => act.actor.toLowerCase() !== ctx.event.sender.toLowerCase());
    if (pending.length === 0) throw new UserError("no emergency act in this case is waiting for sign-off.");
    if (others.length === 0) throw new UserError("another committee member must sign off your own emergency act.");
    await recordCommandResult(ctx, {
      apply: async (tx) => {
        for (const act of others) {
          const signed = await tx.emergencyAct.updateMany({ where: { id: act.id, signedOffAt: null, revertedAt: null }, data: { signedOffAt: ctx.now, signedOffBy: ctx.event.sender } });
          if (signed.count > 0) await tx.$executeRaw`SELECT graphile_worker.remove_job(${deadlineKey(ctx.caseFile.id, "emergency-signoff", act.id)}::text)`;
        }
      },
      audit: [{ actor: ctx.event.sender, action: "emergency.signed-off", detail: { acts: others.map((a) => a.id) } }],
      reply: `you signed off ${others.length === 1 ? "the emergency act" : `${others.length} emergency acts`}; ${others.length === 1 ? "it stays" : "they stay"}.`,
    });
  },
});

/**
 * Refuses an act on what is so already: its revert would undo what was there before the act
 * (a maintainer's lock, a close, someone's hide). Answers the text a removal replaces.
 */
async function refuseWhatIsSoAlready(ctx: CaseCommandContext, kind: EmergencyKind, target: CaseTarget): Promise<string | null> {
  const github = await ctx.gateway.forRepository(target.thread.repo);
  const subject = subjectOf(kind, target);
  switch (kind) {
    case "hide": {
      const minimized = await github.fetchMinimized(target.nodeId);
      if (minimized === null) throw new UserError(`${subject} no longer exists.`);
      if (minimized) throw new UserError(`${subject} is already hidden.`);
      return null;
    }
    case "lock":
    case "close": {
      const thread = await github.fetchThread(target.thread.repo, target.thread.number);
      if (!thread) throw new UserError(`${subject} does not exist, or the app cannot see it.`);
      if (kind === "lock" && thread.locked) throw new UserError(`${subject} is already locked.`);
      if (kind === "close" && thread.closed) throw new UserError(`${subject} is already closed.`);
      return null;
    }
    case "remove": {
      const content = await github.fetchContent(target.ref);
      if (!content) throw new UserError(`${subject} no longer exists.`);
      if (content.body === removalNotice()) throw new UserError(`${subject} is already removed.`);
      return content.body;
    }
  }
}

const PAST: Record<EmergencyKind, string> = { hide: "hidden", lock: "locked", close: "closed", remove: "replaced with a removal notice" };
