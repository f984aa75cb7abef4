import { and, eq, inArray, sql } from "drizzle-orm";
import type {
  PayoutRecord,
  StatementRecord,
  StatementTransactionRecord,
  UnsettledSummary,
} from "../../providers/port.ts";
import { formatCategory, STATEMENT_FIELDS, TYPE_PREFIX } from "../categories.ts";
import type { Tx } from "../database.ts";
import {
  dailyRollups,
  payouts,
  statements,
  statementTransactions,
  unsettledSnapshots,
} from "../schema/index.ts";
import { textArray } from "../text-array.ts";

const excluded = (column: string) => sql.raw(`excluded.${column}`);

/** Upserts statements (idempotent on shop + id); returns the previous payment status of each id. */
export async function upsertStatements(
  db: Tx,
  shopId: number,
  rows: (StatementRecord & { day: string })[],
): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const before = await db
    .select({ id: statements.id, status: statements.paymentStatus })
    .from(statements)
    .where(
      and(
        eq(statements.shopId, shopId),
        inArray(
          statements.id,
          rows.map((r) => r.id),
        ),
      ),
    );
  await db
    .insert(statements)
    .values(
      rows.map((r) => ({
        shopId,
        id: r.id,
        statementTime: r.statementTime,
        day: r.day,
        currency: r.currency,
        settlement: r.settlement,
        revenue: r.revenue,
        netSales: r.netSales,
        fee: r.fee,
        shipping: r.shipping,
        adjustment: r.adjustment,
        paymentStatus: r.paymentStatus,
        paymentId: r.paymentId,
        paymentTime: r.paymentTime,
      })),
    )
    .onConflictDoUpdate({
      target: [statements.shopId, statements.id],
      set: {
        statementTime: excluded("statement_time"),
        day: excluded("day"),
        currency: excluded("currency"),
        settlement: excluded("settlement"),
        revenue: excluded("revenue"),
        netSales: excluded("net_sales"),
        fee: excluded("fee"),
        shipping: excluded("shipping"),
        adjustment: excluded("adjustment"),
        paymentStatus: excluded("payment_status"),
        paymentId: excluded("payment_id"),
        paymentTime: excluded("payment_time"),
        updatedAt: sql`now()`,
      },
    });
  return new Map(before.map((b) => [b.id, b.status]));
}

/** Upserts payouts; returns the previous status of each (source:id). */
export async function upsertPayouts(
  db: Tx,
  shopId: number,
  rows: PayoutRecord[],
): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const before = await db
    .select({ source: payouts.source, id: payouts.id, status: payouts.status })
    .from(payouts)
    .where(
      and(
        eq(payouts.shopId, shopId),
        inArray(
          payouts.id,
          rows.map((r) => r.id),
        ),
      ),
    );
  await db
    .insert(payouts)
    .values(rows.map((r) => ({ shopId, ...r })))
    .onConflictDoUpdate({
      target: [payouts.shopId, payouts.source, payouts.id],
      set: {
        type: excluded("type"),
        status: excluded("status"),
        amount: excluded("amount"),
        currency: excluded("currency"),
        settlementAmount: excluded("settlement_amount"),
        settlementCurrency: excluded("settlement_currency"),
        reserveAmount: excluded("reserve_amount"),
        exchangeRate: excluded("exchange_rate"),
        bankAccount: excluded("bank_account"),
        createdTime: excluded("created_time"),
        paidTime: excluded("paid_time"),
        updatedAt: sql`now()`,
      },
    });
  return new Map(before.map((b) => [`${b.source}:${b.id}`, b.status]));
}

/**
 * Upserts a statement's transactions in one statement: each column travels as one array
 * parameter, unnested in SQL. JSON documents (json_to_recordset) cost Postgres several times
 * what COPY does to parse; text arrays cost little more than COPY (bench: storage write path).
 * The JSON columns travel as text and are cast per row: a jsonb[] literal parses far slower.
 * Idempotent on (shop, transaction id); `raw` keeps an imported source row.
 */
