import { and, asc, desc, eq, gte, inArray, lte, notInArray, or, sql, sum } from "drizzle-orm";
import {
  formatCategory,
  isSupplementary,
  parseCategory,
  type RollupCategory,
  STATEMENT_FIELDS,
  type StatementField,
} from "../categories.ts";
import type { Tx } from "../database.ts";
import { dailyRollups, payouts, statements, statementTransactions } from "../schema/index.ts";
import { isPayout } from "./ledger.ts";

export interface StatementTotal {
  field: StatementField;
  currency: string;
  total: string;
  /** Daily statements summed. */
  count: number;
}

export interface BreakdownTotal {
  /** A transaction type, a breakdown leaf, or the reserve. */
  category: Extract<RollupCategory, { kind: "type" | "breakdown" | "reserve" }>;
  currency: string;
  total: string;
  count: number;
}

/** Totals per category over local days [start, end] (a few indexed reads whatever the history). */
async function readTotals(db: Tx, shopId: number, range: { start: string; end: string }, statement: boolean) {
  const fields = STATEMENT_FIELDS.map((field) => formatCategory({ kind: "statement", field }));
  const rows = await db
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
        statement ? inArray(dailyRollups.category, fields) : notInArray(dailyRollups.category, fields),
      ),
    )
    .groupBy(dailyRollups.category, dailyRollups.currency);
  return rows.map((r) => ({ ...r, category: parseCategory(r.category), total: r.total ?? "0" }));
}

/** The statement fields' totals (settlement, revenue, fee, …) per currency over local days [start, end]. */
export async function readStatementTotals(
  db: Tx,
  shopId: number,
  range: { start: string; end: string },
): Promise<StatementTotal[]> {
  return statementTotalsOf(await readTotals(db, shopId, range, true));
}

/** Where the money went: transaction types, breakdown leaves and the reserve, per currency. */
export async function readBreakdownTotals(
  db: Tx,
  shopId: number,
  range: { start: string; end: string },
): Promise<BreakdownTotal[]> {
  return breakdownTotalsOf(await readTotals(db, shopId, range, false));
}

type TotalRow = { category: RollupCategory; currency: string; total: string; count: number };

function statementTotalsOf(rows: TotalRow[]): StatementTotal[] {
  return rows.flatMap(({ category, ...r }) =>
    category.kind === "statement" ? [{ field: category.field, ...r }] : [],
  );
}

function breakdownTotalsOf(rows: TotalRow[]): BreakdownTotal[] {
  return rows.flatMap(({ category, ...r }) =>
    (category.kind === "type" || category.kind === "breakdown" || category.kind === "reserve") &&
    !isSupplementary(category)
      ? [{ category, ...r }]
      : [],
  );
}

/** Both kinds of totals of one period, as readStatementTotals and readBreakdownTotals give them. */
export interface PeriodTotals {
  statement: StatementTotal[];
  breakdown: BreakdownTotal[];
}

/**
 * readStatementTotals and readBreakdownTotals of several periods (e.g. a period and the one before
 * it, which must not overlap) in one query: a report's comparison is one round trip, not four.
 */
export async function readPeriodTotals<K extends string>(
  db: Tx,
  shopId: number,
  ranges: Record<K, { start: string; end: string }>,
): Promise<Record<K, PeriodTotals>> {
  const labels = Object.keys(ranges) as K[];
  const within = (l: K) => and(gte(dailyRollups.day, ranges[l].start), lte(dailyRollups.day, ranges[l].end));
  const period = sql<string>`case ${sql.join(
    labels.map((l) => sql`when ${within(l)} then ${l}`),
    sql` `,
  )} end`;
  const rows = await db
    .select({
      period,
      category: dailyRollups.category,
      currency: dailyRollups.currency,
      total: sum(dailyRollups.amount).mapWith(String),
      count: sql<number>`sum(${dailyRollups.count})::int`,
    })
    .from(dailyRollups)
    .where(and(eq(dailyRollups.shopId, shopId), or(...labels.map(within))))
    // By position: the CASE's parameters differ between the select list and a repeated GROUP BY.
    .groupBy(sql`1, 2, 3`);
  const result = {} as Record<K, PeriodTotals>;
  for (const label of labels) {
    const mine = rows
      .filter((r) => r.period === label)
      .map((r) => ({ ...r, category: parseCategory(r.category), total: r.total ?? "0" }));
    result[label] = { statement: statementTotalsOf(mine), breakdown: breakdownTotalsOf(mine) };
  }
  return result;
}

/** Settled per local day (category "settlement") for a chart or a digest. */
export async function readDailySettlement(
  db: Tx,
  shopId: number,
  range: { start: string; end: string },
  field: StatementField = "settlement",
) {
  return db
    .select({ day: dailyRollups.day, currency: dailyRollups.currency, total: dailyRollups.amount })
    .from(dailyRollups)
    .where(
      and(
        eq(dailyRollups.shopId, shopId),
        eq(dailyRollups.category, formatCategory({ kind: "statement", field })),
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
