import type { Messages } from "../../catalog.ts";

/** `/balance statement <id>` (one statement by transaction type). Field names are in area "earnings". */
export default {
  badId: "is not a statement id (digits, as shown by /balance statements)",
  title: "Statement {id} · {day} · {shop}",
  summary:
    "Settlement {amount}, payment {status, select, PAID {PAID} PROCESSING {PROCESSING} FAILED {FAILED} other {{raw}}}",
  payment: "payment {status, select, PAID {paid} PROCESSING {processing} FAILED {failed} other {{raw}}}",
  paymentPayout:
    "payment {status, select, PAID {paid} PROCESSING {processing} FAILED {failed} other {{raw}}} · payout {payout}",
  columnType: "Type",
  columnCount: "Count",
  columnFeesTax: "Fees & tax",
  notSynced: "Its transactions have not been synced yet.",
  stamped: "Stamped {at} UTC, shown on {day} in {zone}",
  notFound: "no statement {id} in this workspace's shops; list them with /balance statements",
} as const satisfies Messages;
