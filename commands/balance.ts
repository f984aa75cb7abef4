import { DateTime } from "luxon";
import { z } from "zod";
import type { CommandContext } from "../src/core/define-command.ts";
import { defineCommand } from "../src/core/define-command.ts";
import { footer, show } from "../src/core/format.ts";
import { estimateNextPayout, estimateNextWithdrawal, type NextWithdrawal } from "../src/core/next-payout.ts";
import { shopOption } from "../src/core/options.ts";
import { showPayout } from "../src/core/payout-amount.ts";
import { formatAge } from "../src/core/periods.ts";
import { type ReplySection, reply } from "../src/core/reply.ts";
import { pickShops, shopCurrency } from "../src/core/shops.ts";
import { formatMoney, negate, parseMoney } from "../src/money/index.ts";
import {
  readLastPayouts,
  readLastSync,
  readPaidSince,
  readPaymentDelays,
  readProcessingStatements,
  readReserve,
  readSettledAwaiting,
  readUnsettled,
} from "../src/storage/repos/balance.ts";
import { readLedgerBalance } from "../src/storage/repos/ledger.ts";
import type { ShopRow } from "../src/storage/repos/workspaces.ts";

const PAID_WINDOW_DAYS = 30;
/** How far back the statement-to-payment delays are read for the next payout's estimate. */
const HISTORY_DAYS = 60;
/** How many recent payouts are read: the last three are listed, all give a withdrawal habit. */
const RECENT_PAYOUTS = 12;

export default defineCommand({
  name: "",
  description: "Your money on all three clocks: pending (est.), settled awaiting payout, paid out",
  example: "/balance",
  options: z.object({ shop: shopOption() }),
  async run(ctx, args) {
    const shops = pickShops(ctx, args.shop);
    const sections: ReplySection[] = [];
    const headline: string[] = [];
    let oldestSync: Date | null = null;
    let unsynced = false;
    for (const shop of shops) {
      const result = await shopSection(ctx, shop, shops.length > 1);
      sections.push(result.section);
      headline.push(shops.length > 1 ? `${shop.name}: ${result.headline}` : capitalise(result.headline));
      if (!result.lastSync) unsynced = true;
      else if (!oldestSync || result.lastSync < oldestSync) oldestSync = result.lastSync;
    }
    const zone = shops.length === 1 ? shops[0]!.timezone : "each shop's zone";
    return reply({
      title: shops.length === 1 ? `Balance · ${shops[0]!.name}` : `Balance · ${shops.length} shops`,
      headline,
      sections,
      footer: footer(ctx, {
        shops,
        zone,
        lastSync: unsynced ? null : oldestSync,
      }),
      timestamp: ctx.now,
    });
  },
});

