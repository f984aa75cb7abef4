import { add, formatMoney, parseMoney } from "../money/index.ts";
import type { PayoutRecord } from "../providers/port.ts";
import { show } from "./format.ts";

/**
 * A payout in the currency it was paid in; one paid in another currency than it settled in (a
 * cross-border shop) also shows the amount before the exchange and the rate TikTok applied.
 */
export function showPayout(
  p: Pick<
    PayoutRecord,
    "amount" | "currency" | "settlementAmount" | "settlementCurrency" | "reserveAmount" | "exchangeRate"
  >,
): string {
  const paid = show(p.amount, p.currency);
  if (!p.settlementAmount || !p.settlementCurrency || p.settlementCurrency === p.currency) return paid;
  const before = add(
    parseMoney(p.settlementAmount, p.settlementCurrency),
    parseMoney(p.reserveAmount ?? "0", p.settlementCurrency),
  );
  return `${paid} (${formatMoney(before)} at ${p.exchangeRate ?? "an unstated rate"})`;
}
