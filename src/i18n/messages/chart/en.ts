import type { Messages } from "../../catalog.ts";

/** `/balance chart` and the words drawn in the chart PNG (title, legend, summary line). */
export default {
  title: "Chart · {period} · {shop}",
  titleShops: "Chart · {period} · {count, number} shops",
  summary: "Settled per day, payouts and pending (est.) for {period}, one chart per shop",
  note: "Settled per day, payouts and pending (est.) · {period} · days in {zone}",
  chartTitle: "{shop} · settled per day · {period} · {zone} · {currency}",
  legendSettled: "settled",
  legendNegative: "negative day",
  legendPending: "pending (est.) {amount}, not a day: not drawn",
  legendGoal: "goal {amount}/day",
  legendPaid: "payout paid",
  legendProcessing: "payout processing",
  legendFailed: "payout failed",
  summarySettled: "settled {amount} in {days, plural, one {# day} other {# days}}",
  summaryPaid: "paid out {amount} ({count, number})",
  summaryPaidBefore: "paid out {amount} before exchange to {currency} ({count, number})",
  summaryProcessing: "processing {amount}",
  summaryFailed: "{count, plural, one {# failed payout} other {# failed payouts}}",
  waterfallTotal: "total",
  waterfallIn: "money in",
  waterfallOut: "money out",
} as const satisfies Messages;
