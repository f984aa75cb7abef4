import { and, desc, eq, gte, isNull, lte, sql, sum } from "drizzle-orm";
import type { OrderSkuRecord } from "../../providers/port.ts";
import type { Tx } from "../database.ts";
import { orderSkus, statementTransactions } from "../schema/index.ts";

/** Orders with settled transactions whose SKU lines are not cached yet, newest first. */
export async function ordersWithoutSkus(db: Tx, shopId: number, limit: number) {
  return db
    .selectDistinct({ orderId: statementTransactions.orderId, day: statementTransactions.day })
    .from(statementTransactions)
    .leftJoin(
      orderSkus,
      and(
        eq(orderSkus.shopId, statementTransactions.shopId),
        eq(orderSkus.orderId, statementTransactions.orderId),
      ),
    )
    .where(
      and(
        eq(statementTransactions.shopId, shopId),
        eq(statementTransactions.type, "ORDER"),
        isNull(orderSkus.orderId),
      ),
    )
    .orderBy(desc(statementTransactions.day))
    .limit(limit);
}

export async function saveOrderSkus(
  db: Tx,
  shopId: number,
  orderId: string,
  day: string,
  rows: OrderSkuRecord[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(orderSkus)
    .values(
      rows.map((r) => ({
        shopId,
        orderId,
        day,
        skuId: r.skuId,
        productName: r.productName,
        skuName: r.skuName,
        quantity: /^\d+$/.test(r.quantity) ? Number.parseInt(r.quantity, 10) : 0,
        currency: r.currency,
        settlement: r.settlement,
        revenue: r.revenue,
      })),
    )
    .onConflictDoNothing();
}

export async function readTopProducts(
  db: Tx,
  shopId: number,
  range: { start: string; end: string },
  limit: number,
) {
  const rows = await db
    .select({
      product: sql<string>`coalesce(${orderSkus.productName}, ${orderSkus.skuId})`,
      currency: orderSkus.currency,
      settlement: sum(orderSkus.settlement).mapWith(String),
      quantity: sql<number>`sum(${orderSkus.quantity})::int`,
      orders: sql<number>`count(distinct ${orderSkus.orderId})::int`,
    })
    .from(orderSkus)
    .where(and(eq(orderSkus.shopId, shopId), gte(orderSkus.day, range.start), lte(orderSkus.day, range.end)))
    .groupBy(sql`coalesce(${orderSkus.productName}, ${orderSkus.skuId})`, orderSkus.currency)
    .orderBy(desc(sum(orderSkus.settlement)))
    .limit(limit);
  const [coverage] = await db
    .select({
      orders: sql<number>`count(distinct ${statementTransactions.orderId})::int`,
      cached: sql<number>`count(distinct ${orderSkus.orderId})::int`,
    })
    .from(statementTransactions)
    .leftJoin(
      orderSkus,
      and(
        eq(orderSkus.shopId, statementTransactions.shopId),
        eq(orderSkus.orderId, statementTransactions.orderId),
      ),
    )
    .where(
      and(
        eq(statementTransactions.shopId, shopId),
        eq(statementTransactions.type, "ORDER"),
        gte(statementTransactions.day, range.start),
        lte(statementTransactions.day, range.end),
      ),
    );
  return { rows, orders: coverage?.orders ?? 0, cached: coverage?.cached ?? 0 };
}
