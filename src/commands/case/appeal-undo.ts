/**
 * What an appeal's answer undoes, in the transaction that records it. A
 * sanction carries the key of what ordered it (`decision:<id>`,
 * `decision:<id>:ban`, `warn:<command>:threshold-ban`…), so undoing a decision
 * finds exactly its own: strikes are voided (they stay on the record), bans
 * lifted (reason `appeal`), cooldowns lifted. Overturning the case's decision
 * also gives back what the case did to content: hidden content is shown again
 * (flagged and swept alike) and locked conversations unlocked, unless a later
 * action of the case undid them already.
 */
import type { PlannedAction } from "../../actions/planned-action.js";
import { orderedBy } from "../../cases/appealable.js";
import { strikeName } from "../../store/strikes.js";
import { liftBan } from "../../store/bans.js";
import type { Transaction } from "../../store/database.js";
import { placeOfStored, placeKey } from "./cooldown-place.js";
import { contentKeyRepo } from "../../cases/plan-flag.js";

export interface Undoing {
  /** What was undone, for the case ("Strike S-3 voided."). */
  lines: string[];
  actions: PlannedAction[];
}

export async function undoSanctions(tx: Transaction, caseFile: { id: string; contentKey: string }, decisionKey: string, by: string, appeal: string, now: Date): Promise<Undoing> {
  const lines: string[] = [];
  const actions: PlannedAction[] = [];
  const strikes = (await tx.strike.findMany({ where: { caseId: caseFile.id, voidedAt: null } })).filter((s) => orderedBy(s.issueKey, decisionKey));
  for (const strike of strikes) {
    await tx.strike.update({ where: { id: strike.id }, data: { voidedAt: now, voidedBy: by, voidReason: `overturned on appeal ${appeal}` } });
    lines.push(`Strike ${strikeName(strike.number)} voided; it stays on the record.`);
  }
  const bans = (await tx.ban.findMany({ where: { caseId: caseFile.id, liftedAt: null } })).filter((b) => orderedBy(b.issueKey, decisionKey));
  for (const ban of bans) {
    const lifted = await liftBan(tx, ban.id, by, "appeal", now);
    actions.push(...lifted.actions);
    if (lifted.lifted) lines.push(`The ban of \`${ban.subjectLogin}\` in \`${ban.account}\` lifted.`);
  }
  const cooldowns = (await tx.cooldown.findMany({ where: { caseId: caseFile.id, liftedAt: null, endsAt: { gt: now } } })).filter((c) => orderedBy(c.issueKey, decisionKey));
  // GitHub keeps one limit per place, whatever set it: lifting the place undoes it.
  const via = contentKeyRepo(caseFile.contentKey);
  for (const cooldown of cooldowns) {
    await tx.cooldown.update({ where: { id: cooldown.id }, data: { liftedAt: now, liftedBy: by } });
    const place = placeOfStored(cooldown);
    if (cooldown.refusal === null) actions.push({ kind: "remove-interaction-limit", caseId: caseFile.id, place, via });
    lines.push(`The interaction limit in ${placeKey(place)} lifted.`);
  }
  return { lines, actions };
}

/** Shows again what the case hid and unlocks what it locked, where the case's last word on it was to hide or lock. */
export async function undoContentActions(tx: Transaction, caseId: string): Promise<Undoing> {
  const rows = await tx.action.findMany({
    where: { caseId, kind: { in: ["hide-content", "unhide-content", "lock-thread", "unlock-thread"] }, status: { not: "failed" } },
    orderBy: { createdAt: "asc" },
    select: { payload: true },
  });
  const last = new Map<string, PlannedAction>();
  for (const { payload } of rows) {
    const action = payload as PlannedAction;
    if (action.kind === "hide-content" || action.kind === "unhide-content") last.set(`node:${action.nodeId}`, action);
    if (action.kind === "lock-thread" || action.kind === "unlock-thread") last.set(`thread:${action.repo.owner}/${action.repo.repo}#${action.issueNumber}`.toLowerCase(), action);
  }
  const actions: PlannedAction[] = [];
  for (const action of last.values()) {
    if (action.kind === "hide-content") actions.push({ kind: "unhide-content", repo: action.repo, nodeId: action.nodeId });
    if (action.kind === "lock-thread") actions.push({ kind: "unlock-thread", repo: action.repo, issueNumber: action.issueNumber });
  }
  const swept = await tx.sweptContent.findMany({ where: { caseId } });
  const hidden = new Set(actions.map((a) => (a.kind === "unhide-content" ? a.nodeId : "")));
  for (const item of swept) {
    const repo = repoOfUrl(item.url);
    if (repo && !hidden.has(item.nodeId)) actions.push({ kind: "unhide-content", repo, nodeId: item.nodeId });
  }
  const shown = actions.filter((a) => a.kind === "unhide-content").length;
  const unlocked = actions.length - shown;
  const lines = [
    ...(shown > 0 ? [`${shown} hidden ${shown === 1 ? "comment or review" : "comments or reviews"} shown again.`] : []),
    ...(unlocked > 0 ? [`${unlocked} locked ${unlocked === 1 ? "conversation" : "conversations"} unlocked.`] : []),
  ];
  return { lines, actions };
}

/** `owner/repo` of a content address (`https://<host>/<owner>/<repo>/…`). */
function repoOfUrl(url: string): { owner: string; repo: string } | null {
  const [owner, repo] = new URL(url).pathname.split("/").filter(Boolean);
  return owner && repo ? { owner, repo } : null;
}
