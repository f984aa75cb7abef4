/**
 * Daily statements and their payouts. A statement (stamped 00:00 UTC) settles the orders of the
 * previous day plus occasional adjustments; settlement is the plain sum of signed components.
 * For a payments shop (US) its payment moves PROCESSING → PAID on a schedule read against the
 * sandbox clock, so payouts "land" while a demo runs; two days in ten are small statements
 * combined into the next payment, and one statement three weeks old is paid only after the start.
 * For a withdrawal-market shop (VN) the statement is "paid" by a SETTLE record into the TikTok
 * balance (see ledger.ts), from which the seller withdraws.
 */
import { formatMinor, percentOf, roundTo } from "./amounts.ts";
import type { SandboxShopDef } from "./catalog.ts";
import { buildOrder, DAY, settledBy, type World } from "./orders.ts";
import { hashInts, rng } from "./prng.ts";

export interface Adjustment {
  id: string;
  type: string;
  amount: bigint;
  relatedOrderId: string;
  time: number;
}

export interface ReserveRow {
  id: string;
  amount: bigint;
  status: "COLLECTED" | "RELEASED";
  releaseTime: number | null;
}

export interface PayoutPlan {
  id: string;
  createTime: number;
  /** Null when it fails. */
  paidTime: number | null;
  failTime: number | null;
}

export interface StatementInfo {
  day: number;
  id: string;
  time: number;
  revenue: bigint;
  feeTax: bigint;
  shipping: bigint;
  adjustment: bigint;
  settlement: bigint;
  reserve: bigint;
  orders: { day: number; index: number }[];
  adjustments: Adjustment[];
  reserves: ReserveRow[];
  payout: PayoutPlan;
  /** Reports a payment status this version of any client does not know. */
  unknownStatus: boolean;
}

/** Minutes after the sandbox start at which the demo payout of each shop turns PAID. */
export const DEMO_PAID_AFTER_MIN = { payments: 20, withdrawals: 25 } as const;
/** The payments shop's statement of this many days before the start stays PROCESSING until after it. */
export const LATE_STATEMENT_DAYS = 21;
/** Minutes after the start at which that late statement's payment turns PAID. */
export const LATE_PAID_AFTER_MIN = 30;
/**
 * The payments shop's statement of this many days before the start carries a payment status no
 * client has seen ("ON_HOLD"): a new upstream value must be stored and reported, never break sync.
 */
export const UNKNOWN_STATUS_DAYS = 17;

const ADJUSTMENTS = [
  { type: "PLATFORM_REIMBURSEMENT", sign: 1n, cents: [500, 4000] },
  { type: "SHIPPING_FEE_ADJUSTMENT", sign: -1n, cents: [150, 1200] },
  { type: "PLATFORM_COMMISSION_ADJUSTMENT", sign: 1n, cents: [100, 900] },
  { type: "PLATFORM_PENALTY", sign: -1n, cents: [1000, 5000] },
  { type: "SHIPPING_FEE_COMPENSATION", sign: 1n, cents: [200, 1500] },
] as const;

const rel = (w: World, day: number) => day - w.anchorDay;
const mod = (n: number, m: number) => ((n % m) + m) % m;

/**
 * The day whose payment pays this statement: on a payments shop, days 4 and 5 of every ten are
 * rolled into day 6's payment (TikTok combines small statements into one payment, reference §3.1).
 */
export function paymentDay(w: World, shop: SandboxShopDef, day: number): number {
  if (shop.payouts !== "payments") return day;
  const m = mod(rel(w, day), 10);
  return m === 4 || m === 5 ? day + (6 - m) : day;
}

/** The statement days one payment covers (the payment's own day last). */
export function paymentGroup(w: World, shop: SandboxShopDef, day: number): number[] {
  if (shop.payouts !== "payments" || mod(rel(w, day), 10) !== 6) return [day];
  return [day - 2, day - 1, day].filter((d) => d >= w.firstStatementDay);
}
const pad5 = (n: number) => String(n + 50_000).padStart(5, "0");

/** A USD-cent-sized amount in the shop's currency (VND: ×250, whole thousands). */
function local(shop: SandboxShopDef, cents: number): bigint {
  return shop.digits === 2 ? BigInt(cents) : roundTo(BigInt(cents) * 250n, 1000n);
}

export function statementId(w: World, shop: SandboxShopDef, day: number): string {
  const tail = String(hashInts(w.seed, shop.no, rel(w, day), 6)).padStart(10, "0");
  return `7${shop.no}3${pad5(rel(w, day))}${tail}`;
}

