import type { Messages } from "../../catalog.ts";

/** `/balance earnings` (a shop's settled statement totals vs the period before). */
export default {
  title: "Earnings · {period} · vs {prior}",
  titleShop: "Earnings · {period} · {shop} · vs {prior}",
  summary: "Settled earnings, compared with {prior}",
  revenue: "Revenue",
  netSales: "Net sales",
  fees: "Fees",
  shipping: "Shipping",
  adjustments: "Adjustments",
  settlement: "Settlement",
  affiliate: "Affiliate commission (in fees)",
  statementsNote:
    "{count, plural, one {# daily statement} other {# daily statements}} · {period} · days in {zone}",
  otherCurrencies: "Also statements in {currencies}: not summed with {currency}.",
  ownDays:
    "Each shop's days are its own: a statement covers the day before its 00:00 UTC stamp, so shops west of UTC (US) end a day earlier.",
  priorDays: "the {days} days before",
  priorWeekday: "the same weekday a week before",
  priorMonthDays: "the same days of the month before",
  priorMonth: "the month before",
  priorSpan: "the span just before",
} as const satisfies Messages;
