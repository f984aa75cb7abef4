import { sql } from "drizzle-orm";
import type { Tx } from "../database.ts";

type DayRange = { start: string; end: string };

export interface AffiliateOrder {
  orderId: string;
  currency: string;
  day: string;
  /** Sales before discounts of the order. */
  sales: string;
  /** Sum of its affiliate fee fields (negative: paid by the seller). */
  commission: string;
}

/**
 * Orders of the period (statement days [start, end]) that paid creators, largest commission first:
 * the sum of the given affiliate fee fields of each order's transactions.
 */
export async function readAffiliateOrders(
  db: Tx,
  shopId: number,
  range: DayRange,
  keys: readonly string[],
  limit: number,
): Promise<{ orders: AffiliateOrder[]; count: number; ordersInPeriod: number }> {
  const keyList = sql.join(
    keys.map((k) => sql`${k}::text`),
    sql`, `,
  );
  const per = sql`
    select t.order_id, t.currency, min(t.day)::text as day,
      coalesce(sum((t.breakdown->>'revenue.subtotal_before_discount_amount')::numeric), 0) as sales,
      coalesce(sum(a.commission), 0) as commission
    from statement_transactions t
    cross join lateral (
      select sum(b.value::numeric) as commission from jsonb_each_text(coalesce(t.breakdown, '{}'::jsonb)) b(key, value)
      where b.key in (${keyList}) and b.value ~ '^[+-]?[0-9]+(\\.[0-9]+)?$'
    ) a
    where t.shop_id = ${shopId} and t.day >= ${range.start}::date and t.day <= ${range.end}::date
      and t.type = 'ORDER' and t.order_id is not null
    group by t.order_id, t.currency`;
  const rows = (await db.execute(sql`
    select order_id, currency, day, sales::text as sales, commission::text as commission,
      count(*) filter (where commission <> 0) over () as paying, count(*) over () as total
    from (${per}) o
    order by (o.commission <> 0) desc, o.commission asc, o.order_id
    limit ${limit}`)) as unknown as { rows: Record<string, unknown>[] } | Record<string, unknown>[];
  const list = Array.isArray(rows) ? rows : rows.rows;
  const first = list[0];
  return {
    orders: list
      .filter((r) => String(r.commission) !== "0")
      .map((r) => ({
        orderId: String(r.order_id),
        currency: String(r.currency),
        day: String(r.day),
        sales: String(r.sales),
        commission: String(r.commission),
      })),
    count: first ? Number(first.paying) : 0,
    ordersInPeriod: first ? Number(first.total) : 0,
  };
}
