/**
 * The webhook side of blocks an owner makes or lifts by hand on GitHub
 * (`org_block`): the delivery is recorded and queued for the `org-block` job
 * in one statement (see `deliveries.ts`), so a redelivery changes nothing and
 * the webhook is answered at once. The app's own blocks come back as this
 * event too; the job tells them apart by their sender.
 */
import { z } from "zod";
import type { Database } from "../store/database.js";
import { takeDelivery } from "../store/deliveries.js";

export const orgBlockShape = z.object({
  action: z.enum(["blocked", "unblocked"]),
  blocked_user: z.object({ login: z.string(), id: z.number().int() }),
  organization: z.object({ login: z.string() }),
  sender: z.object({ login: z.string(), type: z.string() }),
});

export interface OrgBlockEvent {
  deliveryId: string;
  action: "blocked" | "unblocked";
  org: string;
  login: string;
  userId: number;
  sender: string;
  senderIsBot: boolean;
}

export async function receiveOrgBlock(db: Database, deliveryId: string, payload: z.infer<typeof orgBlockShape>): Promise<boolean> {
  const event: OrgBlockEvent = {
    deliveryId,
    action: payload.action,
    org: payload.organization.login,
    login: payload.blocked_user.login,
    userId: payload.blocked_user.id,
    sender: payload.sender.login,
    senderIsBot: payload.sender.type === "Bot",
  };
  return takeDelivery(db, { id: deliveryId, event: "org_block" }, { task: "org-block", payload: event as unknown as Record<string, unknown>, jobKey: `org-block:${deliveryId}`, maxAttempts: 25 });
}
