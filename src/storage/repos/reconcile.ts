import { and, asc, eq, gte, inArray, lte, min, sql, sum } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { payouts, statements, statementTransactions } from "../schema/index.ts";

type DayRange = { start: string; end: string };

/** The period's statements (local days [start, end]) with their payment, oldest first. */
export async function readPeriodStatements(db: Tx, shopId: number, range: DayRange) {
  return db
    .select({
      id: statements.id,
      day: statements.day,
      currency: statements.currency,
      settlement: statements.settlement,
      paymentStatus: statements.paymentStatus,
      paymentId: statements.paymentId,
      // Whether its transactions are stored: the waterfall is built from them.
      // Qualified by hand: drizzle writes a lone column unqualified, which the subquery would rebind.
      transactions: sql<number>`(select count(*)::int from statement_transactions t
        where t.shop_id = "statements"."shop_id" and t.statement_id = "statements"."id")`,
    })
    .from(statements)
    .where(
      and(eq(statements.shopId, shopId), gte(statements.day, range.start), lte(statements.day, range.end)),
    )
    .orderBy(asc(statements.day));
}

/** Reserve rows of the period by status (COLLECTED = withheld, RELEASED), with the first day of each. */
export async function readReserveMoves(db: Tx, shopId: number, range: DayRange) {
  return db
    .select({
      status: sql<string>`upper(coalesce(${statementTransactions.reserveStatus}, ''))`,
      currency: statementTransactions.currency,
      total: sum(statementTransactions.reserve).mapWith(String),
      count: sql<number>`count(*)::int`,
      since: min(statementTransactions.day),
    })
    .from(statementTransactions)
    .where(
      and(
        eq(statementTransactions.shopId, shopId),
        gte(statementTransactions.day, range.start),
        lte(statementTransactions.day, range.end),
        sql`${statementTransactions.reserve} is not null`,
      ),
    )
    .groupBy(
      sql`upper(coalesce(${statementTransactions.reserveStatus}, ''))`,
      statementTransactions.currency,
    );
}

/** Get Payments rows by id, with how many statements (of any day) each one paid. */
export async function readPaymentsById(db: Tx, shopId: number, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: payouts.id,
      source: payouts.source,
      status: payouts.status,
      amount: payouts.amount,
      currency: payouts.currency,
      settlementAmount: payouts.settlementAmount,
      settlementCurrency: payouts.settlementCurrency,
      reserveAmount: payouts.reserveAmount,
      exchangeRate: payouts.exchangeRate,
      bankAccount: payouts.bankAccount,
      createdTime: payouts.createdTime,
      paidTime: payouts.paidTime,
      statements: sql<number>`(select count(*)::int from statements s
        where s.shop_id = "payouts"."shop_id" and s.payment_id = "payouts"."id")`,
    })
    .from(payouts)
    .where(and(eq(payouts.shopId, shopId), inArray(payouts.id, ids)))
    .orderBy(asc(payouts.createdTime));
}
