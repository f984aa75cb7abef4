import { DateTime } from "luxon";
import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { AFFILIATE_FEE_KEYS, feeCategory } from "../src/core/fee-categories.ts";
import { asMoney, share } from "../src/core/format.ts";
import { lineName } from "../src/core/line-names.ts";
import { periodOption, shopOption } from "../src/core/options.ts";
import { reportPerShop } from "../src/core/per-shop.ts";
import { type ReplyField, type ReplySection, reply } from "../src/core/reply.ts";
import { shopCurrency } from "../src/core/shops.ts";
import { compare, formatMoney, negate, sum } from "../src/money/index.ts";
import { readAffiliateOrders } from "../src/storage/repos/creators.ts";
import { readBreakdownTotals } from "../src/storage/repos/rollups.ts";

const TOP_ORDERS = 10;

export default defineCommand({
  name: "creators",
  description: "Commission paid to creators, top orders",
  example: "/balance creators 30d",
  options: z.object({ period: periodOption("30d"), shop: shopOption() }),
  async run(ctx, args) {
    const report = await reportPerShop(ctx, args, async (shop, resolved, several) => {
      const currency = shopCurrency(shop);
      const period = resolved!;
      const [totals, top] = await Promise.all([
        readBreakdownTotals(ctx.db, shop.id, period),
        readAffiliateOrders(ctx.db, shop.id, period, AFFILIATE_FEE_KEYS, TOP_ORDERS),
      ]);
      const mine = totals.filter((t) => t.currency === currency);
      const kinds = mine.filter(
        (t) => t.category.kind === "breakdown" && feeCategory(t.category) === "Affiliate" && t.total !== "0",
      );
      // Paid out of the seller's settlement: shown as the positive amount creators received.
      const paid = negate(
        sum(
          currency,
          kinds.map((t) => asMoney(t.total, currency)),
        ),
      );
      const sales = sum(
        currency,
        mine
          .filter(
            (t) =>
              t.category.kind === "breakdown" &&
              t.category.group === "revenue" &&
              t.category.name === "subtotal_before_discount_amount",
          )
          .map((t) => asMoney(t.total, currency)),
      );
      const fields: ReplyField[] = [
        {
          label: "Paid to creators",
          clock: "settled",
          value: formatMoney(paid),
          detail: `${share(paid, sales)} of ${formatMoney(sales)} sales before discounts`,
        },
        ...kinds
          .sort((a, b) => compare(asMoney(a.total, currency), asMoney(b.total, currency)))
          .map((t) => ({
            label: lineName(t.category),
            clock: "settled" as const,
            value: formatMoney(negate(asMoney(t.total, currency))),
            detail: share(negate(asMoney(t.total, currency)), paid),
          })),
      ];
      const section: ReplySection = {
        fields,
        notes: [
          `${top.count} of ${top.ordersInPeriod} orders settled in ${period.label} paid a creator · days in ${shop.timezone}`,
          "TikTok's statement transactions do not name the creator, so commission is shown by order (the largest first).",
        ],
      };
      if (top.orders.length > 0)
        section.table = {
          columns: [
            { label: "Order" },
            { label: "Settled", align: "right" },
            { label: "Sales", align: "right" },
            { label: "Commission", align: "right" },
            { label: "Rate", align: "right" },
          ],
          rows: top.orders.map((o) => {
            const commission = negate(asMoney(o.commission, currency));
            const orderSales = asMoney(o.sales, currency);
            return [
              o.orderId,
              DateTime.fromISO(o.day).toFormat("LLL d"),
              formatMoney(orderSales),
              formatMoney(commission),
              share(commission, orderSales),
            ];
          }),
        };
      if (paid.units === 0n) section.notes = [`No creator commission in ${period.label}.`];
      if (several) section.title = `${shop.name} (${currency})`;
      return section;
    });
    const { label, shops } = report;
    return reply({
      title: `Creators · ${label}${shops.length === 1 ? ` · ${shops[0]!.name}` : ""}`,
      summary: `Commission paid to creators, ${label}`,
      sections: report.sections,
      footer: report.footer(`settled clock, ${label}`),
      timestamp: ctx.now,
    });
  },
});
