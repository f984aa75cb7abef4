import { and, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import { formatCategory } from "../categories.ts";
import type { Tx } from "../database.ts";
import { dailyRollups, payouts, unsettledSnapshots } from "../schema/index.ts";
import { isPayout } from "./ledger.ts";

/** A payout as the chart draws it: amounts are exact decimal strings. */
export interface ChartPayout {
  status: string;
  amount: string;
  currency: string;
  settlementAmount: string | null;
  settlementCurrency: string | null;
  reserveAmount: string | null;
  paidTime: Date | null;
  createdTime: Date;
}

/** Everything one shop's chart shows, read together. */
export interface ShopChartData {
  /** Settled per local day (the statement rollup), in day order. */
  settled: { day: string; currency: string; total: string }[];
  /** Payouts created in [from, to], oldest first. */
  payouts: ChartPayout[];
  /** The unsettled snapshot's estimate, when asked for and there is one. */
  unsettled: { currency: string; estSettlement: string } | null;
}

/** A subquery's rows as one JSON array (amounts cast to text first, so they stay exact). */
function jsonRows(object: SQL, from: SQL, order: SQL): SQL {
  return sql`(select coalesce(json_agg(${object} order by ${order}), '[]'::json) from ${from})`;
}

/**
 * A shop's chart data in one round trip: the daily settled rollup for the local days, the payouts
 * created between two instants and, if `includePending`, the unsettled estimate.
 */
export async function readShopChartData(
  db: Tx,
  shopId: number,
  days: { start: string; end: string },
  created: { from: Date; to: Date },
  includePending: boolean,
): Promise<ShopChartData> {
  const settled = jsonRows(
    sql`json_build_object('day', ${dailyRollups.day}::text, 'currency', ${dailyRollups.currency},
      'total', ${dailyRollups.amount}::text)`,
    sql`${dailyRollups} where ${and(
      eq(dailyRollups.shopId, shopId),
      eq(dailyRollups.category, formatCategory({ kind: "statement", field: "settlement" })),
      gte(dailyRollups.day, days.start),
      lte(dailyRollups.day, days.end),
    )}`,
    sql`${dailyRollups.day}`,
  );
  const payoutRows = jsonRows(
    sql`json_build_object('status', ${payouts.status}, 'amount', ${payouts.amount}::text,
      'currency', ${payouts.currency}, 'settlementAmount', ${payouts.settlementAmount}::text,
      'settlementCurrency', ${payouts.settlementCurrency}, 'reserveAmount', ${payouts.reserveAmount}::text,
      'paidTime', ${payouts.paidTime}, 'createdTime', ${payouts.createdTime})`,
    sql`${payouts} where ${and(
      eq(payouts.shopId, shopId),
      isPayout,
      gte(payouts.createdTime, created.from),
      lte(payouts.createdTime, created.to),
    )}`,
    sql`${payouts.createdTime}`,
  );
  const unsettled = includePending
    ? sql`(select json_build_object('currency', ${unsettledSnapshots.currency},
        'estSettlement', ${unsettledSnapshots.estSettlement}::text)
        from ${unsettledSnapshots} where ${eq(unsettledSnapshots.shopId, shopId)})`
    : sql`null::json`;
  const result = (await db.execute(
    sql`select ${settled} as settled, ${payoutRows} as payouts, ${unsettled} as unsettled`,
  )) as unknown as { rows: Record<string, unknown>[] } | Record<string, unknown>[];
  const row = (Array.isArray(result) ? result : result.rows)[0] ?? {};
  const json = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;
  type PayoutJson = Omit<ChartPayout, "paidTime" | "createdTime"> & {
    paidTime: string | null;
    createdTime: string;
  };
  return {
    settled: json<ShopChartData["settled"]>(row.settled),
    payouts: json<PayoutJson[]>(row.payouts).map((p) => ({
      ...p,
      paidTime: p.paidTime === null ? null : new Date(p.paidTime),
      createdTime: new Date(p.createdTime),
    })),
    unsettled: json<ShopChartData["unsettled"]>(row.unsettled) ?? null,
  };
}
