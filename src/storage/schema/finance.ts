import { date, index, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { amount, instant } from "./columns.ts";
import { shops } from "./shops.ts";

const shopRef = () =>
  integer("shop_id")
    .notNull()
    .references(() => shops.id, { onDelete: "cascade" });

/** Daily statements (Get Statements 202309). `day` is the shop-local date of the 00:00 UTC stamp. */
export const statements = pgTable(
  "statements",
  {
    shopId: shopRef(),
    id: text("id").notNull(),
    statementTime: instant("statement_time").notNull(),
    day: date("day").notNull(),
    currency: text("currency").notNull(),
    settlement: amount("settlement").notNull(),
    revenue: amount("revenue"),
    netSales: amount("net_sales"),
    fee: amount("fee"),
    shipping: amount("shipping"),
    adjustment: amount("adjustment"),
    paymentStatus: text("payment_status").notNull(),
    paymentId: text("payment_id"),
    paymentTime: instant("payment_time"),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    index("statements_shop_time").on(t.shopId, t.statementTime),
    index("statements_shop_status").on(t.shopId, t.paymentStatus),
    index("statements_shop_payment").on(t.shopId, t.paymentId),
  ],
);

/**
 * Payouts, one model for Get Payments (source "payment") and Get Withdrawals (source
 * "withdrawal", SEA). `status` is normalised to PROCESSING | PAID | FAILED. Withdrawal rows are
 * the ledger of the TikTok balance: only `type` WITHDRAW is a payout; SETTLE and TRANSFER move
 * money in or out of the balance; REVERSE returns a failed withdrawal (`reversal_of` names it).
 */
export const payouts = pgTable(
  "payouts",
  {
    shopId: shopRef(),
    source: text("source").notNull(),
    id: text("id").notNull(),
    type: text("type"),
    status: text("status").notNull(),
    amount: amount("amount").notNull(),
    currency: text("currency").notNull(),
    settlementAmount: amount("settlement_amount"),
    settlementCurrency: text("settlement_currency"),
    reserveAmount: amount("reserve_amount"),
    exchangeRate: text("exchange_rate"),
    bankAccount: text("bank_account"),
    createdTime: instant("created_time").notNull(),
    paidTime: instant("paid_time"),
    /** REVERSE rows: the WITHDRAW this one returned (matched by amount and time, see sync/ledger.ts). */
    reversalOf: text("reversal_of"),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.source, t.id] }),
    index("payouts_shop_created").on(t.shopId, t.createdTime),
  ],
);

/** Statement transactions (202501): order rows, adjustments, reserves. */
export const statementTransactions = pgTable(
  "statement_transactions",
  {
    shopId: shopRef(),
    id: text("id").notNull(),
    statementId: text("statement_id").notNull(),
    day: date("day").notNull(),
    type: text("type").notNull(),
    orderId: text("order_id"),
    adjustmentId: text("adjustment_id"),
    orderCreateTime: instant("order_create_time"),
    currency: text("currency").notNull(),
    settlement: amount("settlement").notNull(),
    revenue: amount("revenue"),
    shipping: amount("shipping"),
    feeTax: amount("fee_tax"),
    adjustment: amount("adjustment"),
    reserve: amount("reserve"),
    reserveStatus: text("reserve_status"),
    breakdown: jsonb("breakdown").$type<Record<string, string>>(),
    /** The source row as imported (CSV/XLSX), kept for support and re-parsing. */
    raw: jsonb("raw").$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    index("statement_transactions_statement").on(t.shopId, t.statementId),
    // Rollups are rebuilt per local day; without this they scan the whole shop.
    index("statement_transactions_day").on(t.shopId, t.day),
  ],
);

/** The pending clock: the latest Get Unsettled Transactions summary per shop (estimates). */
export const unsettledSnapshots = pgTable("unsettled_snapshots", {
  shopId: shopRef().primaryKey(),
  takenAt: instant("taken_at").notNull(),
  currency: text("currency").notNull(),
  estSettlement: amount("est_settlement").notNull(),
  estRevenue: amount("est_revenue"),
  estFee: amount("est_fee"),
  estAdjustment: amount("est_adjustment"),
  orderCount: integer("order_count").notNull(),
  /** Unsettled orders in other currencies, one summary each: shown per currency, never summed. */
  others: jsonb("others").$type<{ currency: string; estSettlement: string; orderCount: number }[]>(),
});

/**
 * Per-day rollups maintained by sync, so that a command is a few indexed reads whatever the
 * history's size. `category` is a rollup category's text: read and written only through
 * `parseCategory` / `formatCategory` (src/storage/categories.ts).
 */
export const dailyRollups = pgTable(
  "daily_rollups",
  {
    shopId: shopRef(),
    day: date("day").notNull(),
    currency: text("currency").notNull(),
    category: text("category").notNull(),
    amount: amount("amount").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.day, t.currency, t.category] }),
    // One category over all days (the reserve held, in every /balance): without it, a shop's
    // whole history of rollups is read to sum one category (~1 ms per reply at 3 years).
    index("daily_rollups_shop_category").on(t.shopId, t.category),
  ],
);