async function shopSection(ctx: CommandContext, shop: ShopRow, titled: boolean) {
  const currency = shopCurrency(shop);
  const since = new Date(ctx.now.getTime() - PAID_WINDOW_DAYS * 86_400_000);
  const [unsettled, settled, paid, recent, reserve, lastSync, delays, processing, ledger] = await Promise.all(
    [
      readUnsettled(ctx.db, shop.id),
      readSettledAwaiting(ctx.db, shop.id),
      readPaidSince(ctx.db, shop.id, since),
      readLastPayouts(ctx.db, shop.id, RECENT_PAYOUTS),
      readReserve(ctx.db, shop.id),
      readLastSync(ctx.db, shop.id),
      readPaymentDelays(ctx.db, shop.id, new Date(ctx.now.getTime() - HISTORY_DAYS * 86_400_000)),
      readProcessingStatements(ctx.db, shop.id),
      readLedgerBalance(ctx.db, shop.id),
    ],
  );
  const last = recent.slice(0, 3);
  const next = estimateNextPayout(delays, processing, currency, ctx.now, shop.timezone);
  const settledNow = settled.find((r) => r.currency === currency)?.total ?? "0";
  const weekday = (iso: string) => DateTime.fromISO(iso, { zone: shop.timezone }).toFormat("ccc LLL d");
  // Withdrawal markets: the headline is the ledger's available balance, and the next payout is
  // whatever the seller withdraws (TikTok pays nothing out on its own there).
  const book = ledger.find((r) => r.currency === currency) ?? ledger[0];
  const withdrawal = book
    ? estimateNextWithdrawal(
        recent.filter((p) => p.source === "withdrawal"),
        book.currency,
        ctx.now,
        shop.timezone,
      )
    : null;
  // A cross-border shop paid in another currency: the estimate is in the settlement currency,
  // and TikTok converts it at the payment's own rate.
  const paidIn = recent.find(
    (p) => p.source === "payment" && p.settlementCurrency === currency && p.currency !== currency,
  )?.currency;
  const available = book ? parseMoney(book.total, book.currency) : null;
  const headline = [
    available
      ? `${formatMoney(available)} available (TikTok balance, derived)`
      : `${show(settledNow, currency)} settled`,
    withdrawal && available
      ? `next payout: ${describeWithdrawal(withdrawal, available.units > 0n, weekday)}`
      : next
        ? `next payout expected ${formatMoney(next.amount)}${paidIn ? ` (paid in ${paidIn})` : ""} on ${weekday(next.date)}`
        : "next payout: not enough payment history to estimate",
    unsettled
      ? `${show(unsettled.estSettlement, unsettled.currency)} pending (est.)`
      : "pending (est.) not synced yet",
  ].join(" · ");
  const fields = [];
  fields.push({
    label: "Pending",
    clock: "pending" as const,
    value: unsettled ? `${show(unsettled.estSettlement, unsettled.currency)} est.` : "not synced yet",
    detail: unsettled
      ? `${unsettled.orderCount} unsettled order${unsettled.orderCount === 1 ? "" : "s"} · estimate from ${formatAge(unsettled.takenAt, ctx.now)}`
      : "estimated from unsettled orders",
  });
  const notes: string[] = [];
  for (const row of ledger) {
    // Withdrawal markets: the withdrawals endpoint is the ledger of the TikTok balance.
    const available = parseMoney(row.total, row.currency);
    const withdrawing = parseMoney(row.withdrawing, row.currency);
    const since = DateTime.fromJSDate(row.since, { zone: shop.timezone }).toFormat("LLL d, yyyy");
    fields.push({
      label: "TikTok balance, available (settled, derived)",
      clock: "settled" as const,
      value: formatMoney(available),
      detail: `${row.records} ledger record${row.records === 1 ? "" : "s"} since ${since}${withdrawing.units !== 0n ? ` · ${formatMoney(withdrawing)} withdrawal on its way` : ""}`,
    });
    notes.push(
      "Available balance is derived, not read: TikTok has no balance API, so it is the sum of the withdrawals ledger (settlements + transfers − withdrawals + reversed withdrawals) since its first record.",
    );
    if (available.units < 0n)
      notes.push("⚠ The balance is negative: withdrawals are blocked until sales cover it.");
  }
  for (const other of unsettled?.others ?? []) {
    // Orders in another currency get their own line: currencies are never added together.
    fields.push({
      label: `Pending · ${other.currency}`,
      clock: "pending" as const,
      value: `${show(other.estSettlement, other.currency)} est.`,
      detail: `${other.orderCount} unsettled order${other.orderCount === 1 ? "" : "s"} in ${other.currency}`,
    });
  }
  const settledRows =
    settled.length > 0 ? settled : ledger.length > 0 ? [] : [{ currency, total: "0", count: 0 }];
  for (const row of settledRows) {
    fields.push({
      label: "Settled, awaiting payout",
      clock: "settled" as const,
      value: show(row.total, row.currency),
      detail: `${row.count} statement${row.count === 1 ? "" : "s"} with payment processing`,
    });
  }
  const paidRows =
    paid.length > 0 ? paid : [{ currency: last[0]?.currency ?? currency, total: "0", count: 0 }];
  for (const row of paidRows) {
    fields.push({
      label: `Paid out · last ${PAID_WINDOW_DAYS} days`,
      clock: "paid" as const,
      value: show(row.total, row.currency),
      detail: `${row.count} payout${row.count === 1 ? "" : "s"}`,
    });
  }
  for (const row of reserve) {
    const held = negate(parseMoney(row.total, row.currency));
    if (held.units !== 0n) {
      fields.push({
        label: "Reserve held",
        clock: "reserve" as const,
        value: formatMoney(held),
        detail: "withheld by TikTok, released later",
      });
    }
  }
  const zone = shop.timezone;
  const section: ReplySection = {
    fields,
    table: {
      columns: [
        { label: "Last payouts" },
        { label: "Amount", align: "right" },
        { label: "Status" },
        { label: "Account" },
      ],
      rows: last.map((p) => [
        DateTime.fromJSDate(p.paidTime ?? p.createdTime, { zone }).toFormat("LLL d"),
        showPayout(p),
        p.status === "FAILED" ? "FAILED ⚠" : p.status === "PAID" ? "paid" : "processing",
        p.bankAccount ?? "—",
      ]),
    },
    notes: [
      ...(withdrawal?.kind === "usual"
        ? [
            `Expected: this shop withdrew a median ${withdrawal.everyDays} day${withdrawal.everyDays === 1 ? "" : "s"} apart over its last ${withdrawal.basis + 1} withdrawals; the seller starts each withdrawal in Seller Center, so this is a habit, not a schedule.`,
          ]
        : []),
      ...(next && !withdrawal
        ? [
            `Expected: statements are paid a median ${next.lagDays} day${next.lagDays === 1 ? "" : "s"} after their date in this shop's last ${next.basis} payments; an estimate, not a promise.${paidIn ? ` Payouts arrive in ${paidIn}, converted at the rate TikTok states on each payment; the amount before the exchange is shown beside it.` : ""}`,
          ]
        : []),
      ledger.length > 0
        ? `Pending (est.) settles into the TikTok balance; a withdrawal pays it out. Days in ${zone}.`
        : `Pending (est.) becomes settled, then paid out${fields.some((f) => f.clock === "reserve") ? "; reserve is held back by TikTok" : ""}. Days in ${zone}.`,
      ...notes,
    ],
  };
  if (titled) section.title = `${shop.name} (${shop.region}, ${currency})`;
  if (last.length === 0) delete section.table;
  return { section, lastSync, headline };
}

function describeWithdrawal(next: NextWithdrawal, positive: boolean, weekday: (iso: string) => string) {
  if (next.kind === "on-its-way")
    return `${formatMoney(next.amount)} withdrawal on its way (requested ${weekday(next.requested)})`;
  if (!positive) return "nothing to withdraw until the balance is above zero";
  if (next.kind === "usual")
    return `when you withdraw it; usually every ${next.everyDays} day${next.everyDays === 1 ? "" : "s"}, next around ${weekday(next.date)}`;
  return "when you withdraw it in Seller Center";
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
