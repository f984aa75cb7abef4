import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { feeCategory } from "../src/core/fee-categories.ts";
import { asMoney, share } from "../src/core/format.ts";
import { lineName as nameOf } from "../src/core/line-names.ts";
import { periodOption, shopOption } from "../src/core/options.ts";
import { reportPerShop } from "../src/core/per-shop.ts";
import { type ReplyField, type ReplySection, reply } from "../src/core/reply.ts";
import { shopCurrency } from "../src/core/shops.ts";
import { negate, subtract, sum } from "../src/money/index.ts";
import type { RollupCategory } from "../src/storage/categories.ts";
import { readBreakdownTotals } from "../src/storage/repos/rollups.ts";

const MAX_ROWS = 15;

/** Sales before discounts: the line every other line is taken from or added to. */
const isSales = (category: RollupCategory) =>
  category.kind === "breakdown" &&
  category.group === "revenue" &&
  category.name === "subtotal_before_discount_amount";

/**
 * A line of the settlement besides the sales: every fee, tax, shipping and revenue component
 * (discounts, refunds, COD…), and every non-order transaction type (adjustments). Not the ORDER
 * rows (the sales themselves, itemised by their breakdowns), nor the reserve, which is outside the
 * settlement (TikTok pays settlement + reserve).
 */
function isLine(category: RollupCategory): boolean {
  switch (category.kind) {
    case "type":
      return category.type !== "ORDER" && category.type !== "RESERVE";
    case "breakdown":
      return !isSales(category);
    default:
      return false;
  }
}

export default defineCommand({
  name: "breakdown",
  description: "Where the money went: fees by kind, taxes, refunds, adjustments and reserve",
  example: "/balance breakdown 30d",
  options: z.object({ period: periodOption("30d"), shop: shopOption() }),
  async run(ctx, args) {
    const { t, fmt } = ctx;
    const report = await reportPerShop(ctx, args, async (shop, resolved, several) => {
      const currency = shopCurrency(shop);
      const period = resolved!;
      // Supplementary components are informational (they do not enter the settlement): the read leaves them out.
      const rows = (await readBreakdownTotals(ctx.db, shop.id, period)).filter(
        (r) => r.currency === currency,
      );
      const amountOf = (r: { total: string }) => asMoney(r.total, currency);
      // The settlement is the sum of every transaction row's settlement (one type rollup per type).
      const settlement = sum(currency, rows.filter((r) => r.category.kind === "type").map(amountOf));
      const sales = sum(currency, rows.filter((r) => isSales(r.category)).map(amountOf));
      const reserve = sum(currency, rows.filter((r) => r.category.kind === "reserve").map(amountOf));
      const money = rows
        .filter((r) => isLine(r.category))
        .map((r) => ({ name: nameOf(r.category, ctx), amount: amountOf(r) }))
        .filter((r) => r.amount.units !== 0n);
      // Whatever the breakdowns do not itemise (TikTok rounding per line, a component this
      // version does not read) is shown as its own line, so the lines always add up.
      const gap = subtract(settlement, sum(currency, [sales, ...money.map((r) => r.amount)]));
      if (gap.units !== 0n) money.push({ name: t("breakdown.notItemised"), amount: gap });
      const totalOut = negate(
        sum(
          currency,
          money.filter((r) => r.amount.units < 0n).map((r) => r.amount),
        ),
      );
      // Shown beside "money out", so sales − out + in = settlement can be checked on the screen.
      const totalIn = sum(
        currency,
        money.filter((r) => r.amount.units > 0n).map((r) => r.amount),
      );
      money.sort((a, b) => (a.amount.units < b.amount.units ? -1 : a.amount.units > b.amount.units ? 1 : 0));
      const shown = money.slice(0, MAX_ROWS);
      const hidden = money.slice(MAX_ROWS);
      const notes = [
        t("breakdown.noteSource", { period: period.label, zone: shop.timezone }),
        t("breakdown.noteExact", { sales: fmt.money(sales), settlement: fmt.money(settlement) }),
      ];
      if (hidden.length > 0)
        notes.push(
          t("breakdown.hidden", {
            count: hidden.length,
            amount: fmt.money(
              sum(
                currency,
                hidden.map((r) => r.amount),
              ),
            ),
          }),
        );
      const fields: ReplyField[] = [
        { label: t("breakdown.sales"), clock: "settled", value: fmt.money(sales) },
        { label: t("breakdown.moneyOut"), clock: "settled", value: fmt.money(negate(totalOut)) },
      ];
      if (totalIn.units !== 0n)
        fields.push({ label: t("breakdown.moneyIn"), clock: "settled", value: fmt.money(totalIn) });
      // What creators earned on the shop's sales: every affiliate fee field (commission, partner, ads).
      const affiliate = sum(
        currency,
        rows.filter((r) => isLine(r.category) && feeCategory(r.category) === "Affiliate").map(amountOf),
      );
      if (affiliate.units !== 0n)
        fields.push({
          label: t("breakdown.affiliate"),
          clock: "settled",
          value: fmt.money(affiliate),
          detail: t("breakdown.affiliateDetail"),
        });
      fields.push({ label: t("breakdown.settlement"), clock: "settled", value: fmt.money(settlement) });
      if (reserve.units !== 0n)
        fields.push({
          label: t("breakdown.reserve"),
          clock: "reserve",
          value: fmt.money(reserve),
          detail: t("breakdown.reserveDetail"),
        });
      const section: ReplySection = {
        fields,
        table: {
          columns: [
            { label: t("breakdown.columnWhere") },
            { label: t("breakdown.columnAmount"), align: "right" },
            { label: t("breakdown.columnShare"), align: "right" },
          ],
          rows: shown.map((r) => [
            r.name,
            fmt.money(r.amount),
            r.amount.units < 0n ? share(negate(r.amount), totalOut, ctx) : t("breakdown.moneyInShare"),
          ]),
        },
        notes,
      };
      if (several) section.title = `${shop.name} (${currency})`;
      if (money.length === 0 && settlement.units === 0n && sales.units === 0n) {
        delete section.table;
        section.fields = [];
        section.notes = [t("breakdown.none", { period: period.label })];
      }
      return section;
    });
    const { label, shops, sections } = report;
    return reply({
      title:
        shops.length === 1
          ? t("breakdown.titleShop", { period: label, shop: shops[0]!.name })
          : t("breakdown.title", { period: label }),
      summary: t("breakdown.summary", { period: label }),
      sections,
      footer: report.footer(t("reports.settledClock", { period: label })),
      timestamp: ctx.now,
    });
  },
});
