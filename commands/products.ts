import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { asMoney, share } from "../src/core/format.ts";
import { periodOption, shopOption } from "../src/core/options.ts";
import { reportPerShop } from "../src/core/per-shop.ts";
import { type ReplySection, reply } from "../src/core/reply.ts";
import { shopCurrency } from "../src/core/shops.ts";
import { sum } from "../src/money/index.ts";
import { readTopProducts } from "../src/storage/repos/products.ts";

const TOP = 10;

export default defineCommand({
  name: "products",
  description: "Top products by settlement, with quantity and share",
  example: "/balance products 30d",
  options: z.object({ period: periodOption("30d"), shop: shopOption() }),
  async run(ctx, args) {
    const { t, fmt } = ctx;
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
            { label: t("products.columnProduct") },
            { label: t("products.columnQty"), align: "right" },
            { label: t("products.columnSettlement"), align: "right" },
            { label: t("products.columnShare"), align: "right" },
          ],
          rows: rows.slice(0, TOP).map((r) => {
            const amount = asMoney(r.settlement, currency);
            return [
              r.product.length > 40 ? `${r.product.slice(0, 39)}…` : r.product,
              fmt.number(r.quantity),
              fmt.money(amount),
              share(amount, total, ctx),
            ];
          }),
        },
        notes: [
          t("products.source", { period: period.label, zone: shop.timezone }),
          top.cached >= top.orders
            ? t("products.allIncluded", { count: top.orders })
            : // An imported shop has no API to ask: its products come from the export's SKU columns.
              t(shop.provider === "csv" ? "products.csvPartial" : "products.apiPartial", {
                cached: top.cached,
                orders: top.orders,
              }),
          ...(rows.length > TOP ? [t("products.more", { count: rows.length - TOP })] : []),
        ],
      };
      if (several) section.title = `${shop.name} (${currency})`;
      if (rows.length === 0) delete section.table;
      return section;
    });
    const { label, sections } = report;
    return reply({
      title: t("products.title", { period: label }),
      summary: t("products.summary", { period: label }),
      sections,
      footer: report.footer(t("reports.settledClock", { period: label })),
      timestamp: ctx.now,
    });
  },
});
