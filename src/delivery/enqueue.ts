import type { Platform } from "../core/invocation.ts";
import type { Tx } from "../storage/database.ts";
import { enqueue } from "../storage/repos/outbox.ts";
import type { OutboxPlatform } from "../storage/schema/index.ts";
import type { OutboxView } from "./payload.ts";

/** Where a message goes: the workspace, its platform and the platform's channel id. */
export interface DeliveryTarget {
  workspaceId: number;
  platform: Platform;
  channel: string;
}

/** The outbox's platform column and the core's `Platform` must be the same set. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const PLATFORMS_AGREE: Same<Platform, OutboxPlatform> = true;

/**
 * Writes one view for one channel before anything is sent; a second enqueue of the same dedupe
 * key is a no-op (returns false). `dueAt` defaults to now on the application's clock; `late`
 * marks a digest sent after its time.
 */
export async function enqueueView(
  tx: Tx,
  target: DeliveryTarget,
  view: OutboxView,
  dedupeKey: string,
  options: { dueAt?: Date; late?: boolean } = {},
): Promise<boolean> {
  return enqueue(tx, {
    dedupeKey,
    workspaceId: target.workspaceId,
    platform: target.platform,
    channel: target.channel,
    kind: view.kind,
    payload: view,
    ...(options.dueAt ? { dueAt: options.dueAt } : {}),
    ...(options.late !== undefined ? { late: options.late } : {}),
  });
}
