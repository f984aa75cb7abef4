/**
 * What `/balance`, `/balance earnings` and the daily digest show for a creator account (a linked
 * account of kind "creator"): commission instead of statements and payouts. Orders count in the
 * period of the day they were created, in the account's zone; every figure says its clock.
 */
import { translator, type Words } from "../i18n/index.ts";
import { add, parseMoney } from "../money/index.ts";
import type { Db } from "../storage/database.ts";
import { readLastSync } from "../storage/repos/balance.ts";
import { readCreatorSettledBetween, readCreatorTotals } from "../storage/repos/creator-orders.ts";
import type { ShopRow } from "../storage/repos/workspaces.ts";
import { type CommissionFigures, commissionFigures } from "./creator-commission.ts";
import { age, change } from "./format.ts";
import { type Period, resolvePeriod } from "./periods.ts";
import type { ReplyField, ReplySection } from "./reply.ts";

/** The window `/balance` shows settled and lost commission for (as payouts: the last 30 days). */
const BALANCE_DAYS = "30d";
const ENGLISH = translator("en");

function currencyOf(account: ShopRow): string {
  return account.currency ?? "USD";
}

/** A label, with the currency after it when the account has orders in several. */
function labelled(label: string, f: CommissionFigures, several: boolean, { t }: Words): string {
  return several ? t("reports.withCurrency", { label, currency: f.currency }) : label;
}

/** "23 orders: 15 refunded, 8 deducted after settling" (or "none"). */
function lostIn(f: CommissionFigures, { t }: Words): string {
  const values = {
    count: f.refundedOrders + f.deductedOrders,
    refunded: f.refundedOrders,
    deducted: f.deductedOrders,
  };
  if (f.refundedOrders > 0 && f.deductedOrders > 0) return t("reports.lostBoth", values);
  if (f.refundedOrders > 0) return t("reports.lostRefunded", values);
  if (f.deductedOrders > 0) return t("reports.lostDeducted", values);
  return t("reports.lostNone");
}

/** What a shop-only report (statements, payouts, breakdown, …) says of a creator account. */
export function creatorAccountNote(account: ShopRow, { t }: Words = ENGLISH): ReplySection {
  return {
    title: t("reports.creatorAccountTitle", { name: account.name }),
    notes: [t("reports.creatorAccountNote")],
  };
}

/** `/balance` for a creator account: pending (all open orders), settled and lost over 30 days. */
export async function creatorBalanceSection(
  db: Db,
  account: ShopRow,
  now: Date,
  titled: boolean,
  words: Words = ENGLISH,
): Promise<{ section: ReplySection; headline: string; lastSync: Date | null }> {
  const { t, fmt } = words;
  const window = resolvePeriod(BALANCE_DAYS, account.timezone, now, words);
  const [all, recent, lastSync] = await Promise.all([
    readCreatorTotals(db, account.id),
    readCreatorTotals(db, account.id, window),
    readLastSync(db, account.id),
  ]);
  const main = currencyOf(account);
  const pending = commissionFigures(all, main);
  const windowed = commissionFigures(recent, main);
  const several = pending.length > 1;
  const fields: ReplyField[] = [];
  for (const f of pending) {
    fields.push({
      label: labelled(t("reports.commissionPending"), f, several, words),
      clock: "pending",
      value: t("reports.estimate", { amount: fmt.money(f.estimated) }),
      detail: t("reports.ordersNotSettledEstimate", { count: f.estimatedOrders }),
    });
  }
  for (const f of windowed) {
    fields.push({
      label: labelled(t("reports.commissionSettled30"), f, several, words),
      clock: "settled",
      value: fmt.money(f.settled),
      detail: t("reports.ordersCreated", { count: f.settledOrders, period: window.label }),
    });
    fields.push({
      label: labelled(t("reports.lost30"), f, several, words),
      clock: "settled",
      value: fmt.money(f.lost),
      detail: lostIn(f, words),
    });
  }
  const first = pending[0]!;
  const settled = windowed[0]!;
  const headline = t("reports.creatorHeadline", {
    pending: fmt.money(first.estimated),
    settled: fmt.money(settled.settled),
  });
  const section: ReplySection = {
    fields,
    notes: [t("reports.creatorBalanceNote", { zone: account.timezone }), t("reports.noPayoutApi")],
  };
  if (titled)
    section.title = t("reports.creatorBalanceTitle", {
      name: account.name,
      region: account.region,
      currency: main,
    });
  return { section, headline, lastSync };
}

