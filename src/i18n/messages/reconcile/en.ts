import type { Messages } from "../../catalog.ts";

/** `/balance reconcile` and the waterfall's step names (src/core/waterfall.ts). */
export default {
  stepGross: "Gross sales (before discounts)",
  stepPlatformFees: "Platform fees · {group}",
  stepShipping: "Shipping",
  stepAdjustments: "Adjustments",
  stepUnexplained: "Not itemised by TikTok",
  stepUnexplainedDetail: "the transactions' settlement minus their itemised lines",
  stepSettlement: "Settlement",
  stepReserveHeld: "Reserve held",
  stepReserveReleased: "Reserve released",
  stepPayable: "Payable (settlement + reserve)",
  title: "Reconcile · {period}",
  titleShop: "Reconcile · {period} · {shop}",
  summary: "From gross sales to settlement to payments, {period}",
  footerClock: "settled clock, {period}",
  statements: "{count, plural, one {{count} statement} other {{count} statements}}",
  periodNote:
    "{period} · the {count, plural, one {{count} statement} other {{count} statements}} of the period (orders settled in it) · days in {zone} · share of gross sales",
  openMissing:
    "Does not close: the statements settle {stated}, their stored transactions {stored} (off by {gap}): {count, plural, one {{count} statement ({missing}) has} other {{count} statements ({missing}) have}} no transactions synced yet.",
  openUnexplained:
    "Does not close: the statements settle {stated}, their stored transactions {stored} (off by {gap}): TikTok's transactions do not add up to its statements.",
  closes: "Gross sales {gross} + every step = settlement {stated}, exactly.",
  reserveHeld:
    "Reserve {held} held{since, select, yes { since {day}} other {}}{released, select, none {} other {, {released} released}}: outside the settlement, TikTok pays settlement + reserve.",
  reserveReleased: "Reserve {released} released: TikTok pays settlement + reserve.",
  columnStep: "Step",
  columnAmount: "Amount",
  columnOfGross: "Of gross",
  columnRunning: "Running",
  noStatements: "No statements in {period}.",
  paymentsTitle: "Settlement to payments",
  paymentsTitleShop: "{shop}: settlement to payments",
  columnWhere: "Where the settlement is",
  rowStatements: "Settlement (statements)",
  rowPaidLedger: "Paid into the TikTok balance",
  rowPaid: "Paid out",
  rowProcessing: "Still processing",
  rowFailed: "Payment failed",
  rowStatus: "Status {status}",
  paidLedgerDetail:
    "{count, plural, one {{count} statement} other {{count} statements}}, settled into the balance (withdrawn separately)",
  paidDetail:
    "{count, plural, one {{count} statement} other {{count} statements}} in {payouts, plural, one {{payouts} payout} other {{payouts} payouts}}",
  explainProcessing:
    "{count, plural, one {{count} statement ({amount}) still processing, from {day}} other {{count} statements ({amount}) still processing, the oldest from {day}}}.",
  explainFailed:
    "{count, plural, one {{count} statement} other {{count} statements}} ({amount}) with a failed payment: check the bank account in Seller Center.",
  explainUnknown:
    "{count, plural, one {{count} statement} other {{count} statements}} ({amount}) with payment status {status}, which this version does not know: counted on no clock.",
  explainCombined: "The {day} payout of {amount} covered {count} statements.",
  explainMoreCombined:
    "…and {count, plural, one {{count} more combined payout} other {{count} more combined payouts}}.",
  explainOtherCurrency:
    "{count, plural, one {{count} payout} other {{count} payouts}} arrived in {currencies} at the rate TikTok stated on each (the {day} one: {amount}); amounts here stay in {currency}, before the exchange.",
  paymentsNote:
    "Paid + processing + failed = settlement {amount}, exactly (a payout also carries its statements' reserve).",
  chartTitle:
    "{shop} · gross sales to {to, select, payable {payable (settlement + reserve)} other {settlement}} · {currency}",
  chartSubtitle:
    "{period} · {count, plural, one {{count} statement} other {{count} statements}} · settled clock · days in {zone}",
  chartAlt:
    "Waterfall from gross sales {gross} to settlement {settlement} · {shop} · {period} · {zone} · {currency}",
} as const satisfies Messages;
