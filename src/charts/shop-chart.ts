import { DateTime } from "luxon";
import { daysOf } from "../core/periods.ts";
import { type Locale, translator, type Words } from "../i18n/index.ts";
import { add, parseMoney, toDecimal } from "../money/index.ts";
import type { Db } from "../storage/database.ts";
import { readShopChartData } from "../storage/repos/chart-data.ts";
import type { ShopRow } from "../storage/repos/workspaces.ts";
import type { ChartSpec } from "./port.ts";

/** The chart data of one shop over local days: settled per day, payouts as markers, pending now. */
export async function buildShopChartSpec(
  db: Db,
  shop: ShopRow & { currency: string },
  range: { start: string; end: string; label: string },
  options: { includePending: boolean },
  words: Words & { locale: Locale } = translator("en"),
): Promise<ChartSpec> {
  const zone = shop.timezone;
  const from = DateTime.fromISO(range.start, { zone }).toJSDate();
  const to = DateTime.fromISO(range.end, { zone }).plus({ days: 1 }).toJSDate();
  const { settled, payouts, unsettled } = await readShopChartData(
    db,
    shop.id,
    range,
    { from, to },
    options.includePending,
  );
  const byDay = new Map(settled.filter((r) => r.currency === shop.currency).map((r) => [r.day, r.total]));
  const days = daysOf(range);
  // A cross-border shop is paid in another currency: its payouts are drawn at what left the shop's
  // currency (settlement + reserve, before the exchange), never at a converted amount on this axis.
  const beforeExchange = (p: (typeof payouts)[number]) =>
    p.currency !== shop.currency && p.settlementCurrency === shop.currency && p.settlementAmount
      ? toDecimal(
          add(
            parseMoney(p.settlementAmount, shop.currency),
            parseMoney(p.reserveAmount ?? "0", shop.currency),
          ),
        )
      : null;
  const paidIn = payouts.find((p) => beforeExchange(p) !== null)?.currency;
  return {
    title: words.t("chart.chartTitle", {
      shop: shop.name,
      period: range.label,
      zone,
      currency: shop.currency,
    }),
    currency: shop.currency,
    days,
    settled: days.map((d) => byDay.get(d) ?? "0"),
    payouts: payouts
      .filter((p) => p.currency === shop.currency || beforeExchange(p) !== null)
      .map((p) => ({
        day: DateTime.fromJSDate(p.paidTime ?? p.createdTime, { zone }).toISODate()!,
        amount: beforeExchange(p) ?? p.amount,
        status: p.status as "PAID" | "FAILED" | "PROCESSING",
      }))
      .filter((p) => p.day >= range.start && p.day <= range.end),
    pending: unsettled && unsettled.currency === shop.currency ? unsettled.estSettlement : null,
    ...(paidIn ? { payoutsPaidIn: paidIn } : {}),
    ...(words.locale === "en" ? {} : { locale: words.locale }),
  };
}
