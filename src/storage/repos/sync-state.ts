import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { domainEvents, syncState } from "../schema/index.ts";

export type Resource =
  | "statements"
  | "payouts"
  | "unsettled"
  | "transactions"
  | "products"
  | "creator_orders";

export async function readCursor(db: Tx, shopId: number, resource: Resource): Promise<Date | null> {
  const [row] = await db
    .select({ cursor: syncState.cursor })
    .from(syncState)
    .where(and(eq(syncState.shopId, shopId), eq(syncState.resource, resource)));
  return row?.cursor ?? null;
}

export async function recordSuccess(
  db: Tx,
  shopId: number,
  resource: Resource,
  at: Date,
  cursor?: Date | null,
): Promise<void> {
  const set = {
    lastAttemptAt: at,
    lastSuccessAt: at,
    consecutiveFailures: 0,
    lastError: null,
    lastErrorCode: null,
    lastRequestId: null,
    ...(cursor !== undefined ? { cursor } : {}),
  };
  await db
    .insert(syncState)
    .values({ shopId, resource, ...set })
    .onConflictDoUpdate({ target: [syncState.shopId, syncState.resource], set });
}

export async function recordFailure(
  db: Tx,
  shopId: number,
  resource: Resource,
  at: Date,
  error: { message: string; code?: string | undefined; requestId?: string | undefined },
): Promise<void> {
  const set = {
    lastAttemptAt: at,
    lastError: error.message.slice(0, 500),
    lastErrorCode: error.code ?? null,
    lastRequestId: error.requestId ?? null,
  };
  await db
    .insert(syncState)
    .values({ shopId, resource, ...set, consecutiveFailures: 1 })
    .onConflictDoUpdate({
      target: [syncState.shopId, syncState.resource],
      set: { ...set, consecutiveFailures: sql`${syncState.consecutiveFailures} + 1` },
    });
}

export async function syncHealth(db: Tx, shopId: number) {
  return db.select().from(syncState).where(eq(syncState.shopId, shopId));
}

/** Records a domain event once (the dedupe key is unique); returns whether it was new. */
export async function recordEvent(
  db: Tx,
  event: {
    shopId: number;
    kind: string;
    dedupeKey: string;
    payload: Record<string, unknown>;
    occurredAt: Date;
  },
): Promise<boolean> {
  const rows = await db
    .insert(domainEvents)
    .values(event)
    .onConflictDoNothing()
    .returning({ id: domainEvents.id });
  return rows.length > 0;
}