/** `/balance earnings` for a creator account: the period's orders by clock, vs the prior period. */
export async function creatorEarningsSection(
  db: Db,
  account: ShopRow,
  period: Period,
  several: boolean,
  words: Words = ENGLISH,
): Promise<ReplySection> {
  const { t, fmt } = words;
  const [now, before] = await Promise.all([
    readCreatorTotals(db, account.id, period),
    readCreatorTotals(db, account.id, period.prior),
  ]);
  const main = currencyOf(account);
  const prior = new Map(commissionFigures(before, main).map((f) => [f.currency, f]));
  const figures = commissionFigures(now, main);
  const fields: ReplyField[] = [];
  for (const f of figures) {
    const p = prior.get(f.currency) ?? commissionFigures([], f.currency)[0]!;
    const label = (text: string) => labelled(text, f, figures.length > 1, words);
    // Recent orders have not settled yet: only what the period's orders earn in all (settled
    // plus the estimate of the rest) compares fairly with the period before.
    const earned = add(f.settled, f.estimated);
    fields.push(
      {
        label: label(t("reports.earned")),
        value: fmt.money(earned),
        detail: t("reports.earnedDetail", {
          settled: fmt.money(f.settled),
          pending: fmt.money(f.estimated),
          change: change(earned, add(p.settled, p.estimated), undefined, words),
        }),
      },
      {
        label: label(t("reports.commissionSettled")),
        clock: "settled",
        value: fmt.money(f.settled),
        detail: t("reports.orders", { count: f.settledOrders }),
      },
      {
        label: label(t("reports.commissionPending")),
        clock: "pending",
        value: t("reports.estimate", { amount: fmt.money(f.estimated) }),
        detail: t("reports.ordersNotSettled", { count: f.estimatedOrders }),
      },
      {
        label: label(t("reports.lost")),
        clock: "settled",
        value: fmt.money(f.lost),
        detail: t("reports.withChange", {
          detail: lostIn(f, words),
          change: change(f.lost, p.lost, "cost", words),
        }),
      },
    );
  }
  const orders = figures.reduce(
    (n, f) => n + f.estimatedOrders + f.settledOrders + f.refundedOrders + f.deductedOrders,
    0,
  );
  const section: ReplySection = {
    fields,
    notes: [
      t("reports.creatorEarningsOrders", { count: orders, period: period.label, zone: account.timezone }),
      t("reports.creatorEarningsNote"),
    ],
  };
  if (several)
    section.title = t("reports.creatorEarningsTitle", {
      name: account.name,
      currency: main,
      period: period.label,
    });
  return section;
}

/**
 * The digest's section for a creator account: yesterday's new orders (estimated), commission that
 * settled since the last digest, month to date settled, and everything still pending.
 */
export async function creatorDigestSection(
  db: Db,
  account: ShopRow,
  now: Date,
  since: Date,
  words: Words = ENGLISH,
): Promise<ReplySection> {
  const { t, fmt } = words;
  const zone = account.timezone;
  const yesterday = resolvePeriod("yesterday", zone, now, words);
  const month = resolvePeriod("mtd", zone, now, words);
  const [day, weekBefore, monthRows, all, arrived, lastSync] = await Promise.all([
    readCreatorTotals(db, account.id, yesterday),
    readCreatorTotals(db, account.id, yesterday.prior),
    readCreatorTotals(db, account.id, month),
    readCreatorTotals(db, account.id),
    readCreatorSettledBetween(db, account.id, since, now),
    readLastSync(db, account.id),
  ]);
  const main = currencyOf(account);
  const earned = (rows: typeof day) => {
    const f = commissionFigures(rows, main)[0]!;
    // A day's new business: what its orders are expected (or already settled) to earn.
    return { f, total: add(f.estimated, f.settled) };
  };
  const today = earned(day);
  const prior = earned(weekBefore);
  const m = commissionFigures(monthRows, main)[0]!;
  const open = commissionFigures(all, main)[0]!;
  const settledNow = arrived.find((a) => a.currency === main);
  const settledMoney = parseMoney(settledNow?.actual ?? "0", main);
  const dayOrders =
    today.f.estimatedOrders + today.f.settledOrders + today.f.refundedOrders + today.f.deductedOrders;
  const sinceText = `${fmt.date(since, zone)} ${fmt.time(since, zone)}`;
  const fields: ReplyField[] = [
    {
      label: t("reports.digestYesterday"),
      clock: "pending",
      value: fmt.money(today.total),
      detail: t("reports.withChange", {
        detail: t("reports.orders", { count: dayOrders }),
        change: change(today.total, prior.total, undefined, words),
      }),
    },
    {
      label: t("reports.digestSettledSince"),
      clock: "settled",
      value: fmt.money(settledMoney),
      detail: t("reports.digestSettledSinceDetail", { count: settledNow?.orders ?? 0, since: sinceText }),
    },
    {
      label: t("reports.digestMonth"),
      clock: "settled",
      value: fmt.money(m.settled),
      detail: t("reports.digestMonthDetail", { period: month.label, amount: fmt.money(m.lost) }),
    },
    {
      label: t("reports.commissionPending"),
      clock: "pending",
      value: t("reports.estimate", { amount: fmt.money(open.estimated) }),
      detail: t("reports.digestPendingDetail", { count: open.estimatedOrders }),
    },
  ];
  return {
    title: t("reports.digestTitle", { name: account.name, period: yesterday.label, zone }),
    fields,
    notes: [
      t("reports.digestNote"),
      lastSync ? t("reports.digestSynced", { age: age(lastSync, now, words) }) : t("reports.digestNotSynced"),
    ],
  };
}
