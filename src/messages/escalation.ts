/**
 * What the app says in a case when it goes to the escalation team on its own
 * (`/coc escalate` and the deadlock reminder say it otherwise). Posted only in
 * the case issue, where the committee and the escalation team read.
 */
export function memberInvolvedEscalation(code: string, escalationTeam: string, involved: "subject" | "affected"): string {
  const how = involved === "subject" ? "is about" : "affects";
  return (
    `@${escalationTeam}: case ${code} ${how} a member of the conduct committee, so it is escalated to you ` +
    "(`committee.member_involved: escalate`): you decide it, and that member takes no part. " +
    "`/coc status` shows where it stands; `/coc help` lists the commands."
  );
}

export function nobodyLeftEscalation(code: string, escalationTeam: string): string {
  return (
    `@${escalationTeam}: nobody on the committee is left to decide case ${code} (every member is recused or involved), ` +
    "so it is escalated to you, and you decide it from now on. `/coc status` shows where it stands."
  );
}
