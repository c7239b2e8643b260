/**
 * Answers the person who issued a command that did not open or join a case
 * (help, a mistyped command, an invalid configuration, a refused link): the
 * command is removed from the thread first, like every command (except in a
 * case issue, where commands are the committee's record and stay), then the
 * answer goes where the command's reply route says (the thread of a private
 * repository, else the cases repository's notice board); both durably and with
 * an audit event.
 */
import type { PlannedAction } from "../actions/planned-action.js";
import { commandKey, type CommandEvent } from "../events/command-event.js";
import { moderatorNotice } from "../messages/notices.js";
import { recordActions } from "./actions.js";
import { appendAudit } from "./audit-log.js";
import type { Database } from "./database.js";

export async function recordReply(db: Database, event: CommandEvent, body: string, auditAction: string, now: Date): Promise<void> {
  const onceKey = `reply:${commandKey(event)}`;
  const answer = answerAction(event, body);
  await db.$transaction(async (tx) => {
    // A command retried after its reply was saved must not reply twice.
    if (await tx.action.findFirst({ where: { onceKey: { startsWith: `${onceKey}:` } }, select: { id: true } })) return;
    await recordActions(
      tx,
      null,
      [...(event.keepCommand ? [] : [{ kind: "remove-command" as const, location: event.location, remainingBody: event.remainingBody }]), ...(answer ? [answer] : [])],
      onceKey,
    );
    await appendAudit(
      tx,
      [
        {
          actor: event.sender,
          action: auditAction,
          detail: { command: event.command.name, repo: `${event.repo.owner}/${event.repo.repo}`, answeredIn: event.replyRoute.kind },
        },
      ],
      now,
    );
  });
}

function answerAction(event: CommandEvent, body: string): PlannedAction | null {
  const route = event.replyRoute;
  switch (route.kind) {
    case "thread":
      return { kind: "reply", repo: event.repo, issueNumber: event.issueNumber, body: `@${event.sender} ${body}` };
    case "notice-board":
      return { kind: "notify", casesRepo: route.casesRepo, body: moderatorNotice(event.sender, event.repo, event.issueNumber, body) };
    case "log-only":
      return null;
  }
}