/** The statement day an id stands for, or undefined. */
export function decodeStatementId(w: World, shop: SandboxShopDef, id: string): number | undefined {
  // The shop number has no fixed width (a seller may have hundreds); the rest of the id has.
  const match = /^7(\d+)3(\d{5})\d{10}$/.exec(id);
  if (!match || Number(match[1]) !== shop.no) return undefined;
  const day = Number(match[2]) - 50_000 + w.anchorDay;
  return statementId(w, shop, day) === id && day >= w.firstStatementDay ? day : undefined;
}

function payoutPlan(w: World, shop: SandboxShopDef, day: number): PayoutPlan {
  const r = rng(w.seed, shop.no, rel(w, day), 8);
  if (shop.payouts === "withdrawals") {
    // A withdrawal market's statement is settled into the TikTok balance within hours.
    const settled = day * DAY + r.int(1, 3) * 3600 + r.int(0, 3599);
    return {
      id: `SE${shop.no}${pad5(rel(w, day))}${r.digits(8)}`,
      createTime: settled,
      paidTime: settled,
      failTime: null,
    };
  }
  const id = `3${shop.no}9${pad5(rel(w, day))}${r.digits(10)}`;
  let createTime = day * DAY + r.int(2, 6) * 3600 + r.int(0, 3599);
  const paidAfter = r.int(20, 60) * 3600 + r.int(0, 3599);
  const failed = r.chance(0.03);
  if (rel(w, day) === -LATE_STATEMENT_DAYS) {
    return { id, createTime, paidTime: w.startSec + LATE_PAID_AFTER_MIN * 60, failTime: null };
  }
  if (day === w.anchorDay) {
    // The demo payout: already initiated at start, PAID a few simulated minutes later.
    createTime = Math.max(day * DAY, Math.min(createTime, w.startSec - 60));
    return { id, createTime, paidTime: w.startSec + DEMO_PAID_AFTER_MIN[shop.payouts] * 60, failTime: null };
  }
  if (failed) return { id, createTime, paidTime: null, failTime: createTime + 18 * 3600 };
  return { id, createTime, paidTime: createTime + paidAfter, failTime: null };
}

function adjustmentsOf(
  w: World,
  shop: SandboxShopDef,
  day: number,
  related: string | undefined,
): Adjustment[] {
  const r = rng(w.seed, shop.no, rel(w, day), 7);
  if (!r.chance(0.25)) return [];
  const kind = r.pick(ADJUSTMENTS);
  const amount = kind.sign * local(shop, r.int(kind.cents[0], kind.cents[1]));
  const id = `8${shop.no}1${pad5(rel(w, day))}${r.digits(9)}`;
  return [
    { id, type: kind.type, amount, relatedOrderId: related ?? "", time: (day - 1) * DAY + r.int(0, DAY - 1) },
  ];
}

