/**
 * Transaction-level views of the sandbox history in the 202501/202507 shapes: the rows of a
 * statement, the SKU lines of one order and the unsettled orders. They are built from the same
 * orders as the statement sums, so a client can reconcile every figure exactly.
 */
import { formatMinor, total } from "./amounts.ts";
import type { SandboxShopDef } from "./catalog.ts";
import {
  buildOrder,
  DAY,
  MAX_LAG,
  type Order,
  type OrderLine,
  orderCount,
  orderCreateTime,
  orderStatementDay,
  type World,
} from "./orders.ts";
import type { StatementInfo } from "./statements.ts";

type Json = Record<string, unknown>;

/** An affiliate partner takes a quarter of the commission on two-item lines. */
const partnerCut = (l: OrderLine) => (l.quantity === 2 ? l.affiliate / 4n : 0n);
/** Variants ending in an even digit were sold through Shop Ads: a fifth of the commission. */
const adsCut = (l: OrderLine) => (/[02468]$/.test(l.sku.skuId) ? l.affiliate / 5n : 0n);

/** The four breakdown objects of a set of order lines (keys as in the 202501 models). */
function breakdowns(shop: SandboxShopDef, lines: readonly OrderLine[]): Json {
  const s = (pick: (l: OrderLine) => bigint) => formatMinor(total(lines.map(pick)), shop.digits);
  const tax: Json = {};
  if (shop.taxBp > 0) {
    tax.vat_amount = s((l) => l.vat);
    tax.pit_amount = s((l) => l.pit);
  }
  return {
    revenue_breakdown: {
      subtotal_before_discount_amount: s((l) => l.subtotal),
      seller_discount_amount: s((l) => l.sellerDiscount),
      refund_subtotal_before_discount_amount: s((l) => l.refund),
    },
    fee_tax_breakdown: {
      fee: {
        // US shops are charged a referral fee where other markets have a platform commission.
        [shop.region === "US" ? "referral_fee_amount" : "platform_commission_amount"]: s((l) => l.commission),
        transaction_fee_amount: s((l) => l.transactionFee),
        // The creators' share splits three ways as in the 202501 fee fields: the creator's own
        // commission, an affiliate partner's (agency) cut, and the Shop Ads commission.
        affiliate_commission_amount: s((l) => l.affiliate - partnerCut(l) - adsCut(l)),
        affiliate_partner_commission_amount: s(partnerCut),
        affiliate_ads_commission_amount: s(adsCut),
      },
      tax,
    },
    shipping_cost_breakdown: {
      actual_shipping_fee_amount: s((l) => l.actualShipping),
      customer_paid_shipping_fee_amount: s((l) => l.customerShipping),
      supplementary_component: { customer_shipping_fee: s((l) => l.customerShipping) },
    },
    supplementary_component: {
      customer_payment_amount: s(
        (l) => l.subtotal + l.sellerDiscount + l.platformDiscount + l.customerShipping,
      ),
      platform_discount_amount: s((l) => l.platformDiscount),
    },
  };
}

/** Row keys of a statement, in `order_create_time` order (adjustments and reserves last). */
export type RowKey =
  | { kind: "order"; day: number; index: number }
  | { kind: "adjustment" | "reserve"; at: number };

export function statementRowKeys(s: StatementInfo): RowKey[] {
  return [
    ...s.orders.map((o): RowKey => ({ kind: "order", ...o })),
    ...s.adjustments.map((_, at): RowKey => ({ kind: "adjustment", at })),
    ...s.reserves.map((_, at): RowKey => ({ kind: "reserve", at })),
  ];
}

function orderRow(shop: SandboxShopDef, order: Order): Json {
  const f = (v: bigint) => formatMinor(v, shop.digits);
  return {
    id: `6${order.id.slice(1)}`,
    type: "ORDER",
    order_id: order.id,
    order_create_time: order.createTime,
    settlement_amount: f(order.settlement),
    revenue_amount: f(order.revenue),
    shipping_cost_amount: f(order.shipping),
    fee_tax_amount: f(order.feeTax),
    adjustment_amount: "0",
    ...breakdowns(shop, order.lines),
  };
}

/** One 202501 statement transaction row. */
export function statementRow(w: World, shop: SandboxShopDef, s: StatementInfo, key: RowKey): Json {
  const f = (v: bigint) => formatMinor(v, shop.digits);
  if (key.kind === "order") return orderRow(shop, buildOrder(w, shop, key.day, key.index));
  if (key.kind === "adjustment") {
    const a = s.adjustments[key.at]!;
    return {
      id: a.id,
      type: a.type,
      adjustment_id: a.id,
      adjustment_order_id: a.relatedOrderId,
      order_create_time: a.time,
      settlement_amount: f(a.amount),
      revenue_amount: "0",
      shipping_cost_amount: "0",
      fee_tax_amount: "0",
      adjustment_amount: f(a.amount),
    };
  }
  const r = s.reserves[key.at]!;
  return {
    id: r.id,
    type: "RESERVE",
    reserve_id: r.id,
    reserve_amount: f(r.amount),
    // The docs' sample uses "Collected"; clients must compare case-insensitively.
    reserve_status: r.status === "COLLECTED" ? "Collected" : "Released",
    estimated_release_time: r.releaseTime === null ? "" : String(r.releaseTime),
    settlement_amount: "0",
  };
}

