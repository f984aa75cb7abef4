import type { Messages } from "../../catalog.ts";

/** `/balance breakdown` (where the money went). Line names are in area "lines". */
export default {
  title: "Breakdown · {period}",
  titleShop: "Breakdown · {period} · {shop}",
  summary: "Where the money went, {period}",
  notItemised: "Not itemised by TikTok (settlement − lines)",
  noteSource: "{period} · from statement transactions · days in {zone} · negative = money out",
  noteExact: "Sales before discounts {sales} + every line = settlement {settlement}, exactly.",
  hidden: "…and {count, plural, one {# smaller line} other {# smaller lines}} totalling {amount}",
  sales: "Sales before discounts",
  moneyOut: "Money out (fees, taxes, shipping, refunds, adjustments)",
  moneyIn: "Money in (buyer-paid shipping, credits)",
  affiliate: "Affiliate commission (creators)",
  affiliateDetail: "included in money out; /balance creators for who earned it",
  settlement: "Settlement",
  reserve: "Reserve (released − withheld)",
  reserveDetail: "outside the settlement: TikTok pays settlement + reserve",
  columnWhere: "Where",
  columnAmount: "Amount",
  columnShare: "Share of out",
  moneyInShare: "in",
  none: "No fee or adjustment lines in {period}.",
} as const satisfies Messages;
