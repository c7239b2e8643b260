/**
 * Cooldowns on GitHub: set the interaction limit a cooldown records, or lift
 * one. GitHub's known refusals (the optional permission not granted, an
 * account-wide limit in force, a personal account) are said in the case once,
 * with what to do instead, and recorded on the cooldown; they are not retried.
 * A cooldown lifted before its limit was set is not set at all.
 */
import { placeOfStored } from "../../commands/case/cooldown-place.js";
import type { CooldownExpiry, InteractionLimit } from "../../cases/sanction-terms.js";
import type { InteractionAnswer, InteractionPlace } from "../../github/port.js";
import { cooldownLiftRefusedByGitHub, cooldownRefusedByGitHub, type CooldownRefusal } from "../../messages/cooldowns.js";
import type { ActionKindSpec } from "../action-kind.js";
import { sayInCase } from "../say-in-case.js";

export const setInteractionLimit: ActionKindSpec<"set-interaction-limit"> = {
  kind: "set-interaction-limit",
  priority: 2,
  maxAttempts: 25,
  async perform(action, run) {
    const cooldown = await run.db.cooldown.findUnique({ where: { id: action.cooldownId } });
    if (!cooldown) throw new Error(`cooldown ${action.cooldownId} does not exist`);
    if (cooldown.liftedAt || cooldown.refusal) return;
    const place = placeOfStored(cooldown);
    const github = await run.gateway.forRepository(action.via);
    // A decision's cooldown was recorded without asking GitHub (it is decided inside a transaction): asked here.
    const repository = place.kind === "repository" ? await github.getRepository(place.repo) : undefined;
    const answer: InteractionAnswer<{ expiresAt: Date }> | { ok: false; refusal: CooldownRefusal } =
      repository === null ? { ok: false, refusal: "missing" } : repository?.private ? { ok: false, refusal: "private" } : await github.setInteractionLimit(place, cooldown.limit as InteractionLimit, cooldown.expiry as CooldownExpiry);
    if (answer.ok) {
      await run.db.cooldown.update({ where: { id: cooldown.id }, data: { endsAt: answer.value.expiresAt } });
      return;
    }
    await run.db.cooldown.update({ where: { id: cooldown.id }, data: { refusal: answer.refusal } });
    await sayInCase(run, action.caseId, `cooldown-refused:${cooldown.id}`, cooldownRefusedByGitHub(placeName(place), answer.refusal), refusedAudit(answer.refusal));
  },
};

export const removeInteractionLimit: ActionKindSpec<"remove-interaction-limit"> = {
  kind: "remove-interaction-limit",
  priority: 5,
  maxAttempts: 25,
  async perform(action, run) {
    const github = await run.gateway.forRepository(action.via);
    const answer = await github.removeInteractionLimit(action.place);
    if (answer.ok) return;
    await sayInCase(run, action.caseId, `cooldown-lift-refused:${run.actionId}`, cooldownLiftRefusedByGitHub(placeName(action.place), answer.refusal), refusedAudit(answer.refusal));
  },
};

function placeName(place: InteractionPlace): string {
  return place.kind === "repository" ? `\`${place.repo.owner}/${place.repo.repo}\`` : `the \`${place.org}\` organization`;
}

function refusedAudit(refusal: CooldownRefusal) {
  return { actor: "app", action: "cooldown.refused", detail: { refusal } };
}
