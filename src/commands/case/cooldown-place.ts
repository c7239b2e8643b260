/**
 * Where a cooldown applies on GitHub: the case's repository (`repo`, the
 * default), a named repository of the case's account (`widgets`,
 * `acme/widgets`), or the whole organization (`org`). A repository in
 * another account is refused: a committee acts only in its own account.
 */
import type { CooldownPlace } from "../../cases/sanction-terms.js";
import type { InteractionPlace, RepoRef } from "../../github/port.js";

export type ResolvedPlace = { ok: true; place: InteractionPlace; name: string } | { ok: false; reason: string };

export function interactionPlaceOf(place: CooldownPlace, caseRepo: RepoRef): ResolvedPlace {
  switch (place.kind) {
    case "repo":
      return repository(caseRepo);
    case "org":
      return { ok: true, place: { kind: "organization", org: caseRepo.owner }, name: `the \`${caseRepo.owner}\` organization` };
    case "named": {
      const [first, second, ...more] = place.repo.split("/");
      if (more.length > 0 || first === "" || second === "") return { ok: false, reason: `\`${place.repo}\` is not a repository name; write \`name\` or \`owner/name\`.` };
      if (second === undefined) return repository({ owner: caseRepo.owner, repo: first! });
      if (first!.toLowerCase() !== caseRepo.owner.toLowerCase()) return { ok: false, reason: `\`${place.repo}\` is outside \`${caseRepo.owner}\`, the account this case belongs to.` };
      return repository({ owner: caseRepo.owner, repo: second });
    }
  }
}

function repository(repo: RepoRef): ResolvedPlace {
  return { ok: true, place: { kind: "repository", repo }, name: `\`${repo.owner}/${repo.repo}\`` };
}

/** The place as the cooldowns table keeps it: the account, and the repository's name or null for the organization. */
export function storedPlace(place: InteractionPlace): { account: string; repo: string | null } {
  return place.kind === "repository" ? { account: place.repo.owner.toLowerCase(), repo: place.repo.repo.toLowerCase() } : { account: place.org.toLowerCase(), repo: null };
}

export function placeOfStored(stored: { account: string; repo: string | null }): InteractionPlace {
  return stored.repo === null ? { kind: "organization", org: stored.account } : { kind: "repository", repo: { owner: stored.account, repo: stored.repo } };
}

/** The place as the audit log names it: `owner/repo`, or `org:<org>`. */
export function placeKey(place: InteractionPlace): string {
  return place.kind === "repository" ? `${place.repo.owner}/${place.repo.repo}` : `org:${place.org}`;
}
