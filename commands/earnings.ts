import { z } from "zod";
import { creatorEarningsSection } from "../src/core/creator-views.ts";
import { defineCommand } from "../src/core/define-command.ts";
import { feeCategory } from "../src/core/fee-categories.ts";
import { asMoney, change, type Words } from "../src/core/format.ts";
import { periodOption, shopOption } from "../src/core/options.ts";
import { reportPerShop } from "../src/core/per-shop.ts";
import { type ReplyField, type ReplySection, reply } from "../src/core/reply.ts";
import { shopCurrency } from "../src/core/shops.ts";
import type { MessageKey } from "../src/i18n/index.ts";
import { sum } from "../src/money/index.ts";
import type { StatementField } from "../src/storage/categories.ts";
import { CREATOR_KIND } from "../src/storage/repos/creator-orders.ts";
import { readPeriodTotals } from "../src/storage/repos/rollups.ts";

const LINES = [
  ["revenue", "earnings.revenue"],
  ["fee", "earnings.fees"],
  ["shipping", "earnings.shipping"],
  ["adjustment", "earnings.adjustments"],
  ["settlement", "earnings.settlement"],
] as const satisfies readonly (readonly [StatementField, MessageKey])[];
/** Costs read the other way round: smaller is better. */
const COSTS = new Set<StatementField>(["fee", "shipping"]);

export default defineCommand({
  name: "earnings",
  description: "Settled revenue, fees, shipping, adjustments and settlement, vs the prior period",
  example: "/balance earnings 7d",
  options: z.object({ period: periodOption("yesterday"), shop: shopOption() }),
  async run(ctx, args) {
    const { t, fmt } = ctx;
    const labels = new Map<string, { now: string; prior: string }>();
    const each = { ...args, creators: "build" as const };
    const report = await reportPerShop(ctx, each, async (shop, period, several) => {
      labels.set(shop.name, { now: period!.label, prior: period!.prior.label });
      if (shop.kind === CREATOR_KIND) return creatorEarningsSection(ctx.db, shop, period!, several, ctx);
      const currency = shopCurrency(shop);
      const totals = await readPeriodTotals(ctx.db, shop.id, { now: period!, prior: period!.prior });
      const [now, before] = [totals.now.statement, totals.prior.statement];
      const [linesNow, linesBefore] = [totals.now.breakdown, totals.prior.breakdown];
      const pick = (rows: typeof now, field: StatementField) =>
        asMoney(rows.find((r) => r.field === field && r.currency === currency)?.total, currency);
      // US and UK statements carry no revenue_amount: show net sales there instead of a misleading zero.
      const lines = LINES.map(([category, name]) =>
        category === "revenue" &&
        !now.some((r) => r.field === "revenue") &&
        now.some((r) => r.field === "net_sales")
          ? (["net_sales", "earnings.netSales"] as const)
          : ([category, name] as const),
      );
      const fields: ReplyField[] = lines.map(([category, name]) => ({
        label: t(name),
        clock: "settled" as const,
        value: fmt.money(pick(now, category)),
        detail: change(
          pick(now, category),
          pick(before, category),
          COSTS.has(category) ? "cost" : "income",
          ctx,
        ),
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
        fields.splice(lines.findIndex(([category]) => category === "fee") + 1, 0, {
          label: t("earnings.affiliate"),
          clock: "settled",
          value: fmt.money(affiliate),
          detail: change(affiliate, affiliateBefore, "cost", ctx),
        });
      const statements = now.find((r) => r.field === "settlement")?.count ?? 0;
      const other = [...new Set(now.map((r) => r.currency))].filter((c) => c !== currency);
      const notes = [
        t("earnings.statementsNote", { count: statements, period: period!.label, zone: shop.timezone }),
      ];
      if (other.length > 0)
        notes.push(t("earnings.otherCurrencies", { currencies: fmt.list(other), currency }));
      const section: ReplySection = { fields, notes };
      if (several) section.title = `${shop.name} (${currency}) · ${period!.label}`;
      return section;
    });
    const { label, shops } = report;
    const spans = [...labels.values()];
    const same = spans.every((s) => s.now === spans[0]?.now && s.prior === spans[0]?.prior);
    if (!same && report.sections[0]) {
      // Statements are stamped 00:00 UTC and count on the local day they cover: zones west of UTC end a day earlier.
      report.sections[0].notes = [...(report.sections[0].notes ?? []), t("earnings.ownDays")];
    }
    const period = same ? label : args.period;
    const prior = (same ? spans[0]?.prior : undefined) ?? priorPhrase(args.period, ctx);
    return reply({
      // The comparison period is said once, here, not on every line.
      title:
        shops.length === 1
          ? t("earnings.titleShop", { period, shop: shops[0]!.name, prior })
          : t("earnings.title", { period, prior }),
      summary: t("earnings.summary", { prior }),
      sections: report.sections,
      footer: report.footer(t("reports.settledClock", { period: label })),
      timestamp: ctx.now,
    });
  },
});

/** The prior period in words, when each shop's own dates differ (zones on both sides of UTC). */
function priorPhrase(spec: string, { t }: Words): string {
  const days = /^(\d+)d$/.exec(spec)?.[1];
  if (days) return t("earnings.priorDays", { days });
  if (spec === "today" || spec === "yesterday" || /^\d{4}-\d{2}-\d{2}$/.test(spec))
    return t("earnings.priorWeekday");
  if (spec === "mtd") return t("earnings.priorMonthDays");
  if (spec === "last-month" || /^\d{4}-\d{2}$/.test(spec)) return t("earnings.priorMonth");
  return t("earnings.priorSpan");
}
