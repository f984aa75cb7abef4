import type { Tx } from "../database.ts";
import { webhookEvents } from "../schema/index.ts";

/** Records a webhook delivery; false when its notification id was already handled (a duplicate). */
export async function recordWebhookEvent(
  db: Tx,
  event: { notificationId: string; type: number; shopExternalId: string | null },
): Promise<boolean> {
  const rows = await db
    .insert(webhookEvents)
    .values(event)
    .onConflictDoNothing()
    .returning({ id: webhookEvents.notificationId });
  return rows.length > 0;
}
