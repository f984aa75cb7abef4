/**
 * `/balance products` for an imported shop: the SKU lines of its orders, rebuilt from every stored
 * row of those orders (whichever import brought them), so a refund imported later is netted and
 * re-importing changes nothing. The SKU comes from the row's key (parse-rows.ts), the product
 * name and quantity from the raw row; quantities count on sale rows only (a refund row repeats
 * the quantity it takes back). Orders whose export has no SKU column get no lines.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { FIELD_ALIASES, normalizeHeader, PRODUCT_NAME_ALIASES } from "../providers/csv/headers.ts";
import type { Tx } from "../storage/database.ts";
import { orderSkus } from "../storage/schema/index.ts";

const CHUNK = 500;
const names = PRODUCT_NAME_ALIASES.map((a) => normalizeHeader(a).key);
const quantities = FIELD_ALIASES.quantity.map((a) => normalizeHeader(a).key);

export async function rebuildOrderSkus(tx: Tx, shopId: number, orderIds: string[]): Promise<void> {
  const unique = [...new Set(orderIds)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    await tx.delete(orderSkus).where(and(eq(orderSkus.shopId, shopId), inArray(orderSkus.orderId, chunk)));
    // Raw keys are the file's own spelling: compared in the same normalized form as headers.
    await tx.execute(sql`
      insert into order_skus (shop_id, order_id, sku_id, day, product_name, quantity, currency, settlement)
      select ${shopId}, t.order_id, t.sku, min(t.day), max(t.product), coalesce(sum(t.quantity), 0)::int,
        t.currency, sum(t.settlement)
      from (
        select s.order_id, substring(s.id from '\\|sku ([^|#]+)') as sku, s.day, s.currency, s.settlement,
          r.product,
          case when s.settlement > 0 and r.quantity ~ '^\\d+$' then r.quantity::int else 0 end as quantity
        from statement_transactions s
        left join lateral (
          select
            max(value) filter (where lower(regexp_replace(trim(key), '\\s+', ' ', 'g')) in ${names}) as product,
            max(value) filter (where lower(regexp_replace(trim(key), '\\s+', ' ', 'g')) in ${quantities}) as quantity
          from jsonb_each_text(coalesce(s.raw, '{}'::jsonb))
        ) r on true
        where s.shop_id = ${shopId} and s.type = 'ORDER' and s.statement_id like 'csv:%'
          and s.order_id in ${chunk}
      ) t
      where t.sku is not null
      group by t.order_id, t.sku, t.currency
    `);
  }
}
