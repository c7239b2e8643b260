/**
 * Who may run committee commands in a case, and who decides it. Members of
 * the committee team work cases; the escalation team, where one is
 * configured, follows them (status, notes) and decides the cases escalated to
 * it: a deadlock, a case that involves a committee member, or one the
 * committee hands over with `/coc escalate`. Teams belong to the account that
 * owns the cases repository. Anyone else gets a refusal that reveals nothing.
 */
import type { CocConfig } from "../config/schema.js";
import type { GitHubPort, RepoRef } from "../github/port.js";

/**
 * The author's places: on the committee team, on the escalation team, on the appeals team
 * (`appeals.team`, whose members review appeals and may follow the case). Null: none of them.
 */
export type CommitteeStanding = { committee: boolean; escalation: boolean; appeals?: boolean } | null;

export async function committeeStanding(
  github: Pick<GitHubPort, "isTeamMember">,
  casesRepo: RepoRef,
  config: Pick<CocConfig, "committee"> & Partial<Pick<CocConfig, "appeals">>,
  login: string,
): Promise<CommitteeStanding> {
  const escalationTeam = config.committee.escalation_team;
  const appealsTeam = config.appeals?.team;
  const [onCommittee, onEscalation, onAppeals] = await Promise.all([
    github.isTeamMember(casesRepo.owner, config.committee.team, login),
    escalationTeam ? github.isTeamMember(casesRepo.owner, escalationTeam, login) : Promise.resolve(false),
    appealsTeam ? github.isTeamMember(casesRepo.owner, appealsTeam, login) : Promise.resolve(false),
  ]);
  return onCommittee || onEscalation || onAppeals ? { committee: onCommittee, escalation: onEscalation, appeals: onAppeals } : null;
}

/** Whether the author reviews appeals: on the appeals team when there is one, else on the committee or escalation team. */
export function reviewsAppeals(standing: CommitteeStanding, appeals: Pick<CocConfig["appeals"], "team">): boolean {
  if (!standing) return false;
  return appeals.team ? standing.appeals === true : standing.committee || standing.escalation;
}

/** Whether the escalation team decides this case now (it was escalated, and such a team exists). */
export function decidedByEscalation(caseFile: { escalatedAt: Date | null }, committee: CocConfig["committee"]): boolean {
  return caseFile.escalatedAt !== null && committee.escalation_team !== undefined;
}

/** The slug of the team whose members vote on this case. */
export function decidingTeam(caseFile: { escalatedAt: Date | null }, committee: CocConfig["committee"]): string {
  return decidedByEscalation(caseFile, committee) ? committee.escalation_team! : committee.team;
}
