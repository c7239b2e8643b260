/**
 * Answers the person who issued a command that did not open or join a case
 * (help, a mistyped command, an invalid configuration, a refused link): the
 * command is removed from the public thread first, like every command, then
 * the reply is posted; both durably and with an audit event.
 */
import { commandKey, type CommandEvent } from "../events/command-event.js";
import { recordActions } from "./actions.js";
import { appendAudit } from "./audit-log.js";
import type { Database } from "./database.js";

export async function recordReply(db: Database, event: CommandEvent, body: string, auditAction: string, now: Date): Promise<void> {
  const onceKey = `reply:${commandKey(event)}`;
  await db.$transaction(async (tx) => {
    // A command retried after its reply was saved must not reply twice.
    if (await tx.action.findFirst({ where: { onceKey: { startsWith: `${onceKey}:` } }, select: { id: true } })) return;
    await recordActions(
      tx,
      null,
      [
        { kind: "remove-command", location: event.location, remainingBody: event.remainingBody },
        { kind: "reply", repo: event.repo, issueNumber: event.issueNumber, body },
      ],
      onceKey,
    );
    await appendAudit(
      tx,
      [{ actor: event.sender, action: auditAction, detail: { command: event.command.name, repo: `${event.repo.owner}/${event.repo.repo}` } }],
      now,
    );
  });
}
