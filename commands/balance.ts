import { z } from "zod";
import { creatorBalanceSection } from "../src/core/creator-views.ts";
import type { CommandContext } from "../src/core/define-command.ts";
import { defineCommand } from "../src/core/define-command.ts";
import { age, footer, type Words } from "../src/core/format.ts";
import { estimateNextPayout, estimateNextWithdrawal, type NextWithdrawal } from "../src/core/next-payout.ts";
import { shopOption } from "../src/core/options.ts";
import { payoutStatus, showPayout } from "../src/core/payout-amount.ts";
import { type ReplySection, reply } from "../src/core/reply.ts";
import { pickShops, shopCurrency } from "../src/core/shops.ts";
import { lastSyncIn } from "../src/core/workspace.ts";
import { negate, parseMoney } from "../src/money/index.ts";
import { type BalanceSheet, readBalanceSheets } from "../src/storage/repos/balance.ts";
import { CREATOR_KIND } from "../src/storage/repos/creator-orders.ts";
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
    const { t } = ctx;
    const shops = pickShops(ctx, args.shop);
    // Every shop's balance in one query (creator accounts read their commission apart).
    const sheets = await readBalanceSheets(
      ctx.db,
      shops.filter((s) => s.kind !== CREATOR_KIND).map((s) => s.id),
      {
        paidSince: new Date(ctx.now.getTime() - PAID_WINDOW_DAYS * 86_400_000),
        historySince: new Date(ctx.now.getTime() - HISTORY_DAYS * 86_400_000),
        recent: RECENT_PAYOUTS,
      },
    );
    const sections: ReplySection[] = [];
    const headline: string[] = [];
    let oldestSync: Date | null = null;
    let unsynced = false;
    for (const shop of shops) {
      const result =
        shop.kind === CREATOR_KIND
          ? await creatorBalanceSection(ctx.db, shop, ctx.now, shops.length > 1, ctx)
          : shopSection(ctx, shop, sheets.get(shop.id)!, shops.length > 1);
      sections.push(result.section);
      headline.push(
        shops.length > 1
          ? t("balance.headlineOfShop", { shop: shop.name, headline: result.headline })
          : capitalise(result.headline),
      );
      if (!result.lastSync) unsynced = true;
      else if (!oldestSync || result.lastSync < oldestSync) oldestSync = result.lastSync;
    }
    const zone = shops.length === 1 ? shops[0]!.timezone : t("reports.eachShopZone");
    return reply({
      title:
        shops.length === 1
          ? t("balance.titleShop", { shop: shops[0]!.name })
          : t("balance.titleShops", { count: shops.length }),
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

function shopSection(ctx: CommandContext, shop: ShopRow, sheet: BalanceSheet, titled: boolean) {
  const currency = shopCurrency(shop);
  const { unsettled, settled, paid, recent, reserve, delays, processing, ledger } = sheet;
  const lastSync = lastSyncIn(ctx.scope, shop.id);
  const { t, fmt } = ctx;
  const last = recent.slice(0, 3);
  const next = estimateNextPayout(delays, processing, currency, ctx.now, shop.timezone);
  const settledNow = settled.find((r) => r.currency === currency)?.total ?? "0";
  const weekday = (iso: string) => fmt.date(iso, shop.timezone, "weekday");
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
  const headline = t("balance.headline", {
    balance: available
      ? t("balance.available", { amount: fmt.money(available) })
      : t("balance.settled", { amount: fmt.amount(settledNow, currency) }),
    next:
      withdrawal && available
        ? t("balance.nextPayout", {
            what: describeWithdrawal(ctx, withdrawal, available.units > 0n, weekday),
          })
        : next
          ? paidIn
            ? t("balance.nextExpectedPaidIn", {
                amount: fmt.money(next.amount),
                currency: paidIn,
                day: weekday(next.date),
              })
            : t("balance.nextExpected", { amount: fmt.money(next.amount), day: weekday(next.date) })
          : t("balance.nextUnknown"),
    pending: unsettled
      ? t("balance.pending", { amount: fmt.amount(unsettled.estSettlement, unsettled.currency) })
      : t("balance.pendingNotSynced"),
  });
  const fields = [];
  fields.push({
    label: t("balance.pendingLabel"),
    clock: "pending" as const,
    value: unsettled
      ? t("balance.estimate", { amount: fmt.amount(unsettled.estSettlement, unsettled.currency) })
      : t("core.notSynced"),
    detail: unsettled
      ? t("balance.pendingDetail", { count: unsettled.orderCount, age: age(unsettled.takenAt, ctx.now, ctx) })
      : t("balance.pendingDetailNone"),
  });
  const notes: string[] = [];
  for (const row of ledger) {
    // Withdrawal markets: the withdrawals endpoint is the ledger of the TikTok balance.
    const available = parseMoney(row.total, row.currency);
    const withdrawing = parseMoney(row.withdrawing, row.currency);
    const since = fmt.date(row.since, shop.timezone, "dayYear");
    fields.push({
      label: t("balance.ledgerLabel"),
      clock: "settled" as const,
      value: fmt.money(available),
      detail:
        withdrawing.units !== 0n
          ? t("balance.ledgerDetailWithdrawing", {
              count: row.records,
              since,
              amount: fmt.money(withdrawing),
            })
          : t("balance.ledgerDetail", { count: row.records, since }),
    });
    notes.push(t("balance.ledgerNote"));
    if (available.units < 0n) notes.push(t("balance.negativeNote"));
  }
  for (const other of unsettled?.others ?? []) {
    // Orders in another currency get their own line: currencies are never added together.
    fields.push({
      label: t("balance.pendingInLabel", { currency: other.currency }),
      clock: "pending" as const,
      value: t("balance.estimate", { amount: fmt.amount(other.estSettlement, other.currency) }),
      detail: t("balance.pendingInDetail", { count: other.orderCount, currency: other.currency }),
    });
  }
  const settledRows =
    settled.length > 0 ? settled : ledger.length > 0 ? [] : [{ currency, total: "0", count: 0 }];
  for (const row of settledRows) {
    fields.push({
      label: t("balance.settledLabel"),
      clock: "settled" as const,
      value: fmt.amount(row.total, row.currency),
      detail: t("balance.settledDetail", { count: row.count }),
    });
  }
  const paidRows =
    paid.length > 0 ? paid : [{ currency: last[0]?.currency ?? currency, total: "0", count: 0 }];
  for (const row of paidRows) {
    fields.push({
      label: t("balance.paidLabel", { days: PAID_WINDOW_DAYS }),
      clock: "paid" as const,
      value: fmt.amount(row.total, row.currency),
      detail: t("balance.paidDetail", { count: row.count }),
    });
  }
  for (const row of reserve) {
    const held = negate(parseMoney(row.total, row.currency));
    if (held.units !== 0n) {
      fields.push({
        label: t("balance.reserveLabel"),
        clock: "reserve" as const,
        value: fmt.money(held),
        detail: t("balance.reserveDetail"),
      });
    }
  }
  const zone = shop.timezone;
  const section: ReplySection = {
    fields,
    table: {
      columns: [
        { label: t("balance.columnLastPayouts") },
        { label: t("balance.columnAmount"), align: "right" },
        { label: t("balance.columnStatus") },
        { label: t("balance.columnAccount") },
      ],
      rows: last.map((p) => [
        fmt.date(p.paidTime ?? p.createdTime, zone),
        showPayout(p, ctx),
        payoutStatus(p.status, ctx),
        p.bankAccount ?? "—",
      ]),
    },
    notes: [
      ...(withdrawal?.kind === "usual"
        ? [t("balance.habitNote", { days: withdrawal.everyDays, count: withdrawal.basis + 1 })]
        : []),
      ...(next && !withdrawal
        ? [
            paidIn
              ? t("balance.expectedPaidInNote", { days: next.lagDays, count: next.basis, currency: paidIn })
              : t("balance.expectedNote", { days: next.lagDays, count: next.basis }),
          ]
        : []),
      ledger.length > 0
        ? t("balance.flowLedger", { zone })
        : fields.some((f) => f.clock === "reserve")
          ? t("balance.flowReserve", { zone })
          : t("balance.flow", { zone }),
      ...notes,
    ],
  };
  if (titled) section.title = `${shop.name} (${shop.region}, ${currency})`;
  if (last.length === 0) delete section.table;
  return { section, lastSync, headline };
}

function describeWithdrawal(
  { t, fmt }: Words,
  next: NextWithdrawal,
  positive: boolean,
  weekday: (iso: string) => string,
) {
  if (next.kind === "on-its-way")
    return t("balance.withdrawalOnItsWay", { amount: fmt.money(next.amount), day: weekday(next.requested) });
  if (!positive) return t("balance.nothingToWithdraw");
  if (next.kind === "usual")
    return t("balance.withdrawUsually", { days: next.everyDays, day: weekday(next.date) });
  return t("balance.withdrawInSellerCenter");
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
