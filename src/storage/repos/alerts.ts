import { and, asc, eq, gt, gte, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Tx } from "../database.ts";
import {
  alertRules,
  authorizations,
  channels,
  domainEvents,
  goals,
  isOutboxPlatform,
  type OutboxPlatform,
  shops,
  syncState,
  workspaceShops,
  workspaces,
} from "../schema/index.ts";

/** The queries of alert evaluation: it reads everything first, then decides (pure), then writes. */

/** Alert rules still in use (parked ones wait for an admin to remove them). */
export async function readActiveAlertRules(db: Tx) {
  return (
    db
      .select({
        id: alertRules.id,
        workspaceId: alertRules.workspaceId,
        channelId: alertRules.channelId,
        shopId: alertRules.shopId,
        kind: alertRules.kind,
        threshold: alertRules.threshold,
        recover: alertRules.recover,
        currency: alertRules.currency,
        armed: alertRules.armed,
        snoozedUntil: alertRules.snoozedUntil,
      })
      .from(alertRules)
      // Muted rules wait for /balance alerts unmute.
      .where(and(isNull(alertRules.parkedReason), isNull(alertRules.mutedAt)))
      .orderBy(asc(alertRules.id))
  );
}

/** Channels and shops whose sync trouble is muted, or snoozed at `now` (see `sync_trouble` rules). */
export async function readQuietSyncTrouble(db: Tx, now: Date) {
  const rows = await db
    .select({ channelId: alertRules.channelId, shopId: alertRules.shopId })
    .from(alertRules)
    .where(
      and(
        eq(alertRules.kind, "sync_trouble"),
        or(isNotNull(alertRules.mutedAt), gt(alertRules.snoozedUntil, now)),
      ),
    );
  return rows.flatMap((r) => (r.shopId === null ? [] : [{ channelId: r.channelId, shopId: r.shopId }]));
}

/** Every channel of a workspace on a platform the outbox can post to. */
export async function readAlertChannels(db: Tx) {
  const rows = await db
    .select({
      channelId: channels.id,
      workspaceId: channels.workspaceId,
      platform: workspaces.platform,
      channel: channels.externalId,
      digestEnabled: channels.digestEnabled,
      language: workspaces.language,
    })
    .from(channels)
    .innerJoin(workspaces, eq(workspaces.id, channels.workspaceId))
    .orderBy(asc(channels.id));
  const out: ((typeof rows)[number] & { platform: OutboxPlatform })[] = [];
  for (const row of rows) {
    const { platform } = row;
    if (isOutboxPlatform(platform)) out.push({ ...row, platform });
  }
  return out;
}

export async function readShopLinks(db: Tx) {
  return db
    .select({ workspaceId: workspaceShops.workspaceId, shopId: workspaceShops.shopId })
    .from(workspaceShops);
}

/** Events not yet turned into alerts nor parked, oldest first. */
export async function readPendingEvents(db: Tx, limit: number) {
  return db
    .select({
      id: domainEvents.id,
      shopId: domainEvents.shopId,
      kind: domainEvents.kind,
      payload: domainEvents.payload,
    })
    .from(domainEvents)
    .where(and(isNull(domainEvents.processedAt), isNull(domainEvents.parkedReason)))
    .orderBy(asc(domainEvents.id))
    .limit(limit);
}

export async function markEventProcessed(db: Tx, id: bigint, at: Date): Promise<void> {
  await db.update(domainEvents).set({ processedAt: at }).where(eq(domainEvents.id, id));
}

export async function parkEvent(db: Tx, id: bigint, reason: string): Promise<void> {
  await db
    .update(domainEvents)
    .set({ parkedReason: reason.slice(0, 500) })
    .where(and(eq(domainEvents.id, id), isNull(domainEvents.processedAt)));
}

export async function parkAlertRule(db: Tx, id: number, reason: string): Promise<void> {
  await db
    .update(alertRules)
    .set({ parkedReason: reason.slice(0, 500) })
    .where(eq(alertRules.id, id));
}

/**
 * Disarms an armed threshold rule and counts the crossing; undefined when another evaluator
 * already did (so only one of them queues the message).
 */
export async function disarmRule(db: Tx, id: number, at: Date): Promise<number | undefined> {
  const [won] = await db
    .update(alertRules)
    .set({ armed: false, crossings: sql`${alertRules.crossings} + 1`, lastFiredAt: at })
    .where(and(eq(alertRules.id, id), eq(alertRules.armed, true)))
    .returning({ crossings: alertRules.crossings });
  return won?.crossings;
}

export async function rearmRule(db: Tx, id: number): Promise<void> {
  await db.update(alertRules).set({ armed: true }).where(eq(alertRules.id, id));
}

export async function readAllGoals(db: Tx) {
  return db.select().from(goals).orderBy(asc(goals.id));
}

/** Shops whose sync failed at least once in a row, per resource. */
export async function readSyncFailures(db: Tx) {
  return db
    .select({
      shopId: syncState.shopId,
      error: syncState.lastError,
      code: syncState.lastErrorCode,
      failures: syncState.consecutiveFailures,
    })
    .from(syncState)
    .where(gte(syncState.consecutiveFailures, 1));
}

/** Shops whose authorization must be renewed by an admin. */
export async function readShopsNeedingReauth(db: Tx): Promise<number[]> {
  const rows = await db
    .select({ shopId: shops.id })
    .from(shops)
    .innerJoin(authorizations, eq(authorizations.id, shops.authorizationId))
    .where(eq(authorizations.status, "needs_reauth"));
  return rows.map((r) => r.shopId);
}

/** Parked alert rules and events of the shops a workspace sees, for /balance status. */
export async function listParkedAlerting(
  db: Tx,
  workspaceId: number,
  shopIds: readonly number[],
  limit: number,
) {
  const rules = await db
    .select({ id: alertRules.id, kind: alertRules.kind, reason: alertRules.parkedReason })
    .from(alertRules)
    .where(and(eq(alertRules.workspaceId, workspaceId), isNotNull(alertRules.parkedReason)))
    .orderBy(asc(alertRules.id))
    .limit(limit);
  const events =
    shopIds.length === 0
      ? []
      : await db
          .select({
            id: domainEvents.id,
            shopId: domainEvents.shopId,
            kind: domainEvents.kind,
            reason: domainEvents.parkedReason,
          })
          .from(domainEvents)
          .where(and(inArray(domainEvents.shopId, [...shopIds]), isNotNull(domainEvents.parkedReason)))
          .orderBy(asc(domainEvents.id))
          .limit(limit);
  return { rules, events };
}

/** Parked rules and events of every workspace, per reason (a gauge for /metrics). */
export async function countParkedAlerting(db: Tx) {
  const rules = await db
    .select({ reason: sql<string>`${alertRules.parkedReason}`, n: sql<number>`count(*)::int` })
    .from(alertRules)
    .where(isNotNull(alertRules.parkedReason))
    .groupBy(alertRules.parkedReason);
  const events = await db
    .select({ reason: sql<string>`${domainEvents.parkedReason}`, n: sql<number>`count(*)::int` })
    .from(domainEvents)
    .where(isNotNull(domainEvents.parkedReason))
    .groupBy(domainEvents.parkedReason);
  return { rules, events };
}
