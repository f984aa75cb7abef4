import type { Messages } from "../../catalog.ts";

/**
 * Words shared by the reports (per-shop footers, payout amounts and statuses) and what `/balance`
 * and `/balance earnings` show for a creator account (src/core/creator-views.ts).
 */
export default {
  settledClock: "settled clock, {period}",
  eachShopZone: "each shop's zone",
  statusPaid: "paid",
  statusProcessing: "processing",
  statusFailed: "FAILED ⚠",
  payoutConverted: "{paid} ({before} at {rate})",
  unstatedRate: "an unstated rate",
  withCurrency: "{label} · {currency}",
  creatorAccountTitle: "{name} (creator account)",
  creatorAccountNote:
    "A creator account has commission, not statements or payouts: see /balance and /balance earnings.",
  creatorBalanceTitle: "{name} (creator, {region}, {currency})",
  creatorEarningsTitle: "{name} (creator, {currency}) · {period}",
  commissionPending: "Commission pending",
  commissionSettled: "Commission settled",
  commissionSettled30: "Commission settled · last 30 days",
  lost: "Refunded or deducted",
  lost30: "Refunded or deducted · last 30 days",
  earned: "Commission on the period's orders (settled + est.)",
  estimate: "{amount} est.",
  orders: "{count, plural, one {# order} other {# orders}}",
  ordersNotSettled: "{count, plural, one {# order} other {# orders}} not settled yet",
  ordersNotSettledEstimate:
    "{count, plural, one {# order} other {# orders}} not settled yet · TikTok's estimate",
  ordersCreated: "{count, plural, one {# order} other {# orders}} created {period}",
  lostRefunded: "{count, plural, one {# order} other {# orders}}: {refunded, number} refunded",
  lostDeducted: "{count, plural, one {# order} other {# orders}}: {deducted, number} deducted after settling",
  lostBoth:
    "{count, plural, one {# order} other {# orders}}: {refunded, number} refunded, {deducted, number} deducted after settling",
  lostNone: "none",
  withChange: "{detail} · {change}",
  earnedDetail: "settled {settled} + pending {pending} est. · {change}",
  creatorHeadline: "{pending} commission pending (est.) · {settled} settled on orders of the last 30 days",
  creatorBalanceNote:
    "Creator account: affiliate commission. Pending (est.) becomes settled about a week after delivery, unless the order is refunded. Orders count on the day they were created, in {zone}.",
  noPayoutApi:
    "TikTok has no creator payout or balance API: what reached your bank is not shown, only commission per order.",
  creatorEarningsOrders:
    "{count, plural, one {# affiliate order} other {# affiliate orders}} created {period} · days in {zone}",
  creatorEarningsNote:
    "Creator account: commission per order (estimated until TikTok settles it), not statements.",
  digestTitle: "{name} (creator) · {period} · {zone}",
  digestYesterday: "Commission on yesterday's orders (est.)",
  digestSettledSince: "Commission settled since the last digest",
  digestSettledSinceDetail: "{count, plural, one {# order} other {# orders}} since {since}",
  digestMonth: "Commission settled · month to date",
  digestMonthDetail: "orders created {period} · refunded or deducted {amount}",
  digestPendingDetail: "{count, plural, one {# order} other {# orders}} not settled yet · estimate",
  digestNote: "Creator account: commission on affiliate orders, by the day each order was created.",
  digestSynced: "Data from sync {age}.",
  digestNotSynced: "Not synced yet.",
} as const satisfies Messages;
