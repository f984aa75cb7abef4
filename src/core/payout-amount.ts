import { translator, type Words } from "../i18n/index.ts";
import { add, parseMoney } from "../money/index.ts";
import type { PayoutRecord } from "../providers/port.ts";

/**
 * A payout in the currency it was paid in; one paid in another currency than it settled in (a
 * cross-border shop) also shows the amount before the exchange and the rate TikTok applied.
 */
export function showPayout(
  p: Pick<
    PayoutRecord,
    "amount" | "currency" | "settlementAmount" | "settlementCurrency" | "reserveAmount" | "exchangeRate"
  >,
  { t, fmt }: Words = translator("en"),
): string {
  const paid = fmt.amount(p.amount, p.currency);
  if (!p.settlementAmount || !p.settlementCurrency || p.settlementCurrency === p.currency) return paid;
  const before = add(
    parseMoney(p.settlementAmount, p.settlementCurrency),
    parseMoney(p.reserveAmount ?? "0", p.settlementCurrency),
  );
  return t("reports.payoutConverted", {
    paid,
    before: fmt.money(before),
    rate: p.exchangeRate ? fmt.decimal(p.exchangeRate) : t("reports.unstatedRate"),
  });
}

/** A payout's status as the payout tables show it ("paid", "processing", "FAILED ⚠"). */
export function payoutStatus(status: string, { t }: Words = translator("en")): string {
  return status === "FAILED"
    ? t("reports.statusFailed")
    : status === "PAID"
      ? t("reports.statusPaid")
      : t("reports.statusProcessing");
}
