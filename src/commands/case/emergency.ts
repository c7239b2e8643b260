/**
 * `/coc emergency <hide|lock|close|remove> [link]` and `/coc signoff`: for an
 * ongoing or severe breach, any committee member acts at once, before
 * consensus; another member who is not recused signs it off, e.g.
 *
 *   /coc emergency lock
 *   /coc signoff
 *
 * Unless it is signed off within `deadlines.emergency_signoff` (72 hours by
 * default), the app reverts the act and says so in the case.
 */
import type { PlannedAction } from "../../actions/planned-action.js";
import { formatUtc } from "../../cases/case-state.js";
import { deadlineKey } from "../../deadlines/deadline-rules.js";
import { scheduleDeadline } from "../../store/deadline-jobs.js";
import { removalNotice } from "../../messages/removal-notice.js";
import { caseCommand, type CaseCommandContext } from "../command-spec.js";
import { UserError } from "../user-error.js";
import { recordCommandResult } from "./case-change.js";
import { caseTarget, type CaseTarget } from "./case-target.js";

const ACTS = ["hide", "lock", "close", "remove"] as const;
type EmergencyKind = (typeof ACTS)[number];

/** What an emergency act targeted, and what undoing it needs. */
export interface EmergencyTarget {
  target: CaseTarget;
  /** The text a removal replaced. */
  originalBody: string | null;
}

export const emergencyCommand = caseCommand({
  name: "emergency",
  usage: "/coc emergency <hide|lock|close|remove> [link]",
  summary: "Act at once, before consensus; another member must sign it off.",
  details:
    "For an ongoing or severe breach: hides, locks, closes or removes the flagged (or linked) content at once. " +
    "Another committee member who is not recused must write `/coc signoff` within `deadlines.emergency_signoff`, or the app reverts the act.",
  async run(ctx) {
    const [word, link] = ctx.event.command.args;
    const kind = ACTS.find((act) => act === word?.toLowerCase());
    if (!kind) throw new UserError(`name the act: \`/coc emergency <${ACTS.join("|")}> [link]\`.`);
    const target = await caseTarget(ctx, link);
    if (kind === "hide" && !target.hideable) throw new UserError("GitHub cannot hide an issue or pull request body; use `remove`, `lock` or `close`.");
    if (kind === "remove" && target.ref.kind === "review") throw new UserError("GitHub lets only a review's author edit its text; use `hide`.");
    // Its revert would show content the flag (or the committee) hid: the emergency adds nothing there.
    if (kind === "hide" && (await hiddenByTheApp(ctx, target.nodeId))) throw new UserError(`${target.description} is already hidden.`);
    const originalBody = kind === "remove" ? ((await (await ctx.gateway.forRepository(target.ref)).fetchContent(target.ref))?.body ?? null) : null;
    const due = new Date(ctx.now.getTime() + ctx.config.deadlines.emergency_signoff);
    await recordCommandResult(ctx, {
      apply: async (tx) => {
        const act = await tx.emergencyAct.create({
          data: { caseId: ctx.caseFile.id, kind, actor: ctx.event.sender, target: { target, originalBody } as object, actedAt: ctx.now },
        });
        const key = deadlineKey(ctx.caseFile.id, "emergency-signoff", act.id);
        await scheduleDeadline(tx, { kind: "emergency-signoff", key, dueAt: due, itemId: act.id, nextUpdateBy: null });
      },
      audit: [{ actor: ctx.event.sender, action: "emergency.acted", detail: { kind, nodeId: target.nodeId } }],
      reply:
        `emergency act: ${target.description} is being ${PAST[kind]}. Another committee member who is not recused must write ` +
        `\`/coc signoff\` by ${formatUtc(due)}, or the app reverts it.`,
      actions: [actFor(kind, target)],
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

async function hiddenByTheApp(ctx: CaseCommandContext, nodeId: string): Promise<boolean> {
  const hide = await ctx.db.action.findFirst({ where: { kind: "hide-content", status: "done", payload: { path: ["nodeId"], equals: nodeId } }, select: { id: true } });
  return hide !== null;
}

const PAST: Record<EmergencyKind, string> = { hide: "hidden", lock: "locked", close: "closed", remove: "replaced with a removal notice" };

function actFor(kind: EmergencyKind, { ref, nodeId, thread }: CaseTarget): PlannedAction {
  switch (kind) {
    case "hide":
      return { kind: "hide-content", repo: thread.repo, nodeId, classifier: "ABUSE" };
    case "lock":
      return { kind: "lock-thread", repo: thread.repo, issueNumber: thread.number, reason: "too heated" };
    case "close":
      return { kind: "close-thread", repo: thread.repo, issueNumber: thread.number };
    case "remove":
      return { kind: "replace-body", ref, body: removalNotice() };
  }
}

/** What undoes an emergency act that was not signed off in time. */
export function revertFor(kind: string, { target, originalBody }: EmergencyTarget): PlannedAction | null {
  const { ref, nodeId, thread } = target;
  switch (kind) {
    case "hide":
      return { kind: "unhide-content", repo: thread.repo, nodeId };
    case "lock":
      return { kind: "unlock-thread", repo: thread.repo, issueNumber: thread.number };
    case "close":
      return { kind: "reopen-thread", repo: thread.repo, issueNumber: thread.number };
    case "remove":
      return originalBody === null ? null : { kind: "replace-body", ref, body: originalBody };
    default:
      return null;
  }
}
