/**
 * `/coc cooldown [repo|org|<repository>] <length> [limit] [reason]` and
 * `/coc cooldown off [repo|org|<repository>]`: cool a public repository (or
 * the whole organization) down with GitHub's interaction limits, e.g.
 *
 *   /coc cooldown 24h
 *   /coc cooldown org 1w contributors_only raid from new accounts
 *   /coc cooldown off
 *
 * GitHub offers fixed lengths only (a day, three days, a week, a month, six
 * months) and lifts a limit by itself when it ends. Before recording, the app
 * asks GitHub whether it can: a private repository, the optional
 * `administration` permission not granted, or a limit for the whole account
 * in force each get a reply saying so and what to do instead.
 */
import { contentKeyRepo } from "../../cases/plan-flag.js";
import { COOLDOWN_EXPIRY_MS, parseCooldownTerms, type CooldownPlace } from "../../cases/sanction-terms.js";
import { commandKey } from "../../events/command-event.js";
import { cooldownRefusalText, cooldownSetText } from "../../messages/cooldowns.js";
import { liftCooldowns, recordCooldown } from "../../store/cooldowns.js";
import { caseCommand, type CaseCommandContext } from "../command-spec.js";
import { UserError } from "../user-error.js";
import { recordCommandResult } from "./case-change.js";
import { interactionPlaceOf, placeKey } from "./cooldown-place.js";

export const cooldownCommand = caseCommand({
  name: "cooldown",
  usage: "/coc cooldown [repo|org|<repository>] <length> [existing_users|contributors_only|collaborators_only] [reason]",
  summary: "Limit who may interact in a public repository, or the whole organization, for a while.",
  details:
    "Sets GitHub's interaction limit in the case's repository (`repo`, the default), another repository of the account, or the organization (`org`). " +
    "Lengths are GitHub's: 24h (or 1d), 3d, 1w (or 7d), 30d, 180d, or one_day … six_months. The limit defaults to `collaborators_only`. " +
    "GitHub lifts it by itself at the end; `/coc cooldown off [repo|org|<repository>]` lifts it sooner. Needs the app's optional `administration` permission.",
  async run(ctx) {
    const [first, ...rest] = ctx.event.command.args;
    if (first?.toLowerCase() === "off") return lift(ctx, rest);
    const parsed = parseCooldownTerms(ctx.event.command.args);
    if (!parsed.ok) throw new UserError(`${parsed.reason} The form is \`/coc cooldown [repo|org|<repository>] <length> [limit] [reason]\`.`);
    const { terms, rest: reasonWords } = parsed.value;
    const { place, name, via } = await checkedPlace(ctx, terms.place);
    const reason = reasonWords.join(" ");
    await recordCommandResult(ctx, {
      apply: async (tx) => {
        const recorded = await recordCooldown(tx, { caseId: ctx.caseFile.id, place, terms, setBy: ctx.event.sender, issueKey: `cooldown:${commandKey(ctx.event)}`, via }, ctx.now);
        return { actions: recorded.action ? [recorded.action] : [] };
      },
      audit: [{ actor: ctx.event.sender, action: "cooldown.set", detail: { place: placeKey(place), limit: terms.limit, expiry: terms.expiry, reason } }],
      reply: cooldownSetText(name, terms, new Date(ctx.now.getTime() + COOLDOWN_EXPIRY_MS[terms.expiry])),
    });
  },
});

async function lift(ctx: CaseCommandContext, words: string[]): Promise<void> {
  if (words.length > 1) throw new UserError("the form is `/coc cooldown off [repo|org|<repository>]`.");
  const word = words[0]?.toLowerCase();
  const wanted: CooldownPlace = word === undefined || word === "repo" ? { kind: "repo" } : word === "org" ? { kind: "org" } : { kind: "named", repo: words[0]! };
  const { place, name, via, current } = await checkedPlace(ctx, wanted);
  if (!current) throw new UserError(`no interaction limit is in force in ${name}.`);
  await recordCommandResult(ctx, {
    apply: async (tx) => {
      await liftCooldowns(tx, place, ctx.event.sender, ctx.now);
      return { actions: [{ kind: "remove-interaction-limit", caseId: ctx.caseFile.id, place, via }] };
    },
    audit: [{ actor: ctx.event.sender, action: "cooldown.lifted", detail: { place: placeKey(place) } }],
    reply: `lifting the interaction limit in ${name}.`,
  });
}

/** The place, once GitHub says the app can change its limit; refused with the reason otherwise. */
async function checkedPlace(ctx: CaseCommandContext, wanted: CooldownPlace) {
  const caseRepo = contentKeyRepo(ctx.caseFile.contentKey);
  const resolved = interactionPlaceOf(wanted, caseRepo);
  if (!resolved.ok) throw new UserError(resolved.reason);
  const { place, name } = resolved;
  const github = await ctx.gateway.forRepository(caseRepo);
  if (place.kind === "repository") {
    const repository = await github.getRepository(place.repo);
    if (!repository) throw new UserError(cooldownRefusalText(name, "missing"));
    if (repository.private) throw new UserError(cooldownRefusalText(name, "private"));
  }
  const state = await github.getInteractionLimit(place);
  if (!state.ok) throw new UserError(cooldownRefusalText(name, state.refusal));
  // A limit set for the whole account wins over the repository's: GitHub refuses to change the repository's.
  if (place.kind === "repository" && state.value && state.value.origin !== "repository") {
    throw new UserError(cooldownRefusalText(name, "higher-limit", state.value.expiresAt));
  }
  return { place, name, via: caseRepo, current: state.value };
}
