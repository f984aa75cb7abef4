/**
 * A creator account's commission on the three clocks a creator has (reference §7): estimated
 * (ORDERED and any status not final yet: only the estimate exists), settled (SETTLED: the actual
 * commission) and refunded or deducted (REFUNDED: the estimate that will not be paid; DEDUCTED:
 * settled commission taken back). Exact money, one figure per currency, never summed across.
 */
import { type Money, negate, parseMoney, sum, zero } from "../money/index.ts";
import { type CreatorTotal, isFinalCreatorStatus } from "../storage/repos/creator-orders.ts";

export interface CommissionFigures {
  currency: string;
  estimated: Money;
  estimatedOrders: number;
  settled: Money;
  settledOrders: number;
  /** Negative: commission lost to refunds and deductions. */
  lost: Money;
  refundedOrders: number;
  deductedOrders: number;
}

/** The figures per currency, the account's own currency first (present even when empty). */
export function commissionFigures(rows: readonly CreatorTotal[], mainCurrency: string): CommissionFigures[] {
  const currencies = [mainCurrency, ...new Set(rows.map((r) => r.currency))].filter(
    (c, i, all) => all.indexOf(c) === i,
  );
  return currencies.map((currency) => {
    const mine = rows.filter((r) => r.currency === currency);
    const of = (pick: (r: CreatorTotal) => boolean, field: "estimated" | "actual") =>
      sum(
        currency,
        mine.filter(pick).map((r) => parseMoney(r[field], currency)),
      );
    const count = (pick: (r: CreatorTotal) => boolean) => mine.filter(pick).reduce((n, r) => n + r.orders, 0);
    const open = (r: CreatorTotal) => !isFinalCreatorStatus(r.status);
    const settled = (r: CreatorTotal) => r.status === "SETTLED";
    const refunded = (r: CreatorTotal) => r.status === "REFUNDED";
    const deducted = (r: CreatorTotal) => r.status === "DEDUCTED";
    const lost = sum(currency, [of(refunded, "estimated"), of(deducted, "actual")]);
    return {
      currency,
      estimated: of(open, "estimated"),
      estimatedOrders: count(open),
      settled: of(settled, "actual"),
      settledOrders: count(settled),
      lost: lost.units === 0n ? zero(currency) : negate(lost),
      refundedOrders: count(refunded),
      deductedOrders: count(deducted),
    };
  });
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
