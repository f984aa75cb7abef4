import { type AnyColumn, and, desc, eq, getTableColumns, type SQL, sql, sum } from "drizzle-orm";
import { formatCategory } from "../categories.ts";
import type { Tx } from "../database.ts";
import { fromJson, instantsOf, jsonArray, jsonFirst, rowsOf } from "../json-select.ts";
import { dailyRollups, payouts, statements, syncState, unsettledSnapshots } from "../schema/index.ts";
import { isPayout, type LedgerBalance, ledgerBalanceJson } from "./ledger.ts";

/** A shop's id in a condition: a number, or the outer query's column (`s.id`) in a combined read. */
type ShopKey = number | SQL | AnyColumn;

/** What one sync of a shop (or a creator account: its commission orders) must have read. */
const SYNCED_RESOURCES = ["statements", "payouts", "unsettled", "creator_orders"] as const;
const SYNCED_RESOURCES_SQL = sql.raw(`(${SYNCED_RESOURCES.map((r) => `'${r}'`).join(", ")})`);

export async function readUnsettled(db: Tx, shopId: number) {
  const [row] = await db.select().from(unsettledSnapshots).where(eq(unsettledSnapshots.shopId, shopId));
  return row ?? null;
}

/**
 * Settled, awaiting payout: statements whose payment is still PROCESSING, per currency. A
 * statement whose payment (a combined one, say) is already PAID in Get Payments is paid even if
 * its own row has not caught up yet: it never stays on this clock.
 */
export async function readSettledAwaiting(db: Tx, shopId: number) {
  return db
    .select({
      currency: statements.currency,
      total: sum(statements.settlement).mapWith(String),
      count: sql<number>`count(*)::int`,
    })
    .from(statements)
    .where(settledAwaiting(shopId))
    .groupBy(statements.currency);
}

function settledAwaiting(shop: ShopKey) {
  return and(
    eq(statements.shopId, shop),
    eq(statements.paymentStatus, "PROCESSING"),
    sql`not exists (select 1 from payouts p where p.shop_id = ${statements.shopId}
      and p.source = 'payment' and p.id = ${statements.paymentId} and p.status = 'PAID')`,
  );
}

export async function readLastPayouts(db: Tx, shopId: number, limit: number) {
  return db
    .select()
    .from(payouts)
    .where(and(eq(payouts.shopId, shopId), isPayout))
    .orderBy(desc(payouts.createdTime), desc(payouts.id))
    .limit(limit);
}

/**
 * When a shop's data was last complete: the oldest "last success" of the resources one sync reads
 * (a creator account has only its commission orders); null until each has succeeded once.
 * A SQL expression, so a read that needs it per shop (the invocation's scope) takes it along.
 */
export function lastSyncOf(shop: ShopKey): SQL<Date | null> {
  return sql<Date | null>`(select case when count(*) = 0 or bool_or(x.last_success_at is null) then null
      else min(x.last_success_at) end
    from ${syncState} x where x.shop_id = ${shop} and x.resource in ${SYNCED_RESOURCES_SQL})`.mapWith(
    syncState.lastSuccessAt,
  );
}

export async function readLastSync(db: Tx, shopId: number): Promise<Date | null> {
  const [row] = await db.select({ at: lastSyncOf(shopId) }).from(sql`(select 1) as one`);
  return row?.at ?? null;
}

/** Settled, awaiting payout, or paid: one currency's total and how many records make it. */
export interface ClockTotal {
  currency: string;
  total: string;
  count: number;
}

/** Everything `/balance` shows of one shop, read together. Amounts are exact decimal strings. */
export interface BalanceSheet {
  unsettled: typeof unsettledSnapshots.$inferSelect | null;
  /** Settled, awaiting payout (`readSettledAwaiting`). */
  settled: ClockTotal[];
  /** Paid out since `paidSince`, per currency. */
  paid: ClockTotal[];
  /** The last payouts, newest first. */
  recent: (typeof payouts.$inferSelect)[];
  /** Reserve moves over all time (category "reserve"), per currency: withheld minus released. */
  reserve: { currency: string; total: string }[];
  /** Statements paid since `historySince`: how long this shop's payments take. */
  delays: { statementTime: Date; paymentTime: Date }[];
  /** Statements settled and still awaiting payment, oldest first. */
  processing: { statementTime: Date; settlement: string; currency: string }[];
  /** Withdrawal markets: the TikTok balance from the ledger, per currency. */
  ledger: LedgerBalance[];
}