export async function upsertStatementTransactions(
  db: Tx,
  shopId: number,
  statementId: string,
  day: string,
  rows: (StatementTransactionRecord & { raw?: Record<string, unknown> | null })[],
): Promise<void> {
  if (rows.length === 0) return;
  const column = (pick: (r: (typeof rows)[number]) => string | null | undefined) => textArray(rows.map(pick));
  const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
  await db.execute(sql`
    insert into statement_transactions (shop_id, id, statement_id, day, type, order_id, adjustment_id,
      order_create_time, currency, settlement, revenue, shipping, fee_tax, adjustment, reserve, reserve_status, breakdown, raw)
    select ${shopId}, r.id, ${statementId}, ${day}::date, r.type, r.order_id, r.adjustment_id,
      r.order_create_time, r.currency, r.settlement, r.revenue, r.shipping, r.fee_tax, r.adjustment, r.reserve,
      r.reserve_status, r.breakdown::jsonb, r.raw::jsonb
    from unnest(
      ${column((r) => r.id)}::text[], ${column((r) => r.type)}::text[], ${column((r) => r.orderId)}::text[],
      ${column((r) => r.adjustmentId)}::text[], ${column((r) => r.orderCreateTime?.toISOString())}::timestamptz[],
      ${column((r) => r.currency)}::text[], ${column((r) => r.settlement)}::numeric[],
      ${column((r) => r.revenue)}::numeric[], ${column((r) => r.shipping)}::numeric[],
      ${column((r) => r.feeTax)}::numeric[], ${column((r) => r.adjustment)}::numeric[],
      ${column((r) => r.reserve)}::numeric[], ${column((r) => r.reserveStatus)}::text[],
      ${column((r) => json(r.breakdown))}::text[], ${column((r) => json(r.raw))}::text[]
    ) as r(id, type, order_id, adjustment_id, order_create_time, currency, settlement, revenue, shipping,
      fee_tax, adjustment, reserve, reserve_status, breakdown, raw)
    on conflict (shop_id, id) do update set
      statement_id = excluded.statement_id, day = excluded.day, type = excluded.type,
      settlement = excluded.settlement, revenue = excluded.revenue, shipping = excluded.shipping,
      fee_tax = excluded.fee_tax, adjustment = excluded.adjustment, reserve = excluded.reserve,
      reserve_status = excluded.reserve_status, breakdown = excluded.breakdown,
      raw = coalesce(excluded.raw, statement_transactions.raw)
  `);
}

export async function statementsWithoutTransactions(
  db: Tx,
  shopId: number,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const have = await db
    .selectDistinct({ id: statementTransactions.statementId })
    .from(statementTransactions)
    .where(and(eq(statementTransactions.shopId, shopId), inArray(statementTransactions.statementId, ids)));
  const present = new Set(have.map((h) => h.id));
  return new Set(ids.filter((id) => !present.has(id)));
}

export async function saveUnsettled(
  db: Tx,
  shopId: number,
  summary: UnsettledSummary,
  takenAt: Date,
): Promise<void> {
  const values = {
    shopId,
    takenAt,
    currency: summary.currency,
    estSettlement: summary.estSettlement,
    estRevenue: summary.estRevenue,
    estFee: summary.estFee,
    estAdjustment: summary.estAdjustment,
    orderCount: summary.totalCount,
    others: (summary.others ?? []).map((o) => ({
      currency: o.currency,
      estSettlement: o.estSettlement,
      orderCount: o.totalCount,
    })),
  };
  await db
    .insert(unsettledSnapshots)
    .values(values)
    .onConflictDoUpdate({ target: unsettledSnapshots.shopId, set: values });
}

/**
 * Recomputes the rollups of the given local days from the raw rows, so a rollup always equals
 * the raw sums however often a day is re-synced. Statement fields come from statements;
 * transaction types and breakdown leaves (stored under their flattened path, which is their
 * category's text) from transactions. Category text is written as `formatCategory` writes it.
 */
export async function refreshRollups(db: Tx, shopId: number, days: string[]): Promise<void> {
  if (days.length === 0) return;
  const dayList = sql.join(
    days.map((d) => sql`${d}::date`),
    sql`, `,
  );
  const statementFields = sql.join(
    STATEMENT_FIELDS.map(
      (field) => sql`(${formatCategory({ kind: "statement", field })}::text, s.${sql.identifier(field)})`,
    ),
    sql`, `,
  );
  await db.delete(dailyRollups).where(and(eq(dailyRollups.shopId, shopId), inArray(dailyRollups.day, days)));
  await db.execute(sql`
    insert into daily_rollups (shop_id, day, currency, category, amount, count)
    select shop_id, day, currency, c.category, sum(c.amount), count(*)::int
    from statements s
    cross join lateral (values ${statementFields}) as c(category, amount)
    where s.shop_id = ${shopId} and s.day in (${dayList}) and c.amount is not null
    group by shop_id, day, currency, c.category
    union all
    select shop_id, day, currency, ${TYPE_PREFIX}::text || type, sum(settlement), count(*)::int
    from statement_transactions
    where shop_id = ${shopId} and day in (${dayList})
    group by shop_id, day, currency, type
    union all
    select t.shop_id, t.day, t.currency, b.key, sum(b.value::numeric), count(*)::int
    from statement_transactions t
    cross join lateral jsonb_each_text(coalesce(t.breakdown, '{}'::jsonb)) as b(key, value)
    where t.shop_id = ${shopId} and t.day in (${dayList}) and b.value ~ '^[+-]?[0-9]+(\\.[0-9]+)?$'
    group by t.shop_id, t.day, t.currency, b.key
    union all
    select shop_id, day, currency, ${formatCategory({ kind: "reserve" })}::text, sum(reserve), count(*)::int
    from statement_transactions
    where shop_id = ${shopId} and day in (${dayList}) and reserve is not null
    group by shop_id, day, currency
  `);
}
