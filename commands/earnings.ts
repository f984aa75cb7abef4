import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { feeCategory } from "../src/core/fee-categories.ts";
import { asMoney, change } from "../src/core/format.ts";
import { periodOption, shopOption } from "../src/core/options.ts";
import { reportPerShop } from "../src/core/per-shop.ts";
import { type ReplyField, type ReplySection, reply } from "../src/core/reply.ts";
import { shopCurrency } from "../src/core/shops.ts";
import { formatMoney, sum } from "../src/money/index.ts";
import type { StatementField } from "../src/storage/categories.ts";
import { readBreakdownTotals, readStatementTotals } from "../src/storage/repos/rollups.ts";

const LINES = [
  ["revenue", "Revenue"],
  ["fee", "Fees"],
  ["shipping", "Shipping"],
  ["adjustment", "Adjustments"],
  ["settlement", "Settlement"],
] as const;
/** Costs read the other way round: smaller is better. */
const COSTS = new Set<StatementField>(["fee", "shipping"]);

export default defineCommand({
  name: "earnings",
  description: "Settled revenue, fees, shipping, adjustments and settlement, vs the prior period",
  example: "/balance earnings 7d",
  options: z.object({ period: periodOption("yesterday"), shop: shopOption() }),
  async run(ctx, args) {
    const labels = new Map<string, { now: string; prior: string }>();
    const report = await reportPerShop(ctx, args, async (shop, period, several) => {
      const currency = shopCurrency(shop);
      const [now, before, linesNow, linesBefore] = await Promise.all([
        readStatementTotals(ctx.db, shop.id, period!),
        readStatementTotals(ctx.db, shop.id, period!.prior),
        readBreakdownTotals(ctx.db, shop.id, period!),
        readBreakdownTotals(ctx.db, shop.id, period!.prior),
      ]);
      const pick = (rows: typeof now, field: StatementField) =>
        asMoney(rows.find((r) => r.field === field && r.currency === currency)?.total, currency);
      // US and UK statements carry no revenue_amount: show net sales there instead of a misleading zero.
      const lines = LINES.map(([category, name]) =>
        category === "revenue" &&
        !now.some((r) => r.field === "revenue") &&
        now.some((r) => r.field === "net_sales")
          ? (["net_sales", "Net sales"] as const)
          : ([category, name] as const),
      );
      const fields: ReplyField[] = lines.map(([category, name]) => ({
        label: name,
        clock: "settled" as const,
        value: formatMoney(pick(now, category)),
        detail: change(pick(now, category), pick(before, category), COSTS.has(category) ? "cost" : "income"),
      }));
      // What creators earned on the shop's sales (every affiliate fee field), its own line inside the fees.
      const affiliateOf = (rows: typeof linesNow) =>
        sum(
          currency,
          rows
            .filter((r) => r.currency === currency && feeCategory(r.category) === "Affiliate")
            .map((r) => asMoney(r.total, currency)),
        );
      const affiliate = affiliateOf(linesNow);
      const affiliateBefore = affiliateOf(linesBefore);
      if (affiliate.units !== 0n || affiliateBefore.units !== 0n)
        fields.splice(fields.findIndex((f) => f.label === "Fees") + 1, 0, {
          label: "Affiliate commission (in fees)",
          clock: "settled",
          value: formatMoney(affiliate),
          detail: change(affiliate, affiliateBefore, "cost"),
        });
      const statements = now.find((r) => r.field === "settlement")?.count ?? 0;
      const other = [...new Set(now.map((r) => r.currency))].filter((c) => c !== currency);
      const notes = [
        `${statements} daily statement${statements === 1 ? "" : "s"} · ${period!.label} · days in ${shop.timezone}`,
      ];
      labels.set(shop.name, { now: period!.label, prior: period!.prior.label });
      if (other.length > 0)
        notes.push(`Also statements in ${other.join(", ")}: not summed with ${currency}.`);
      const section: ReplySection = { fields, notes };
      if (several) section.title = `${shop.name} (${currency}) · ${period!.label}`;
      return section;
    });
    const { label, shops } = report;
    const spans = [...labels.values()];
    const same = spans.every((s) => s.now === spans[0]?.now && s.prior === spans[0]?.prior);
    if (!same && report.sections[0]) {
      // Statements are stamped 00:00 UTC and count on the local day they cover: zones west of UTC end a day earlier.
      report.sections[0].notes = [
        ...(report.sections[0].notes ?? []),
        "Each shop's days are its own: a statement covers the day before its 00:00 UTC stamp, so shops west of UTC (US) end a day earlier.",
      ];
    }
    return reply({
      // The comparison period is said once, here, not on every line.
      title: `Earnings · ${same ? label : args.period}${shops.length === 1 ? ` · ${shops[0]!.name}` : ""} · vs ${same ? spans[0]?.prior : priorPhrase(args.period)}`,
      summary: `Settled earnings, compared with ${same ? spans[0]?.prior : priorPhrase(args.period)}`,
      sections: report.sections,
      footer: report.footer(`settled clock, ${label}`),
      timestamp: ctx.now,
    });
  },
});

/** The prior period in words, when each shop's own dates differ (zones on both sides of UTC). */
function priorPhrase(spec: string): string {
  const days = /^(\d+)d$/.exec(spec)?.[1];
  if (days) return `the ${days} days before`;
  if (spec === "today" || spec === "yesterday" || /^\d{4}-\d{2}-\d{2}$/.test(spec))
    return "the same weekday a week before";
  if (spec === "mtd") return "the same days of the month before";
  if (spec === "last-month" || /^\d{4}-\d{2}$/.test(spec)) return "the month before";
  return "the span just before";
}