const UNSETTLED_FIELDS = getTableColumns(unsettledSnapshots);
const PAYOUT_FIELDS = getTableColumns(payouts);

/**
 * The balance sheets of `shopIds` in one round trip: each part is a subquery returning json, one
 * row per shop. The windows: payouts paid since `paidSince`, payment delays of statements since
 * `historySince`, and the `recent` last payouts.
 */
export async function readBalanceSheets(
  db: Tx,
  shopIds: readonly number[],
  windows: { paidSince: Date; historySince: Date; recent: number },
): Promise<Map<number, BalanceSheet>> {
  if (shopIds.length === 0) return new Map();
  const shop = sql`s.id`;
  const result = await db.execute(sql`select s.id,
    ${jsonFirst(UNSETTLED_FIELDS, sql`${unsettledSnapshots} where ${eq(unsettledSnapshots.shopId, shop)}`)} as unsettled,
    ${jsonArray(
      {
        currency: statements.currency,
        total: sql`sum(${statements.settlement})::text`,
        count: sql`count(*)::int`,
      },
      sql`${statements} where ${settledAwaiting(shop)} group by ${statements.currency}`,
    )} as settled,
    ${jsonArray(
      { currency: payouts.currency, total: sql`sum(${payouts.amount})::text`, count: sql`count(*)::int` },
      sql`${payouts} where ${and(
        eq(payouts.shopId, shop),
        eq(payouts.status, "PAID"),
        isPayout,
        sql`coalesce(${payouts.paidTime}, ${payouts.createdTime}) >= ${windows.paidSince.toISOString()}::timestamptz`,
      )} group by ${payouts.currency}`,
    )} as paid,
    ${jsonArray(PAYOUT_FIELDS, sql`${payouts} where ${and(eq(payouts.shopId, shop), isPayout)}`, {
      order: sql`${payouts.createdTime} desc, ${payouts.id} desc`,
      limit: windows.recent,
    })} as recent,
    ${jsonArray(
      { currency: dailyRollups.currency, total: sql`sum(${dailyRollups.amount})::text` },
      sql`${dailyRollups} where ${and(
        eq(dailyRollups.shopId, shop),
        eq(dailyRollups.category, formatCategory({ kind: "reserve" })),
      )} group by ${dailyRollups.currency}`,
    )} as reserve,
    ${jsonArray(
      { statementTime: statements.statementTime, paymentTime: statements.paymentTime },
      sql`${statements} where ${and(
        eq(statements.shopId, shop),
        eq(statements.paymentStatus, "PAID"),
        sql`${statements.paymentTime} is not null`,
        sql`${statements.statementTime} >= ${windows.historySince.toISOString()}::timestamptz`,
      )}`,
    )} as delays,
    ${jsonArray(
      {
        statementTime: statements.statementTime,
        settlement: statements.settlement,
        currency: statements.currency,
      },
      sql`${statements} where ${and(eq(statements.shopId, shop), eq(statements.paymentStatus, "PROCESSING"))}`,
      { order: sql`${statements.statementTime}` },
    )} as processing,
    ${ledgerBalanceJson(shop)} as ledger
    from unnest(${`{${shopIds.join(",")}}`}::int[]) as s(id)`);
  const sheets = new Map<number, BalanceSheet>();
  for (const row of rowsOf<Record<string, unknown>>(result)) {
    sheets.set(Number(row.id), {
      unsettled: fromJson(row.unsettled, instantsOf(UNSETTLED_FIELDS)),
      settled: fromJson(row.settled),
      paid: fromJson(row.paid),
      recent: fromJson(row.recent, instantsOf(PAYOUT_FIELDS)),
      reserve: fromJson(row.reserve),
      delays: fromJson(row.delays, ["statementTime", "paymentTime"]),
      processing: fromJson(row.processing, ["statementTime"]),
      ledger: fromJson<LedgerBalance[]>(row.ledger, ["since"]),
    });
  }
  return sheets;
}
