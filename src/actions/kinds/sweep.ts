/**
 * A raid sweep (`/coc sweep`): finds every comment, review and review
 * comment the person wrote in the case's account since the time given, hides
 * them all in a few batched requests, keeps each with the case, and lists
 * them there. Protection first: it runs before paperwork. Running it again
 * finds only what is not hidden yet, so a retry hides nothing twice.
 */
import { contentKeyRepo } from "../../cases/plan-flag.js";
import type { AuthoredContent } from "../../github/port.js";
import { sweepReport } from "../../messages/sweeps.js";
import { HIDE_BATCH } from "../../github/octokit-sweep.js";
import type { ActionKindSpec } from "../action-kind.js";
import { sayInCase } from "../say-in-case.js";

export const sweep: ActionKindSpec<"sweep"> = {
  kind: "sweep",
  priority: 1,
  maxAttempts: 25,
  async perform(action, run) {
    const kase = await run.db.case.findUniqueOrThrow({ where: { id: action.caseId }, select: { contentKey: true, casesOwner: true, casesRepo: true } });
    const via = contentKeyRepo(kase.contentKey);
    const since = new Date(action.since);
    const github = await run.gateway.forRepository(via);
    // The committee's own record is never content to act on.
    const casesPath = `/${kase.casesOwner}/${kase.casesRepo}/`.toLowerCase();
    const found = (await github.findAuthoredContent(via.owner, action.login, since)).filter((item) => !new URL(item.url).pathname.toLowerCase().startsWith(casesPath));
    // Hidden and recorded a batch at a time: a sweep that fails partway keeps what it hid, and its retry finds the rest.
    let gone = 0;
    for (let start = 0; start < found.length; start += HIDE_BATCH) {
      const batch = found.slice(start, start + HIDE_BATCH);
      const result = await github.hideMany(batch.map((item) => item.nodeId), "ABUSE");
      gone += result.gone.length;
      const hiddenIds = new Set(result.hidden);
      await run.db.sweptContent.createMany({
        data: batch
          .filter((item) => hiddenIds.has(item.nodeId))
          .map((item) => ({ caseId: action.caseId, nodeId: item.nodeId, url: item.url, kind: item.kind, login: action.login.toLowerCase(), writtenAt: item.createdAt, actionId: run.actionId, sweptBy: action.requestedBy, sweptAt: run.now() })),
        skipDuplicates: true,
      });
    }
    // Listed from the record, so what an earlier attempt hid before it failed is in the report too.
    const rows = await run.db.sweptContent.findMany({ where: { actionId: run.actionId }, orderBy: { writtenAt: "asc" } });
    const listed = rows.map((row) => ({ nodeId: row.nodeId, url: row.url, kind: row.kind as AuthoredContent["kind"], createdAt: row.writtenAt }));
    await sayInCase(run, action.caseId, `sweep:${run.actionId}`, sweepReport(action.login, via.owner, since, listed, gone), {
      actor: action.requestedBy,
      action: "sweep.done",
      detail: { login: action.login, since: action.since, hidden: listed.length, gone },
    });
  },
};
