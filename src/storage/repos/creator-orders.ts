/**
 * A creator account's commission orders: the account row itself (a `shops` row of kind
 * "creator", no cipher) and its affiliate orders, upserted per page and read per period.
 */
import { createHash } from "node:crypto";
import { and, asc, eq, gt, gte, inArray, lte, notInArray, sql } from "drizzle-orm";
import type { DayRange } from "../../core/periods.ts";
import type { CreatorOrderRecord } from "../../providers/port.ts";
import type { Tx } from "../database.ts";
import { creatorOrders } from "../schema/index.ts";
import { upsertShopRow } from "./shops.ts";

/**
 * The key of a settlement batch (a set of orders found SETTLED together): the same orders are
 * always the same batch, so its event and its alerts are each made once.
 */
export function commissionBatchKey(currency: string, orderIds: readonly string[]): string {
  const ids = [...orderIds].sort().join(",");
  return `${currency}:${createHash("sha256").update(ids).digest("hex").slice(0, 24)}`;
}

/** The kind of a `shops` row that is a creator account. */
export const CREATOR_KIND = "creator";

/** Records (or refreshes) a creator account; its open_id is its external id. Returns its id. */
export async function upsertCreatorAccount(
  db: Tx,
  input: {
    provider: string;
    openId: string;
    name: string;
    region: string;
    timezone: string;
    currency: string | null;
    authorizationId: number;
  },
): Promise<number> {
  const values = {
    provider: input.provider,
    externalId: input.openId,
    name: input.name,
    region: input.region,
    timezone: input.timezone,
    cipher: null,
    kind: CREATOR_KIND,
    authorizationId: input.authorizationId,
  };
  return upsertShopRow(db, values, input.currency);
}

/**
 * Upserts a page of orders; returns each order's status before (absent: new). `settledSeenAt`
 * is set when an order turns SETTLED, to `at`, and then kept; a first sync (`backfill`) leaves it
 * empty: those orders settled at some unknown time before balance-bot read them.
 */
export async function upsertCreatorOrders(
  db: Tx,
  shopId: number,
  rows: readonly (CreatorOrderRecord & { day: string })[],
  at: Date,
  backfill: boolean,
): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const before = await db
    .select({ orderId: creatorOrders.orderId, status: creatorOrders.status })
    .from(creatorOrders)
    .where(
      and(
        eq(creatorOrders.shopId, shopId),
        inArray(
          creatorOrders.orderId,
          rows.map((r) => r.id),
        ),
      ),
    );
  await db
    .insert(creatorOrders)
    .values(
      rows.map((r) => ({
        shopId,
        orderId: r.id,
        status: r.status,
        createTime: r.createTime,
        deliveryTime: r.deliveryTime,
        day: r.day,
        currency: r.currency,
        estimated: r.estimated,
        actual: r.actual,
        skus: r.skus,
        settledSeenAt: r.status === "SETTLED" && !backfill ? at : null,
        updatedAt: at,
      })),
    )
    .onConflictDoUpdate({
      target: [creatorOrders.shopId, creatorOrders.orderId],
      set: {
        status: sql`excluded.status`,
        deliveryTime: sql`excluded.delivery_time`,
        currency: sql`excluded.currency`,
        estimated: sql`excluded.estimated`,
        actual: sql`excluded.actual`,
        skus: sql`excluded.skus`,
        settledSeenAt: sql`case when ${creatorOrders.status} = 'SETTLED' then ${creatorOrders.settledSeenAt} else excluded.settled_seen_at end`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
  return new Map(before.map((b) => [b.orderId, b.status]));
}

/** The creation time of the oldest order whose commission is not final yet (it must be read again). */
export async function readOldestOpenCreatorOrder(db: Tx, shopId: number): Promise<Date | null> {
  const [row] = await db
    .select({ at: creatorOrders.createTime })
    .from(creatorOrders)
    .where(and(eq(creatorOrders.shopId, shopId), notInArray(creatorOrders.status, [...FINAL_STATUSES])))
    .orderBy(asc(creatorOrders.createTime))
    .limit(1);
  return row?.at ?? null;
}

/** Statuses whose commission will not move again; any other (ORDERED, FROZEN, …) is read again. */
const FINAL_STATUSES = ["SETTLED", "REFUNDED", "DEDUCTED"] as const;

export interface CreatorTotal {
  status: string;
  currency: string;
  estimated: string;
  actual: string;
  orders: number;
}

/** Commission per status and currency of the orders created on the range's days (or all, without one). */
export async function readCreatorTotals(db: Tx, shopId: number, range?: DayRange): Promise<CreatorTotal[]> {
  const rows = await db
    .select({
      status: creatorOrders.status,
      currency: creatorOrders.currency,
      estimated: sql<string>`coalesce(sum(${creatorOrders.estimated}), 0)::text`,
      actual: sql<string>`coalesce(sum(${creatorOrders.actual}), 0)::text`,
      orders: sql<number>`count(*)::int`,
    })
    .from(creatorOrders)
    .where(
      and(
        eq(creatorOrders.shopId, shopId),
        ...(range ? [gte(creatorOrders.day, range.start), lte(creatorOrders.day, range.end)] : []),
      ),
    )
    .groupBy(creatorOrders.status, creatorOrders.currency)
    .orderBy(asc(creatorOrders.currency), asc(creatorOrders.status));
  return rows.map((r) => ({ ...r, orders: Number(r.orders) }));
}

/** Whether a status is final (its commission will not move again). */
export function isFinalCreatorStatus(status: string): boolean {
  return (FINAL_STATUSES as readonly string[]).includes(status);
}

/** Commission first seen SETTLED in (from, to], per currency: what settled since a given time. */
export async function readCreatorSettledBetween(db: Tx, shopId: number, from: Date, to: Date) {
  const rows = await db
    .select({
      currency: creatorOrders.currency,
      actual: sql<string>`coalesce(sum(${creatorOrders.actual}), 0)::text`,
      orders: sql<number>`count(*)::int`,
    })
    .from(creatorOrders)
    .where(
      and(
        eq(creatorOrders.shopId, shopId),
        eq(creatorOrders.status, "SETTLED"),
        gt(creatorOrders.settledSeenAt, from),
        lte(creatorOrders.settledSeenAt, to),
      ),
    )
    .groupBy(creatorOrders.currency)
    .orderBy(asc(creatorOrders.currency));
  return rows.map((r) => ({ ...r, orders: Number(r.orders) }));
}