/** The statement-level part of the 202501 statement transactions response. */
export function statementTransactionsHeader(shop: SandboxShopDef, s: StatementInfo, count: number): Json {
  const f = (v: bigint) => formatMinor(v, shop.digits);
  return {
    id: s.id,
    create_time: s.time,
    status: "SETTLED",
    currency: shop.currency,
    payable_amount: f(s.settlement + s.reserve),
    ...(shop.reserve ? { total_reserve_amount: f(s.reserve) } : {}),
    total_settlement_amount: f(s.settlement),
    total_settlement_breakdown: {
      total_revenue_amount: f(s.revenue),
      total_shipping_cost_amount: f(s.shipping),
      total_fee_tax_amount: f(s.feeTax),
      total_adjustment_amount: f(s.adjustment),
    },
    total_count: count,
  };
}

/** 202501 Get Transactions by Order data, or undefined when the order has not settled yet. */
export function orderTransactions(
  shop: SandboxShopDef,
  order: Order,
  statementId: string,
  settled: boolean,
): Json {
  const f = (v: bigint) => formatMinor(v, shop.digits);
  const lines = settled ? order.lines : [];
  return {
    order_id: order.id,
    order_create_time: order.createTime,
    currency: shop.currency,
    revenue_amount: f(total(lines.map((l) => l.revenue))),
    fee_and_tax_amount: f(total(lines.map((l) => l.feeTax))),
    shipping_cost_amount: f(total(lines.map((l) => l.shipping))),
    settlement_amount: f(total(lines.map((l) => l.settlement))),
    total_count: lines.length,
    sku_transactions: lines.map((l) => ({
      sku_id: l.sku.skuId,
      sku_name: l.sku.skuName,
      product_name: l.sku.productName,
      quantity: String(l.quantity),
      statement_id: statementId,
      settlement_amount: f(l.settlement),
      revenue_amount: f(l.revenue),
      fee_tax_amount: f(l.feeTax),
      shipping_cost_amount: f(l.shipping),
      ...breakdowns(shop, [l]),
    })),
  };
}

/** (day, index) of orders created by `now` whose statement is not out yet, in creation order. */
export function unsettledKeys(
  w: World,
  shop: SandboxShopDef,
  now: number,
  range: { ge: number | undefined; lt: number | undefined },
): { day: number; index: number }[] {
  const out: { day: number; index: number }[] = [];
  const today = Math.floor(now / DAY);
  for (let day = today - MAX_LAG - 1; day <= today; day++) {
    const count = orderCount(w, shop, day);
    for (let index = 0; index < count; index++) {
      const created = orderCreateTime(w, shop, day, index, count);
      if (created > now) break;
      if (range.ge !== undefined && created < range.ge) continue;
      if (range.lt !== undefined && created >= range.lt) continue;
      if (orderStatementDay(w, shop, day, index) * DAY > now) out.push({ day, index });
    }
  }
  return out;
}

/** One 202507 unsettled transaction row, estimates equal to what will settle. */
export function unsettledRow(shop: SandboxShopDef, order: Order, now: number): Json {
  const f = (v: bigint) => formatMinor(v, shop.digits);
  const deliveredAt = order.createTime + 2 * DAY;
  const delivered = deliveredAt <= now;
  return {
    id: `4${order.id.slice(1)}`,
    type: "ORDER",
    status: "UNSETTLED",
    currency: shop.currency,
    order_id: order.id,
    order_create_time: order.createTime,
    ...(delivered ? { order_delivery_time: deliveredAt } : {}),
    estimated_settlement: delivered ? String(order.statementDay * DAY) : "7 days after delivery",
    unsettled_reason: delivered ? "within the settlement period" : "waiting for delivery",
    est_settlement_amount: f(order.settlement),
    est_revenue_amount: f(order.revenue),
    est_shipping_cost_amount: f(order.shipping),
    est_fee_tax_amount: f(order.feeTax),
    est_adjustment_amount: "0",
    // 202507 rows have no top-level supplementary_component (reference §3.7, docs example).
    ...withoutSupplementary(breakdowns(shop, order.lines)),
  };
}

function withoutSupplementary(all: Json): Json {
  const { supplementary_component: _, ...rest } = all;
  return rest;
}
