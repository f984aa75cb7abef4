import { z } from "zod";
import { buildShopChartSpec } from "../src/charts/shop-chart.ts";
import { defineCommand } from "../src/core/define-command.ts";
import { periodOption, shopOption } from "../src/core/options.ts";
import { reportPerShop } from "../src/core/per-shop.ts";
import { resolvePeriod } from "../src/core/periods.ts";
import { type ReplyChart, reply } from "../src/core/reply.ts";
import { shopCurrency } from "../src/core/shops.ts";

export default defineCommand({
  name: "chart",
  description: "A chart per shop: settled per day as bars, payouts as markers, pending (est.) apart",
  example: "/balance chart 30d",
  options: z.object({ period: periodOption("30d"), shop: shopOption() }),
  async run(ctx, args) {
    const { t } = ctx;
    const charts: ReplyChart[] = [];
    const report = await reportPerShop(ctx, args, async (shop, period, _several, index) => {
      const currency = shopCurrency(shop);
      const includesToday = period!.end >= resolvePeriod("today", shop.timezone, ctx.now).start;
      const spec = await buildShopChartSpec(
        ctx.db,
        { ...shop, currency },
        period!,
        { includePending: includesToday },
        ctx,
      );
      const slug = `${shop.name}-${period!.start}-${period!.end}`
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-");
      charts.push({
        filename: `chart-${slug}.png`,
        png: await ctx.charts.render(spec),
        alt: spec.title,
        section: index,
      });
      return {
        title: `${shop.name} (${currency})`,
        notes: [t("chart.note", { period: period!.label, zone: shop.timezone })],
      };
    });
    const { label, shops } = report;
    return reply({
      title:
        shops.length === 1
          ? t("chart.title", { period: label, shop: shops[0]!.name })
          : t("chart.titleShops", { period: label, count: shops.length }),
      summary: t("chart.summary", { period: label }),
      charts,
      sections: report.sections,
      footer: report.footer(label),
      timestamp: ctx.now,
    });
  },
});
