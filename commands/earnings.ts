import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { asMoney, change } from "../src/core/format.ts";
import { periodOption, shopOption } from "../src/core/options.ts";
import { reportPerShop } from "../src/core/per-shop.ts";
import { type ReplyField, type ReplySection, reply } from "../src/core/reply.ts";
import { shopCurrency } from "../src/core/shops.ts";
import { formatMoney } from "../src/money/index.ts";
import { readCategoryTotals } from "../src/storage/repos/rollups.ts";

const LINES = [
  ["revenue", "Revenue"],
  ["fee", "Fees"],
  ["shipping", "Shipping"],
  ["adjustment", "Adjustments"],
  ["settlement", "Settlement"],
] as const;

export default defineCommand({
  name: "earnings",
  description: "Settled revenue, fees, shipping, adjustments and settlement, vs the prior period",
  example: "/balance earnings 7d",
  options: z.object({ period: periodOption("yesterday"), shop: shopOption() }),
  async run(ctx, args) {
    const report = await reportPerShop(ctx, args, async (shop, period, several) => {
      const currency = shopCurrency(shop);
      const [now, before] = await Promise.all([
        readCategoryTotals(ctx.db, shop.id, period!, "statement"),
        readCategoryTotals(ctx.db, shop.id, period!.prior, "statement"),
      ]);
      const pick = (rows: typeof now, category: string) =>
        asMoney(rows.find((r) => r.category === category && r.currency === currency)?.total, currency);
      // US and UK statements carry no revenue_amount: show net sales there instead of a misleading zero.
      const lines = LINES.map(([category, name]) =>
        category === "revenue" &&
        !now.some((r) => r.category === "revenue") &&
        now.some((r) => r.category === "net_sales")
          ? (["net_sales", "Net sales"] as const)
          : ([category, name] as const),
      );
      const fields: ReplyField[] = lines.map(([category, name]) => ({
        label: name,
        clock: "settled" as const,
        value: formatMoney(pick(now, category)),
        detail: change(pick(now, category), pick(before, category), `(${period!.prior.label})`),
      }));
      const statements = now.find((r) => r.category === "settlement")?.count ?? 0;
      const other = [...new Set(now.map((r) => r.currency))].filter((c) => c !== currency);
      const notes = [
        `${statements} daily statement${statements === 1 ? "" : "s"} · ${period!.label} · days in ${shop.timezone}`,
      ];
      if (other.length > 0)
        notes.push(`Also statements in ${other.join(", ")}: not summed with ${currency}.`);
      const section: ReplySection = { fields, notes };
      if (several) section.title = `${shop.name} (${currency})`;
      return section;
    });
    const { label, shops } = report;
    return reply({
      title: `Earnings · ${label}${shops.length === 1 ? ` · ${shops[0]!.name}` : ""}`,
      summary: `Settled earnings for ${label}`,
      sections: report.sections,
      footer: report.footer(`settled clock, ${label}`),
      timestamp: ctx.now,
    });
  },
});
