/**
 * Whether the author may run this command where they wrote it. Refusals say
 * only what the author can fix; none says anything about a case.
 *
 *   /coc ack            in a case issue, by a committee member: runs
 *   /coc ack            in any other thread: "works only in a case issue"
 *   /coc flag <link>    by a committee member who is not a moderator: refused
 */
import type { CommitteeStanding } from "./committee.js";
import type { CommandSpec } from "./command-spec.js";
import { UserError } from "./user-error.js";

export function assertMayRun(spec: CommandSpec, authority: { moderator: boolean; committee: CommitteeStanding }, inCase: boolean): void {
  switch (spec.role) {
    case "committee":
      if (!inCase) throw new UserError(`\`/coc ${spec.name}\` works only in a case issue in the cases repository.`);
      if (!authority.committee) throw new UserError(`only members of the conduct committee can use \`/coc ${spec.name}\`.`);
      return;
    case "moderator":
      if (!authority.moderator) throw new UserError(`only moderators can use \`/coc ${spec.name}\`.`);
      return;
    case "any":
      return;
  }
}