/** Builds and caches statement summaries (they do not depend on the clock). */
export function createStatementBook(w: World) {
  const cache = new Map<string, StatementInfo>();

  function collectedReserve(shop: SandboxShopDef, day: number): bigint {
    if (!shop.reserve || day % 7 !== 0 || day < w.firstStatementDay) return 0n;
    const s = statement(shop, day);
    return s.settlement > 0n ? -percentOf(s.settlement, 1000) : 0n;
  }

  function statement(shop: SandboxShopDef, day: number): StatementInfo {
    const key = `${shop.no}:${day}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const orders = settledBy(w, shop, day);
    let revenue = 0n;
    let feeTax = 0n;
    let shipping = 0n;
    for (const o of orders) {
      const order = buildOrder(w, shop, o.day, o.index);
      revenue += order.revenue;
      feeTax += order.feeTax;
      shipping += order.shipping;
    }
    const first = orders[0];
    const related = first ? buildOrder(w, shop, first.day, first.index).id : undefined;
    const adjustments = adjustmentsOf(w, shop, day, related);
    const adjustment = adjustments.reduce((sum, a) => sum + a.amount, 0n);
    const info: StatementInfo = {
      day,
      id: statementId(w, shop, day),
      time: day * DAY,
      revenue,
      feeTax,
      shipping,
      adjustment,
      settlement: revenue + feeTax + shipping + adjustment,
      reserve: 0n,
      orders,
      adjustments,
      reserves: [],
      payout: payoutPlan(w, shop, paymentDay(w, shop, day)),
      unknownStatus: shop.payouts === "payments" && rel(w, day) === -UNKNOWN_STATUS_DAYS,
    };
    cache.set(key, info);
    if (shop.reserve) {
      const collected = collectedReserve(shop, day);
      if (collected !== 0n) {
        info.reserves.push({
          id: `${info.id}01`,
          amount: collected,
          status: "COLLECTED",
          releaseTime: (day + 28) * DAY,
        });
      }
      const released = -collectedReserve(shop, day - 28);
      if (released !== 0n) {
        info.reserves.push({
          id: `${statementId(w, shop, day - 28)}02`,
          amount: released,
          status: "RELEASED",
          releaseTime: null,
        });
      }
      info.reserve = info.reserves.reduce((sum, r) => sum + r.amount, 0n);
    }
    return info;
  }

  return { statement };
}

export type StatementBook = ReturnType<typeof createStatementBook>;

/** Payout status as of `now` (simulated seconds); undefined before it is initiated. */
export function payoutStatus(plan: PayoutPlan, now: number): "PROCESSING" | "PAID" | "FAILED" | undefined {
  if (now < plan.createTime) return undefined;
  if (plan.failTime !== null && now >= plan.failTime) return "FAILED";
  if (plan.paidTime !== null && now >= plan.paidTime) return "PAID";
  return "PROCESSING";
}

/** The 202309 statement object; fields follow the shop's region like the real API (§3.2). */
export function statementJson(shop: SandboxShopDef, s: StatementInfo, now: number): Record<string, unknown> {
  const f = (v: bigint) => formatMinor(v, shop.digits);
  const status = payoutStatus(s.payout, now);
  const base: Record<string, unknown> = {
    id: s.id,
    statement_time: s.time,
    settlement_amount: f(s.settlement),
    currency: shop.currency,
    adjustment_amount: f(s.adjustment),
    payment_status: s.unknownStatus ? "ON_HOLD" : (status ?? "PROCESSING"),
    payment_id: status ? s.payout.id : "",
  };
  if (status === "PAID" && s.payout.paidTime !== null) base.payment_time = s.payout.paidTime;
  if (shop.payouts === "payments") {
    // US/UK: no revenue_amount; net sales and shipping are separate, fee excludes shipping.
    base.net_sales_amount = f(s.revenue);
    base.fee_amount = f(s.feeTax);
    base.shipping_cost_amount = f(s.shipping);
  } else {
    // SEA local sellers: fee includes shipping.
    base.revenue_amount = f(s.revenue);
    base.fee_amount = f(s.feeTax + s.shipping);
  }
  return base;
}

/** The 202309 payment object (non-SEA) paying `covered` (one statement, or several combined). */
export function paymentJson(shop: SandboxShopDef, covered: StatementInfo[], now: number, bank: string) {
  const f = (v: bigint) => ({ value: formatMinor(v, shop.digits), currency: shop.currency });
  const s = covered[covered.length - 1]!;
  const status = payoutStatus(s.payout, now) ?? "PROCESSING";
  const settlement = covered.reduce((sum, c) => sum + c.settlement, 0n);
  const reserve = covered.reduce((sum, c) => sum + c.reserve, 0n);
  const payable = settlement + reserve;
  const fx = shop.payoutCurrency;
  // A cross-border payment: `amount` is after the exchange, in the payout currency (§3.3).
  const rate = fx ? BigInt(rng(shop.no, s.day, 12).int(fx.rateMin, fx.rateMax)) : RATE_ONE;
  const amount = fx
    ? {
        value: formatMinor(exchange(payable, shop.digits, rate, fx.digits), fx.digits),
        currency: fx.currency,
      }
    : f(payable);
  return {
    id: s.payout.id,
    create_time: s.payout.createTime,
    ...(status === "PAID" && s.payout.paidTime !== null ? { paid_time: s.payout.paidTime } : {}),
    status,
    amount,
    settlement_amount: f(settlement),
    reserve_amount: f(reserve),
    payment_amount_before_exchange: f(payable),
    exchange_rate: formatMinor(rate, 6),
    bank_account: bank,
  };
}

/** 1.000000 in millionths. */
const RATE_ONE = 1_000_000n;

/**
 * `minor` (at `fromDigits`) times `rate` (millionths), in minor units at `toDigits`, rounded half
 * away from zero to the payout currency's unit.
 */
export function exchange(minor: bigint, fromDigits: number, rate: bigint, toDigits: number): bigint {
  const num = minor * rate * 10n ** BigInt(toDigits);
  const den = RATE_ONE * 10n ** BigInt(fromDigits);
  const sign = num < 0n ? -1n : 1n;
  const abs = num < 0n ? -num : num;
  return sign * ((abs * 2n + den) / (den * 2n));
}
