import { sql } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db } from "../../src/storage/database.ts";
import { refreshRollups } from "../../src/storage/repos/finance.ts";
import { recordSuccess } from "../../src/storage/repos/sync-state.ts";
import { ensureWorkspace, linkShop } from "../../src/storage/repos/workspaces.ts";
import { shops } from "../../src/storage/schema/index.ts";

/** The size of the shop the command latencies are measured on. */
export interface BigShopSize {
  transactions: number;
  days: number;
}

export const BIG_SHOP: BigShopSize = { transactions: 1_000_000, days: 1096 };
const ZONE = "America/Los_Angeles";
/** Days per refreshRollups call while building the rollups. */
const ROLLUP_CHUNK_DAYS = 92;

/** What the loader made, for the figures that read it. */
export interface BigShop {
  shopId: number;
  /** A statement id that exists, for the single-row limit query. */
  someStatementId: string;
  loadSeconds: number;
  rollupSeconds: number;
}

/**
 * Loads one US shop with `size.transactions` statement transactions over `size.days` daily
 * statements (ending yesterday, shop-local), their payouts, an unsettled snapshot and "synced
 * just now" sync state; links it to the console workspace; builds the rollups with the real
 * `refreshRollups`. Everything is set-based SQL (generate_series), run the same on both drivers.
 */
export async function loadBigShop(db: Db, size: BigShopSize = BIG_SHOP): Promise<BigShop> {
  const started = performance.now();
  const [shop] = await db
    .insert(shops)
    .values({
      provider: "bench",
      externalId: "bench-shop-1",
      name: "Bench Outdoor (US)",
      region: "US",
      currency: "USD",
      timezone: ZONE,
      cipher: "bench",
    })
    .returning({ id: shops.id });
  const shopId = shop!.id;
  const lastDay = DateTime.now().setZone(ZONE).minus({ days: 1 }).toISODate()!;
  const firstDay = DateTime.fromISO(lastDay)
    .minus({ days: size.days - 1 })
    .toISODate()!;

  await db.execute(sql`
    insert into statement_transactions (shop_id, id, statement_id, day, type, order_id, order_create_time,
      currency, settlement, revenue, shipping, fee_tax, adjustment, reserve, reserve_status, breakdown)
    select ${shopId}, 'T' || lpad(g::text, 9, '0'), 'S' || lpad(s::text, 6, '0'), d,
      t.type, case when t.type = 'ORDER' then 'O' || g end, (d - 4)::timestamp at time zone 'UTC',
      'USD', case when t.type = 'RESERVE' then 0 else rev + fee + ship end, rev, ship, fee, 0,
      case when t.type = 'RESERVE' then -25.00 end, case when t.type = 'RESERVE' then 'Collected' end,
      jsonb_build_object(
        'revenue.subtotal_before_discount_amount', rev::text,
        'fee.platform_commission_amount', round(fee * 0.75, 2)::text,
        'fee.transaction_fee_amount', (fee - round(fee * 0.75, 2))::text,
        'shipping.actual_shipping_fee_amount', ship::text,
        'supplementary.customer_payment_amount', (rev + 3)::text)
    from generate_series(1, ${size.transactions}) g
    cross join lateral (select ((g - 1)::bigint * ${size.days} / ${size.transactions})::int as s) k
    cross join lateral (select ${firstDay}::date + k.s as d,
      round(10 + (g::bigint * 7919 % 9000) / 100.0, 2) as rev,
      -(g % 7 + 3)::numeric as ship,
      case when g % 5000 = 0 then 'RESERVE' when g % 997 = 0 then 'SHIPPING_FEE_ADJUSTMENT' else 'ORDER' end as type) t
    cross join lateral (select -round(t.rev * 0.08, 2) as fee) f
  `);
  await db.execute(sql`
    insert into statements (shop_id, id, statement_time, day, currency, settlement, revenue, net_sales, fee,
      shipping, adjustment, payment_status, payment_id, payment_time)
    select shop_id, statement_id, (day + 1)::timestamp at time zone 'UTC', day, 'USD', sum(settlement), null,
      sum(revenue), sum(fee_tax), sum(shipping), 0,
      case when day >= ${lastDay}::date - 1 then 'PROCESSING' else 'PAID' end, 'P' || statement_id,
      case when day < ${lastDay}::date - 1 then (day + 1)::timestamp at time zone 'UTC' + interval '30 hours' end
    from statement_transactions where shop_id = ${shopId}
    group by shop_id, statement_id, day
  `);
  await db.execute(sql`
    insert into payouts (shop_id, source, id, type, status, amount, currency, settlement_amount,
      reserve_amount, exchange_rate, bank_account, created_time, paid_time)
    select shop_id, 'payment', payment_id, null, payment_status, settlement, currency, settlement, 0,
      '1.000000', '****1234', statement_time + interval '4 hours', payment_time
    from statements where shop_id = ${shopId}
  `);
  await db.execute(sql`
    insert into unsettled_snapshots (shop_id, taken_at, currency, est_settlement, est_revenue, est_fee,
      est_adjustment, order_count)
    values (${shopId}, now(), 'USD', 41234.56, 52000.00, -4160.00, 0, 2741)
  `);
  const loadSeconds = (performance.now() - started) / 1000;

  const rollupStart = performance.now();
  for (let offset = 0; offset < size.days; offset += ROLLUP_CHUNK_DAYS) {
    const days: string[] = [];
    for (let i = offset; i < Math.min(size.days, offset + ROLLUP_CHUNK_DAYS); i++) {
      days.push(DateTime.fromISO(firstDay).plus({ days: i }).toISODate()!);
    }
    await refreshRollups(db, shopId, days);
  }
  const rollupSeconds = (performance.now() - rollupStart) / 1000;

  const now = new Date();
  const cursor = DateTime.fromISO(lastDay).plus({ days: 1 }).toJSDate();
  for (const resource of ["statements", "payouts", "unsettled", "transactions", "products"] as const) {
    await recordSuccess(db, shopId, resource, now, resource === "statements" ? cursor : undefined);
  }
  const workspaceId = await ensureWorkspace(db, "console", "console", "Console");
  await linkShop(db, workspaceId, shopId);
  // What autovacuum would have done by the time anyone asks: fresh statistics, a visibility map.
  await db.execute(sql`vacuum analyze`);
  return {
    shopId,
    someStatementId: `S${String(size.days >> 1).padStart(6, "0")}`,
    loadSeconds,
    rollupSeconds,
  };
}
