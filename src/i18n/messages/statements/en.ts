import type { Messages } from "../../catalog.ts";

/** `/balance statements` (daily statements in a period). */
export default {
  title: "Statements · {period}",
  summary: "Statements for {period}",
  failed: "⚠ FAILED",
  columnDay: "Day",
  columnStatement: "Statement",
  columnSettlement: "Settlement",
  columnRevenue: "Revenue",
  columnFees: "Fees",
  columnPayment: "Payment",
  none: "No statements in {period}.",
  stamped: "{period} · statements are stamped 00:00 UTC and listed on that local date in {zone}",
  newest: "…showing the newest {count, number}; narrow the period for older ones",
  details: "Details of one: /balance statement <id>",
} as const satisfies Messages;
