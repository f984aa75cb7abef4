/**
 * Sandbox orders, generated lazily: an order is a pure function of (seed, shop, day, index), so a
 * statement, an unsettled list or a single order lookup rebuilds only the orders it needs.
 */
import { percentOf, roundTo, total } from "./amounts.ts";
import type { CatalogSku, SandboxShopDef } from "./catalog.ts";
import { hashInts, rng, unit } from "./prng.ts";

export const DAY = 86_400;
/** An order settles 3–8 days after creation; its statement is generated at 00:00 UTC the day after. */
export const MIN_LAG = 3;
export const MAX_LAG = 8;

/** What every generator needs: the seed, the volume and the anchor day (UTC day of the start). */
export interface World {
  seed: number;
  ordersPerDay: number;
  /** UTC day number (Unix seconds / 86400) of the sandbox start. */
  anchorDay: number;
  /** First day with a statement. */
  firstStatementDay: number;
  /** Sandbox start, Unix seconds (simulated clock). */
  startSec: number;
}

export interface OrderLine {
  sku: CatalogSku;
  quantity: number;
  subtotal: bigint;
  sellerDiscount: bigint;
  refund: bigint;
  revenue: bigint;
  commission: bigint;
  transactionFee: bigint;
  affiliate: bigint;
  vat: bigint;
  pit: bigint;
  feeTax: bigint;
  actualShipping: bigint;
  customerShipping: bigint;
  shipping: bigint;
  settlement: bigint;
  platformDiscount: bigint;
}

export interface Order {
  id: string;
  day: number;
  index: number;
  createTime: number;
  /** Day of the statement that settles it (stamped `statementDay * DAY`). */
  statementDay: number;
  lines: OrderLine[];
  revenue: bigint;
  feeTax: bigint;
  shipping: bigint;
  settlement: bigint;
}

const rel = (w: World, day: number) => day - w.anchorDay;

/** Orders created on `day` (20–40 at the default volume, busier on weekends). */
export function orderCount(w: World, shop: SandboxShopDef, day: number): number {
  if (day < w.firstStatementDay - MAX_LAG - 1) return 0;
  const weekday = new Date(day * DAY * 1000).getUTCDay();
  const weekend = weekday === 0 || weekday === 6 ? 1.2 : 1;
  const factor = 0.67 + 0.66 * unit(w.seed, shop.no, rel(w, day), 1);
  return Math.max(0, Math.round(((w.ordersPerDay * shop.volumePct) / 100) * factor * weekend));
}

/** Cheap: only the statement day of order `index` created on `day`. */
export function orderStatementDay(w: World, shop: SandboxShopDef, day: number, index: number): number {
  const lag = MIN_LAG + Math.floor(unit(w.seed, shop.no, rel(w, day), index, 2) * (MAX_LAG - MIN_LAG + 1));
  return day + lag + 1;
}

/** Cheap: creation time, increasing with `index` through the day. */
export function orderCreateTime(
  w: World,
  shop: SandboxShopDef,
  day: number,
  index: number,
  count: number,
): number {
  const jitter = unit(w.seed, shop.no, rel(w, day), index, 3);
  return day * DAY + Math.floor(((index + jitter) * DAY) / Math.max(count, 1));
}

export function orderId(w: World, shop: SandboxShopDef, day: number, index: number): string {
  const r = rel(w, day) + 50_000;
  const check = hashInts(w.seed, shop.no, r, index, 4) % 10_000;
  return `57${shop.no}${String(r).padStart(5, "0")}${String(index).padStart(6, "0")}${String(check).padStart(4, "0")}`;
}

/** The (day, index) an order id stands for, or undefined for an id this shop never issued. */
export function decodeOrderId(
  w: World,
  shop: SandboxShopDef,
  id: string,
): { day: number; index: number } | undefined {
  const match = /^57(\d+)(\d{5})(\d{6})\d{4}$/.exec(id);
  if (!match || Number(match[1]) !== shop.no) return undefined;
  const day = Number(match[2]) - 50_000 + w.anchorDay;
  const index = Number(match[3]);
  if (orderId(w, shop, day, index) !== id || index >= orderCount(w, shop, day)) return undefined;
  return { day, index };
}

/** The full order with every amount. */
export function buildOrder(w: World, shop: SandboxShopDef, day: number, index: number): Order {
  const r = rng(w.seed, shop.no, rel(w, day), index, 5);
  const count = orderCount(w, shop, day);
  const lineCount = r.chance(0.7) ? 1 : r.chance(0.83) ? 2 : 3;
  const refunded = r.chance(0.04);
  const affiliated = r.chance(0.3);
  const lines: OrderLine[] = [];
  for (let i = 0; i < lineCount; i++) {
    const sku = r.pick(shop.skus);
    const quantity = r.chance(0.8) ? 1 : 2;
    const subtotal = sku.price * BigInt(quantity);
    const sellerDiscount = r.chance(0.2) ? -roundTo(percentOf(subtotal, 1000), shop.step) : 0n;
    const refund = refunded && i === 0 ? -roundTo((subtotal + sellerDiscount) / 2n, shop.step) : 0n;
    const revenue = subtotal + sellerDiscount + refund;
    const commission = -percentOf(revenue, shop.commissionBp);
    const transactionFee = -percentOf(revenue, shop.transactionFeeBp);
    const affiliate = affiliated ? -percentOf(revenue, shop.affiliateBp) : 0n;
    const vat = -percentOf(revenue, shop.taxBp);
    const pit = -percentOf(revenue, shop.taxBp);
    const feeTax = commission + transactionFee + affiliate + vat + pit;
    const [lo, hi] = shop.shipping;
    const actualShipping = i === 0 ? -roundTo(BigInt(r.int(lo, hi)), shop.step) : 0n;
    const customerShipping = i === 0 && r.chance(0.5) ? roundTo(BigInt(r.int(lo, hi)) / 2n, shop.step) : 0n;
    const shipping = actualShipping + customerShipping;
    const platformDiscount = r.chance(0.15) ? -roundTo(percentOf(subtotal, 500), shop.step) : 0n;
    lines.push({
      sku,
      quantity,
      subtotal,
      sellerDiscount,
      refund,
      revenue,
      commission,
      transactionFee,
      affiliate,
      vat,
      pit,
      feeTax,
      actualShipping,
      customerShipping,
      shipping,
      settlement: revenue + feeTax + shipping,
      platformDiscount,
    });
  }
  return {
    id: orderId(w, shop, day, index),
    day,
    index,
    createTime: orderCreateTime(w, shop, day, index, count),
    statementDay: orderStatementDay(w, shop, day, index),
    lines,
    revenue: total(lines.map((l) => l.revenue)),
    feeTax: total(lines.map((l) => l.feeTax)),
    shipping: total(lines.map((l) => l.shipping)),
    settlement: total(lines.map((l) => l.settlement)),
  };
}

/** Orders (day, index) settled by the statement of `statementDay`, in creation order. */
export function settledBy(
  w: World,
  shop: SandboxShopDef,
  statementDay: number,
): { day: number; index: number }[] {
  const out: { day: number; index: number }[] = [];
  for (let day = statementDay - 1 - MAX_LAG; day <= statementDay - 1 - MIN_LAG; day++) {
    const count = orderCount(w, shop, day);
    for (let index = 0; index < count; index++) {
      if (orderStatementDay(w, shop, day, index) === statementDay) out.push({ day, index });
    }
  }
  return out;
}
