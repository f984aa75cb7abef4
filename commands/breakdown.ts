import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { feeCategory } from "../src/core/fee-categories.ts";
import { asMoney, share } from "../src/core/format.ts";
import { lineName as nameOf } from "../src/core/line-names.ts";
import { periodOption, shopOption } from "../src/core/options.ts";
import { reportPerShop } from "../src/core/per-shop.ts";
import { type ReplyField, type ReplySection, reply } from "../src/core/reply.ts";
import { shopCurrency } from "../src/core/shops.ts";
import { formatMoney, negate, subtract, sum } from "../src/money/index.ts";
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

/** The line for what the breakdowns leave unexplained. */
const NOT_ITEMISED = "Not itemised by TikTok (settlement − lines)";

export default defineCommand({
  name: "breakdown",
  description: "Where the money went: fees by kind, taxes, refunds, adjustments and reserve",
  example: "/balance breakdown 30d",
  options: z.object({ period: periodOption("30d"), shop: shopOption() }),
  async run(ctx, args) {
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
        .map((r) => ({ name: nameOf(r.category), amount: amountOf(r) }))
        .filter((r) => r.amount.units !== 0n);
      // Whatever the breakdowns do not itemise (TikTok rounding per line, a component this
      // version does not read) is shown as its own line, so the lines always add up.
      const gap = subtract(settlement, sum(currency, [sales, ...money.map((r) => r.amount)]));
      if (gap.units !== 0n) money.push({ name: NOT_ITEMISED, amount: gap });
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
        `${period.label} · from statement transactions · days in ${shop.timezone} · negative = money out`,
        `Sales before discounts ${formatMoney(sales)} + every line = settlement ${formatMoney(settlement)}, exactly.`,
      ];
      if (hidden.length > 0)
        notes.push(
          `…and ${hidden.length} smaller line${hidden.length === 1 ? "" : "s"} totalling ${formatMoney(
            sum(
              currency,
              hidden.map((r) => r.amount),
            ),
          )}`,
        );
      const fields: ReplyField[] = [
        { label: "Sales before discounts", clock: "settled", value: formatMoney(sales) },
        {
          label: "Money out (fees, taxes, shipping, refunds, adjustments)",
          clock: "settled",
          value: formatMoney(negate(totalOut)),
        },
      ];
      if (totalIn.units !== 0n)
        fields.push({
          label: "Money in (buyer-paid shipping, credits)",
          clock: "settled",
          value: formatMoney(totalIn),
        });
      // What creators earned on the shop's sales: every affiliate fee field (commission, partner, ads).
      const affiliate = sum(
        currency,
        rows.filter((r) => isLine(r.category) && feeCategory(r.category) === "Affiliate").map(amountOf),
      );
      if (affiliate.units !== 0n)
        fields.push({
          label: "Affiliate commission (creators)",
          clock: "settled",
          value: formatMoney(affiliate),
          detail: "included in money out; /balance creators for who earned it",
        });
      fields.push({ label: "Settlement", clock: "settled", value: formatMoney(settlement) });
      if (reserve.units !== 0n)
        fields.push({
          label: "Reserve (released − withheld)",
          clock: "reserve",
          value: formatMoney(reserve),
          detail: "outside the settlement: TikTok pays settlement + reserve",
        });
      const section: ReplySection = {
        fields,
        table: {
          columns: [
            { label: "Where" },
            { label: "Amount", align: "right" },
            { label: "Share of out", align: "right" },
          ],
          rows: shown.map((r) => [
            r.name,
            formatMoney(r.amount),
            r.amount.units < 0n ? share(negate(r.amount), totalOut) : "in",
          ]),
        },
        notes,
      };
      if (several) section.title = `${shop.name} (${currency})`;
      if (money.length === 0 && settlement.units === 0n && sales.units === 0n) {
        delete section.table;
        section.fields = [];
        section.notes = [`No fee or adjustment lines in ${period.label}.`];
      }
      return section;
    });
    const { label, shops, sections } = report;
    return reply({
      title: `Breakdown · ${label}${shops.length === 1 ? ` · ${shops[0]!.name}` : ""}`,
      summary: `Where the money went, ${label}`,
      sections,
      footer: report.footer(`settled clock, ${label}`),
      timestamp: ctx.now,
    });
  },
});
