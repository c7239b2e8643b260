/**
 * What the app has done, or is still doing, to one conversation or piece of
 * content, from any case: an emergency act is refused while the same act is
 * still being carried out, and its revert leaves alone what a command or a
 * flag did to the same target after it. Names of owners and repositories
 * compare case-insensitively, as GitHub's do.
 */
import { Prisma } from "../generated/prisma/client.js";
import type { ActionKind, ContentAction } from "../actions/planned-action.js";
import type { Database } from "./database.js";

/** The SQL that picks the actions on the same target as `action` (a thread, a node, a body). */
function sameTarget(action: ContentAction): Prisma.Sql {
  switch (action.kind) {
    case "hide-content":
    case "unhide-content":
      return Prisma.sql`a.payload->>'nodeId' = ${action.nodeId}`;
    case "lock-thread":
    case "unlock-thread":
    case "close-thread":
    case "reopen-thread":
      return Prisma.sql`lower(a.payload->'repo'->>'owner') = lower(${action.repo.owner})
        AND lower(a.payload->'repo'->>'repo') = lower(${action.repo.repo})
        AND a.payload->>'issueNumber' = ${String(action.issueNumber)}`;
    case "replace-body": {
      const { ref } = action;
      const id = ref.kind === "issue" ? null : String(ref.kind === "review" ? ref.reviewId : ref.commentId);
      return Prisma.sql`a.payload->'ref'->>'kind' = ${ref.kind}
        AND lower(a.payload->'ref'->>'owner') = lower(${ref.owner})
        AND lower(a.payload->'ref'->>'repo') = lower(${ref.repo})
        AND a.payload->'ref'->>'number' = ${String(ref.number)}
        AND coalesce(a.payload->'ref'->>'commentId', a.payload->'ref'->>'reviewId') IS NOT DISTINCT FROM ${id}::text`;
    }
  }
}

/** Whether an action like this one, on the same target, is recorded and not carried out yet. */
export async function isPending(db: Database, action: ContentAction): Promise<boolean> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT 1 FROM actions a WHERE a.status = 'pending' AND a.kind = ${action.kind} AND ${sameTarget(action)} LIMIT 1`;
  return rows.length > 0;
}

/**
 * The kind of the last action of `kinds` on the target of `action` recorded after the action
 * `sinceId` (which is left out), or null when there is none.
 */
export async function lastKindSince(db: Database, action: ContentAction, kinds: ActionKind[], sinceId: string): Promise<ActionKind | null> {
  // Recorded in the same instant counts as after: only `sinceId` itself is known to come first.
  const rows = await db.$queryRaw<Array<{ kind: ActionKind }>>`
    SELECT a.kind FROM actions a
     WHERE a.kind IN (${Prisma.join(kinds)}) AND ${sameTarget(action)}
       AND a.id <> ${sinceId}::uuid
       AND a.created_at >= (SELECT created_at FROM actions WHERE id = ${sinceId}::uuid)
     ORDER BY a.created_at DESC LIMIT 1`;
  return rows[0]?.kind ?? null;
}
