/**
 * What the committee reads about a cooldown: that it was set and until when,
 * and, when GitHub will not set or lift it, why and what to do instead.
 */
import { formatUtc } from "../cases/case-state.js";
import { describeCooldown, type CooldownTerms } from "../cases/sanction-terms.js";
import type { InteractionRefusal } from "../github/port.js";

export type CooldownRefusal = InteractionRefusal | "private" | "missing";

const BY_HAND = "the repository's Settings → Moderation options → Interaction limits (or the organization's, for all of it)";

export function cooldownRefusalText(name: string, refusal: CooldownRefusal, accountLimitEnds: Date | null = null): string {
  switch (refusal) {
    case "no-permission":
      return (
        `the app may not change interaction limits in ${name}: cooldowns need the optional \`administration\` permission ` +
        `(\`organization_administration\` for a whole organization), which an owner grants in the app's settings. Until then, set it by hand in ${BY_HAND}. See docs/sanctions.md.`
      );
    case "higher-limit":
      return (
        `a limit for the whole account is in force${accountLimitEnds ? ` until ${formatUtc(accountLimitEnds)}` : ""}, and GitHub lets it override the limits of single repositories: ` +
        "change or lift the account's with `/coc cooldown org …` or `/coc cooldown off org`."
      );
    case "not-an-organization":
      return "this account is a person's, not an organization: GitHub lets only its owner set a limit for all of it. Cool down one repository at a time.";
    case "private":
      return `${name} is private: GitHub's interaction limits apply only to public repositories (in a private one, only the people given access can take part). Lock the conversation instead.`;
    case "missing":
      return `${name} does not exist, or the app is not installed on it.`;
  }
}

export function cooldownSetText(name: string, terms: CooldownTerms, endsAt: Date): string {
  return `cooling down ${name} ${describeCooldown(terms)}; GitHub lifts it by itself at ${formatUtc(endsAt)}. \`/coc cooldown off\` lifts it sooner.`;
}

export function cooldownRefusedByGitHub(name: string, refusal: CooldownRefusal): string {
  return `**The cooldown of ${name} was not set:** ${cooldownRefusalText(name, refusal)}`;
}

export function cooldownLiftRefusedByGitHub(name: string, refusal: CooldownRefusal): string {
  return `**The cooldown of ${name} was not lifted:** ${cooldownRefusalText(name, refusal)}`;
}
