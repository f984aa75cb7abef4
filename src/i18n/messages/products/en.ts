import type { Messages } from "../../catalog.ts";

/** `/balance products` (top products by settlement). */
export default {
  title: "Top products · {period}",
  summary: "Top products by settlement, {period}",
  columnProduct: "Product",
  columnQty: "Qty",
  columnSettlement: "Settlement",
  columnShare: "Share",
  source: "{period} · settled orders · days in {zone}",
  allIncluded: "All {count, number} orders included.",
  csvPartial:
    "Products for {cached, number} of {orders, number} orders: the other orders' export rows have no SKU ID column.",
  apiPartial:
    "Product details for {cached, number} of {orders, number} orders so far; the rest are fetched gradually within the API's rate limit.",
  more: "…and {count, number} more products",
} as const satisfies Messages;
