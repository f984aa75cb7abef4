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
    const charts: ReplyChart[] = [];
    const report = await reportPerShop(ctx, args, async (shop, period) => {
      const currency = shopCurrency(shop);
      const includesToday = period!.end >= resolvePeriod("today", shop.timezone, ctx.now).start;
      const spec = await buildShopChartSpec(ctx.db, { ...shop, currency }, period!, {
        includePending: includesToday,
      });
      const slug = `${shop.name}-${period!.start}-${period!.end}`
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-");
      charts.push({
        filename: `chart-${slug}.png`,
        png: await ctx.charts.render(spec),
        alt: spec.title,
        section: charts.length,
      });
      return {
        title: `${shop.name} (${currency})`,
        notes: [`Settled per day, payouts and pending (est.) · ${period!.label} · days in ${shop.timezone}`],
      };
    });
    const { label, shops } = report;
    return reply({
      title: `Chart · ${label}${shops.length === 1 ? ` · ${shops[0]!.name}` : ` · ${shops.length} shops`}`,
      summary: `Settled per day, payouts and pending (est.) for ${label}, one chart per shop`,
      charts,
      sections: report.sections,
      footer: report.footer(label),
      timestamp: ctx.now,
    });
  },
});
