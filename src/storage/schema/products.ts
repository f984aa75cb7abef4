import { date, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { amount, instant } from "./columns.ts";
import { shops } from "./shops.ts";

/** Order-level SKU lines (Get Transactions by Order), cached by sync for `/balance products`. */
export const orderSkus = pgTable(
  "order_skus",
  {
    shopId: integer("shop_id")
      .notNull()
      .references(() => shops.id, { onDelete: "cascade" }),
    orderId: text("order_id").notNull(),
    skuId: text("sku_id").notNull(),
    day: date("day").notNull(),
    productName: text("product_name"),
    skuName: text("sku_name"),
    quantity: integer("quantity").notNull(),
    currency: text("currency").notNull(),
    settlement: amount("settlement").notNull(),
    revenue: amount("revenue"),
    fetchedAt: instant("fetched_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.orderId, t.skuId] }),
    index("order_skus_shop_day").on(t.shopId, t.day),
  ],
);
