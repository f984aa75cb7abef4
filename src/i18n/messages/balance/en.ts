import type { Messages } from "../../catalog.ts";

/** `/balance` (the three clocks of each shop). Creator accounts' words are in area "reports". */
export default {
  titleShop: "Balance · {shop}",
  titleShops: "Balance · {count, plural, one {# shop} other {# shops}}",
  headlineOfShop: "{shop}: {headline}",
  headline: "{balance} · {next} · {pending}",
  available: "{amount} available (TikTok balance, derived)",
  settled: "{amount} settled",
  nextPayout: "next payout: {what}",
  nextExpected: "next payout expected {amount} on {day}",
  nextExpectedPaidIn: "next payout expected {amount} (paid in {currency}) on {day}",
  nextUnknown: "next payout: not enough payment history to estimate",
  pending: "{amount} pending (est.)",
  pendingNotSynced: "pending (est.) not synced yet",
  withdrawalOnItsWay: "{amount} withdrawal on its way (requested {day})",
  nothingToWithdraw: "nothing to withdraw until the balance is above zero",
  withdrawUsually:
    "when you withdraw it; usually every {days, plural, one {# day} other {# days}}, next around {day}",
  withdrawInSellerCenter: "when you withdraw it in Seller Center",
  pendingLabel: "Pending",
  pendingInLabel: "Pending · {currency}",
  estimate: "{amount} est.",
  pendingDetail: "{count, plural, one {# unsettled order} other {# unsettled orders}} · estimate from {age}",
  pendingDetailNone: "estimated from unsettled orders",
  pendingInDetail: "{count, plural, one {# unsettled order} other {# unsettled orders}} in {currency}",
  ledgerLabel: "TikTok balance, available (settled, derived)",
  ledgerDetail: "{count, plural, one {# ledger record} other {# ledger records}} since {since}",
  ledgerDetailWithdrawing:
    "{count, plural, one {# ledger record} other {# ledger records}} since {since} · {amount} withdrawal on its way",
  ledgerNote:
    "Available balance is derived, not read: TikTok has no balance API, so it is the sum of the withdrawals ledger (settlements + transfers − withdrawals + reversed withdrawals) since its first record.",
  negativeNote: "⚠ The balance is negative: withdrawals are blocked until sales cover it.",
  settledLabel: "Settled, awaiting payout",
  settledDetail: "{count, plural, one {# statement} other {# statements}} with payment processing",
  paidLabel: "Paid out · last {days, number} days",
  paidDetail: "{count, plural, one {# payout} other {# payouts}}",
  reserveLabel: "Reserve held",
  reserveDetail: "withheld by TikTok, released later",
  columnLastPayouts: "Last payouts",
  columnAmount: "Amount",
  columnStatus: "Status",
  columnAccount: "Account",
  habitNote:
    "Expected: this shop withdrew a median {days, plural, one {# day} other {# days}} apart over its last {count, number} withdrawals; the seller starts each withdrawal in Seller Center, so this is a habit, not a schedule.",
  expectedNote:
    "Expected: statements are paid a median {days, plural, one {# day} other {# days}} after their date in this shop's last {count, number} payments; an estimate, not a promise.",
  expectedPaidInNote:
    "Expected: statements are paid a median {days, plural, one {# day} other {# days}} after their date in this shop's last {count, number} payments; an estimate, not a promise. Payouts arrive in {currency}, converted at the rate TikTok states on each payment; the amount before the exchange is shown beside it.",
  flowLedger: "Pending (est.) settles into the TikTok balance; a withdrawal pays it out. Days in {zone}.",
  flow: "Pending (est.) becomes settled, then paid out. Days in {zone}.",
  flowReserve:
    "Pending (est.) becomes settled, then paid out; reserve is held back by TikTok. Days in {zone}.",
} as const satisfies Messages;
