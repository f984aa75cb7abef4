import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { AFFILIATE_FEE_KEYS, feeCategory } from "../src/core/fee-categories.ts";
import { asMoney, share } from "../src/core/format.ts";
import { lineName } from "../src/core/line-names.ts";
import { periodOption, shopOption } from "../src/core/options.ts";
import { reportPerShop } from "../src/core/per-shop.ts";
import { type ReplyField, type ReplySection, reply } from "../src/core/reply.ts";
import { shopCurrency } from "../src/core/shops.ts";
import { compare, negate, sum } from "../src/money/index.ts";
import { readAffiliateOrders } from "../src/storage/repos/creators.ts";
import { readBreakdownTotals } from "../src/storage/repos/rollups.ts";

const TOP_ORDERS = 10;

export default defineCommand({
  name: "creators",
  description: "Commission paid to creators, top orders",
  example: "/balance creators 30d",
  options: z.object({ period: periodOption("30d"), shop: shopOption() }),
  async run(ctx, args) {
    const { t, fmt } = ctx;
    const report = await reportPerShop(ctx, args, async (shop, resolved, several) => {
      const currency = shopCurrency(shop);
      const period = resolved!;
      const [totals, top] = await Promise.all([
        readBreakdownTotals(ctx.db, shop.id, period),
        readAffiliateOrders(ctx.db, shop.id, period, AFFILIATE_FEE_KEYS, TOP_ORDERS),
      ]);
      const mine = totals.filter((r) => r.currency === currency);
      const kinds = mine.filter(
        (r) => r.category.kind === "breakdown" && feeCategory(r.category) === "Affiliate" && r.total !== "0",
      );
      // Paid out of the seller's settlement: shown as the positive amount creators received.
      const paid = negate(
        sum(
          currency,
          kinds.map((r) => asMoney(r.total, currency)),
        ),
      );
      const sales = sum(
        currency,
        mine
          .filter(
            (r) =>
              r.category.kind === "breakdown" &&
              r.category.group === "revenue" &&
              r.category.name === "subtotal_before_discount_amount",
          )
          .map((r) => asMoney(r.total, currency)),
      );
      const fields: ReplyField[] = [
        {
          label: t("creators.paid"),
          clock: "settled",
          value: fmt.money(paid),
          detail: t("creators.paidDetail", { share: share(paid, sales, ctx), sales: fmt.money(sales) }),
        },
        ...kinds
          .sort((a, b) => compare(asMoney(a.total, currency), asMoney(b.total, currency)))
          .map((r) => ({
            label: lineName(r.category, ctx),
            clock: "settled" as const,
            value: fmt.money(negate(asMoney(r.total, currency))),
            detail: share(negate(asMoney(r.total, currency)), paid, ctx),
          })),
      ];
      const section: ReplySection = {
        fields,
        notes: [
          t("creators.ordersNote", {
            count: top.count,
            orders: top.ordersInPeriod,
            period: period.label,
            zone: shop.timezone,
          }),
          t("creators.byOrderNote"),
        ],
      };
      if (top.orders.length > 0)
        section.table = {
          columns: [
            { label: t("creators.columnOrder") },
            { label: t("creators.columnSettled"), align: "right" },
            { label: t("creators.columnSales"), align: "right" },
            { label: t("creators.columnCommission"), align: "right" },
            { label: t("creators.columnRate"), align: "right" },
          ],
          rows: top.orders.map((o) => {
            const commission = negate(asMoney(o.commission, currency));
            const orderSales = asMoney(o.sales, currency);
            return [
              o.orderId,
              fmt.date(o.day, shop.timezone, "day"),
              fmt.money(orderSales),
              fmt.money(commission),
              share(commission, orderSales, ctx),
            ];
          }),
        };
      if (paid.units === 0n) section.notes = [t("creators.none", { period: period.label })];
      if (several) section.title = `${shop.name} (${currency})`;
      return section;
    });
    const { label, shops } = report;
    return reply({
      title:
        shops.length === 1
          ? t("creators.titleShop", { period: label, shop: shops[0]!.name })
          : t("creators.title", { period: label }),
      summary: t("creators.summary", { period: label }),
      sections: report.sections,
      footer: report.footer(t("creators.footerClock", { period: label })),
      timestamp: ctx.now,
    });
  },
});
