import { and, asc, eq, min } from "drizzle-orm";
import type { Tx } from "../database.ts";
import {
  type FetchedOrderLine,
  fetchedOrders,
  payouts,
  shops,
  statements,
  statementTransactions,
} from "../schema/index.ts";

/** Every synced transaction row of one order (its ORDER row and any adjustment that names it). */
export async function readOrderTransactions(db: Tx, shopId: number, orderId: string) {
  return db
    .select({
      id: statementTransactions.id,
      type: statementTransactions.type,
      statementId: statementTransactions.statementId,
      day: statementTransactions.day,
      currency: statementTransactions.currency,
      settlement: statementTransactions.settlement,
      breakdown: statementTransactions.breakdown,
      orderCreateTime: statementTransactions.orderCreateTime,
    })
    .from(statementTransactions)
    .where(and(eq(statementTransactions.shopId, shopId), eq(statementTransactions.orderId, orderId)))
    .orderBy(asc(statementTransactions.day), asc(statementTransactions.id));
}

/** A statement and the payout that paid it (Get Payments row, or the ledger's SETTLE record), if synced. */
export async function readStatementWithPayout(db: Tx, shopId: number, statementId: string) {
  const [statement] = await db
    .select()
    .from(statements)
    .where(and(eq(statements.shopId, shopId), eq(statements.id, statementId)));
  if (!statement) return null;
  const [payout] = statement.paymentId
    ? await db
        .select()
        .from(payouts)
        .where(and(eq(payouts.shopId, shopId), eq(payouts.id, statement.paymentId)))
    : [];
  return { statement, payout: payout ?? null };
}

/** The first local day the shop's synced statements cover, or null before the first sync. */
export async function readSettledSince(db: Tx, shopId: number): Promise<string | null> {
  const [row] = await db
    .select({ day: min(statements.day) })
    .from(statements)
    .where(eq(statements.shopId, shopId));
  return row?.day ?? null;
}

export async function readFetchedOrder(db: Tx, shopId: number, orderId: string) {
  const [row] = await db
    .select()
    .from(fetchedOrders)
    .where(and(eq(fetchedOrders.shopId, shopId), eq(fetchedOrders.orderId, orderId)));
  return row ?? null;
}

export async function saveFetchedOrder(
  db: Tx,
  input: {
    shopId: number;
    orderId: string;
    outcome: "settled" | "unsettled" | "unknown";
    currency: string | null;
    lines: FetchedOrderLine[];
    fetchedAt: Date;
  },
): Promise<void> {
  await db
    .insert(fetchedOrders)
    .values(input)
    .onConflictDoUpdate({
      target: [fetchedOrders.shopId, fetchedOrders.orderId],
      set: {
        outcome: input.outcome,
        currency: input.currency,
        lines: input.lines,
        fetchedAt: input.fetchedAt,
      },
    });
}

/** The authorization a shop's API calls are made with (null for an imported shop). */
export async function readShopAuthorization(db: Tx, shopId: number): Promise<number | null> {
  const [row] = await db.select({ id: shops.authorizationId }).from(shops).where(eq(shops.id, shopId));
  return row?.id ?? null;
}
