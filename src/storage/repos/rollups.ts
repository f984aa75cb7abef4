import { and, asc, desc, eq, gte, inArray, like, lte, or, sql, sum } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { dailyRollups, payouts, statements, statementTransactions } from "../schema/index.ts";
import { isPayout } from "./ledger.ts";

export interface CategoryTotal {
  category: string;
  currency: string;
  total: string;
  count: number;
}

/** Totals per category over local days [start, end] (a few indexed reads whatever the history). */
export async function readCategoryTotals(
  db: Tx,
  shopId: number,
  range: { start: string; end: string },
  filter: "statement" | "breakdown",
): Promise<CategoryTotal[]> {
  const statementLevel = or(
    eq(dailyRollups.category, "settlement"),
    eq(dailyRollups.category, "revenue"),
    eq(dailyRollups.category, "fee"),
    eq(dailyRollups.category, "shipping"),
    eq(dailyRollups.category, "adjustment"),
    eq(dailyRollups.category, "net_sales"),
  );
  const breakdownLevel = or(
    like(dailyRollups.category, "fee.%"),
    like(dailyRollups.category, "tax.%"),
    like(dailyRollups.category, "revenue.%"),
    like(dailyRollups.category, "shipping.%"),
    like(dailyRollups.category, "type:%"),
    eq(dailyRollups.category, "reserve"),
  );
  return db
    .select({
      category: dailyRollups.category,
      currency: dailyRollups.currency,
      total: sum(dailyRollups.amount).mapWith(String),
      count: sql<number>`sum(${dailyRollups.count})::int`,
    })
    .from(dailyRollups)
    .where(
      and(
        eq(dailyRollups.shopId, shopId),
        gte(dailyRollups.day, range.start),
        lte(dailyRollups.day, range.end),
        filter === "statement" ? statementLevel : breakdownLevel,
      ),
    )
    .groupBy(dailyRollups.category, dailyRollups.currency);
}

/** Settled per local day (category "settlement") for a chart or a digest. */
export async function readDailySettlement(
  db: Tx,
  shopId: number,
  range: { start: string; end: string },
  category = "settlement",
) {
  return db
    .select({ day: dailyRollups.day, currency: dailyRollups.currency, total: dailyRollups.amount })
    .from(dailyRollups)
    .where(
      and(
        eq(dailyRollups.shopId, shopId),
        eq(dailyRollups.category, category),
        gte(dailyRollups.day, range.start),
        lte(dailyRollups.day, range.end),
      ),
    )
    .orderBy(asc(dailyRollups.day));
}

export async function readStatementsInRange(
  db: Tx,
  shopId: number,
  range: { start: string; end: string },
  limit: number,
) {
  return db
    .select()
    .from(statements)
    .where(
      and(eq(statements.shopId, shopId), gte(statements.day, range.start), lte(statements.day, range.end)),
    )
    .orderBy(desc(statements.statementTime))
    .limit(limit);
}

export async function readStatement(db: Tx, shopId: number, id: string) {
  const [row] = await db
    .select()
    .from(statements)
    .where(and(eq(statements.shopId, shopId), eq(statements.id, id)));
  return row ?? null;
}

/** The statements each payment covered, for many payments in one query (keyed by payment id, days ascending). */
export async function readStatementsOfPayments(db: Tx, shopId: number, paymentIds: string[]) {
  const covered = new Map<string, { id: string; day: string }[]>();
  if (paymentIds.length === 0) return covered;
  const rows = await db
    .select({ paymentId: statements.paymentId, id: statements.id, day: statements.day })
    .from(statements)
    .where(and(eq(statements.shopId, shopId), inArray(statements.paymentId, paymentIds)))
    .orderBy(asc(statements.day));
  for (const row of rows) {
    const list = covered.get(row.paymentId!) ?? [];
    list.push({ id: row.id, day: row.day });
    covered.set(row.paymentId!, list);
  }
  return covered;
}

export async function readStatementsOfPayment(db: Tx, shopId: number, paymentId: string) {
  return (await readStatementsOfPayments(db, shopId, [paymentId])).get(paymentId) ?? [];
}

export async function readPayoutsBetween(db: Tx, shopId: number, from: Date, to: Date) {
  return db
    .select()
    .from(payouts)
    .where(
      and(eq(payouts.shopId, shopId), isPayout, gte(payouts.createdTime, from), lte(payouts.createdTime, to)),
    )
    .orderBy(asc(payouts.createdTime));
}

/** One statement's transactions summarised by type. */
export async function readStatementTypeTotals(db: Tx, shopId: number, statementId: string) {
  return db
    .select({
      type: statementTransactions.type,
      currency: statementTransactions.currency,
      count: sql<number>`count(*)::int`,
      settlement: sum(statementTransactions.settlement).mapWith(String),
      revenue: sum(statementTransactions.revenue).mapWith(String),
      feeTax: sum(statementTransactions.feeTax).mapWith(String),
      shipping: sum(statementTransactions.shipping).mapWith(String),
    })
    .from(statementTransactions)
    .where(and(eq(statementTransactions.shopId, shopId), eq(statementTransactions.statementId, statementId)))
    .groupBy(statementTransactions.type, statementTransactions.currency);
}
