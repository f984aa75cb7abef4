import type { Messages } from "../../catalog.ts";

/** `/balance payouts` (the last payouts). Statuses "paid"/"processing" are in area "reports". */
export default {
  title: "Last {count, number} payouts",
  titleShop: "Last {count, number} payouts · {shop}",
  failed: "⚠ FAILED",
  columnAmount: "Amount",
  columnStatus: "Status",
  columnAccount: "Account",
  columnInitiated: "Initiated",
  columnPaid: "Paid",
  columnStatements: "Statements",
  none: "No payouts synced yet.",
  clock: "Paid-out clock · dates in {zone}",
  clockWithdrawals: "Paid-out clock · dates in {zone} · withdrawals (this market has no automatic payments)",
  failedNote:
    "{count, plural, one {# failed payout} other {# failed payouts}}: check the bank account in Seller Center.",
} as const satisfies Messages;
