import type { Messages } from "../../catalog.ts";

/** `/balance creators` (a seller's commission paid to creators). Order ids stay as they are. */
export default {
  title: "Creators · {period}",
  titleShop: "Creators · {period} · {shop}",
  summary: "Commission paid to creators, {period}",
  footerClock: "settled clock, {period}",
  paid: "Paid to creators",
  paidDetail: "{share} of {sales} sales before discounts",
  ordersNote: "{count} of {orders} orders settled in {period} paid a creator · days in {zone}",
  byOrderNote:
    "TikTok's statement transactions do not name the creator, so commission is shown by order (the largest first).",
  none: "No creator commission in {period}.",
  columnOrder: "Order",
  columnSettled: "Settled",
  columnSales: "Sales",
  columnCommission: "Commission",
  columnRate: "Rate",
} as const satisfies Messages;
