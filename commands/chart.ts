import { z } from "zod";
import { buildShopChartSpec } from "../src/charts/shop-chart.ts";
import { defineCommand } from "../src/core/define-command.ts";
import { footer } from "../src/core/format.ts";
import { periodOption, shopOption } from "../src/core/options.ts";
import { resolvePeriod } from "../src/core/periods.ts";
import { pickOneShop } from "../src/core/pick-one-shop.ts";
import { reply } from "../src/core/reply.ts";
import { shopCurrency } from "../src/core/shops.ts";
import { readLastSync } from "../src/storage/repos/balance.ts";

export default defineCommand({
  name: "chart",
  description: "A chart: settled per day as bars, payouts as markers, pending (est.) apart",
  example: "/balance chart 30d",
  options: z.object({ period: periodOption("30d"), shop: shopOption() }),
  async run(ctx, args) {
    const shop = pickOneShop(ctx, args.shop, `/balance chart ${args.period}`);
    const currency = shopCurrency(shop);
    const period = resolvePeriod(args.period, shop.timezone, ctx.now);
    const includesToday = period.end >= resolvePeriod("today", shop.timezone, ctx.now).start;
    const spec = await buildShopChartSpec(ctx.db, { ...shop, currency }, period, {
      includePending: includesToday,
    });
    const png = await ctx.charts.render(spec);
    const lastSync = await readLastSync(ctx.db, shop.id);
    const slug = `${shop.name}-${period.start}-${period.end}`.toLowerCase().replace(/[^a-z0-9-]+/g, "-");
    return reply({
      title: `Chart · ${shop.name} · ${period.label}`,
      summary: `Settled per day, payouts and pending (est.) for ${period.label} (${shop.timezone}, ${currency})`,
      chart: { filename: `chart-${slug}.png`, png, alt: spec.title },
      sections: [],
      footer: footer(ctx, {
        shops: [shop],
        zone: shop.timezone,
        lastSync,
        period: period.label,
      }),
      timestamp: ctx.now,
    });
  },
});
