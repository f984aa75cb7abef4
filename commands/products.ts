import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { asMoney, share } from "../src/core/format.ts";
import { periodOption, shopOption } from "../src/core/options.ts";
import { reportPerShop } from "../src/core/per-shop.ts";
import { type ReplySection, reply } from "../src/core/reply.ts";
import { shopCurrency } from "../src/core/shops.ts";
import { formatMoney, sum } from "../src/money/index.ts";
import { readTopProducts } from "../src/storage/repos/products.ts";

const TOP = 10;

export default defineCommand({
  name: "products",
  description: "Top products by settlement, with quantity and share",
  example: "/balance products 30d",
  options: z.object({ period: periodOption("30d"), shop: shopOption() }),
  async run(ctx, args) {
    const report = await reportPerShop(ctx, args, async (shop, resolved, several) => {
      const currency = shopCurrency(shop);
      const period = resolved!;
      const top = await readTopProducts(ctx.db, shop.id, period, 200);
      const rows = top.rows.filter((r) => r.currency === currency);
      const total = sum(
        currency,
        rows.map((r) => asMoney(r.settlement, currency)),
      );
      const section: ReplySection = {
        table: {
          columns: [
            { label: "Product" },
            { label: "Qty", align: "right" },
            { label: "Settlement", align: "right" },
            { label: "Share", align: "right" },
          ],
          rows: rows.slice(0, TOP).map((r) => {
            const amount = asMoney(r.settlement, currency);
            return [
              r.product.length > 40 ? `${r.product.slice(0, 39)}…` : r.product,
              String(r.quantity),
              formatMoney(amount),
              share(amount, total),
            ];
          }),
        },
        notes: [
          `${period.label} · settled orders · days in ${shop.timezone}`,
          top.cached >= top.orders
            ? `All ${top.orders} orders included.`
            : shop.provider === "csv"
              ? // An imported shop has no API to ask: its products come from the export's SKU columns.
                `Products for ${top.cached} of ${top.orders} orders: the other orders' export rows have no SKU ID column.`
              : `Product details for ${top.cached} of ${top.orders} orders so far; the rest are fetched gradually within the API's rate limit.`,
          ...(rows.length > TOP ? [`…and ${rows.length - TOP} more products`] : []),
        ],
      };
      if (several) section.title = `${shop.name} (${currency})`;
      if (rows.length === 0) delete section.table;
      return section;
    });
    const { label, sections } = report;
    return reply({
      title: `Top products · ${label}`,
      summary: `Top products by settlement, ${label}`,
      sections,
      footer: report.footer(`settled clock, ${label}`),
      timestamp: ctx.now,
    });
  },
});
