/**
 * Who may run committee commands in a case: members of the committee team,
 * and of the escalation team where one is configured (it hears deadlocks and
 * cases that involve a committee member). Teams belong to the account that
 * owns the cases repository. Anyone else gets a refusal that reveals nothing.
 */
import type { CocConfig } from "../config/schema.js";
import type { GitHubPort, RepoRef } from "../github/port.js";

export type CommitteeStanding = "member" | "escalation" | null;

export async function committeeStanding(
  github: Pick<GitHubPort, "isTeamMember">,
  casesRepo: RepoRef,
  committee: CocConfig["committee"],
  login: string,
): Promise<CommitteeStanding> {
  if (await github.isTeamMember(casesRepo.owner, committee.team, login)) return "member";
  const escalation = committee.escalation_team;
  if (escalation && (await github.isTeamMember(casesRepo.owner, escalation, login))) return "escalation";
  return null;
}
