import { index, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { instant } from "./columns.ts";
import { shops } from "./shops.ts";

/** One SKU line of an order read on demand (Get Transactions by Order 202501), amounts as decimal strings. */
export interface FetchedOrderLine {
  skuId: string;
  productName: string | null;
  skuName: string | null;
  quantity: string;
  statementId: string | null;
  settlement: string;
  revenue: string | null;
  feeTax: string | null;
  shipping: string | null;
  breakdown: Record<string, string>;
}

/**
 * Orders `/balance order` had to ask TikTok for (not among the synced statement transactions):
 * what came back, so the same question never calls the API twice. `outcome` is "settled" (lines
 * present), "unsettled" (TikTok lists no settled line yet) or "unknown" (TikTok does not know the
 * id in this shop); the last two are asked again once they are older than the cache's lifetime.
 */
export const fetchedOrders = pgTable(
  "fetched_orders",
  {
    shopId: integer("shop_id")
      .notNull()
      .references(() => shops.id, { onDelete: "cascade" }),
    orderId: text("order_id").notNull(),
    outcome: text("outcome").notNull(),
    currency: text("currency"),
    lines: jsonb("lines").$type<FetchedOrderLine[]>().notNull(),
    fetchedAt: instant("fetched_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.orderId] }), index("fetched_orders_fetched").on(t.fetchedAt)],
);
