import { date, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { amount, instant } from "./columns.ts";
import { shops } from "./shops.ts";

/**
 * A creator account's affiliate orders (Search Creator Affiliate Orders 202410, reference §7), one
 * row per order, upserted on every read: the status moves ORDERED → SETTLED (or REFUNDED,
 * DEDUCTED). `estimated` and `actual` are the order's commission summed over its SKUs, in
 * `currency`. `day` is the creation day in the account's zone (periods count orders by it).
 * `settledSeenAt` is when a sync saw it turn SETTLED (TikTok gives no settlement time); empty for
 * orders a first sync found settled already.
 */
export const creatorOrders = pgTable(
  "creator_orders",
  {
    shopId: integer("shop_id")
      .notNull()
      .references(() => shops.id, { onDelete: "cascade" }),
    orderId: text("order_id").notNull(),
    status: text("status").notNull(),
    createTime: instant("create_time").notNull(),
    deliveryTime: instant("delivery_time"),
    day: date("day", { mode: "string" }).notNull(),
    currency: text("currency").notNull(),
    estimated: amount("estimated").notNull(),
    actual: amount("actual").notNull(),
    skus: integer("skus").notNull(),
    settledSeenAt: instant("settled_seen_at"),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.orderId] }),
    index("creator_orders_day").on(t.shopId, t.day),
    index("creator_orders_status").on(t.shopId, t.status),
  ],
);
