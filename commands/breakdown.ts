import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { feeCategory, isDocumentedFee } from "../src/core/fee-categories.ts";
import { asMoney, share } from "../src/core/format.ts";
import { periodOption, shopOption } from "../src/core/options.ts";
import { reportPerShop } from "../src/core/per-shop.ts";
import { type ReplyField, type ReplySection, reply } from "../src/core/reply.ts";
import { shopCurrency } from "../src/core/shops.ts";
import { formatMoney, negate, subtract, sum } from "../src/money/index.ts";
import { formatCategory, type RollupCategory } from "../src/storage/categories.ts";
import { type BreakdownTotal, readBreakdownTotals } from "../src/storage/repos/rollups.ts";

const MAX_ROWS = 15;

/** Human names for the breakdown keys sellers ask about most; the rest are prettified. */
const NAMES: Record<string, string> = {
  "fee.platform_commission_amount": "Platform commission",
  "fee.referral_fee_amount": "Referral fee",
  "fee.transaction_fee_amount": "Transaction fee",
  "fee.affiliate_commission_amount": "Affiliate commission",
  "fee.affiliate_ads_commission_amount": "Affiliate ads commission",
  "fee.affiliate_partner_commission_amount": "Affiliate partner commission",
  "fee.sfp_service_fee_amount": "SFP service fee",
  "fee.flash_sales_service_fee_amount": "Flash sale service fee",
  "fee.credit_card_handling_fee_amount": "Card handling fee",
  "fee.voucher_xtra_service_fee_amount": "Voucher Xtra fee",
  "fee.external_affiliate_marketing_fee_amount": "External affiliate marketing",
  "shipping.actual_shipping_fee_amount": "Shipping (actual)",
  "shipping.customer_paid_shipping_fee_amount": "Shipping paid by buyers",
  "shipping.return_shipping_fee_amount": "Return shipping",
  "revenue.refund_subtotal_before_discount_amount": "Refunds",
  "revenue.seller_discount_amount": "Seller discounts",
  "type:GMV_PAYMENT_FOR_ADS": "Ads (GMV payment)",
  reserve: "Reserve (withheld − released)",
};

function nameOf(category: BreakdownTotal["category"]): string {
  // A fee field this version does not know is shown under its raw name, never hidden.
  if (category.kind === "breakdown" && category.group === "fee" && !isDocumentedFee(category))
    return `Other fees: ${category.name}`;
  const group = feeCategory(category);
  const name = nameWithin(category);
  return group && group !== "Taxes" && !name.startsWith(group) ? `${group} · ${name}` : name;
}

function nameWithin(category: BreakdownTotal["category"]): string {
  const known = NAMES[formatCategory(category)];
  if (known) return known;
  if (category.kind === "reserve") return "Reserve";
  const key = category.kind === "type" ? category.type : category.name;
  const words = key
    .replace(/_amount$/, "")
    .replace(/_/g, " ")
    .toLowerCase();
  // Tax and fee keys are full of acronyms (VAT, PIT, GST, SFP, COD, FBT): keep them readable.
  const cased = words.replace(/\b(vat|pit|gst|sst|isr|iva|sfp|cod|fbt|fbm|tsp|epr|dt|pob)\b/g, (w) =>
    w.toUpperCase(),
  );
  const label = cased.charAt(0).toUpperCase() + cased.slice(1);
  if (category.kind === "type") return `Adjustment: ${label}`;
  return category.group === "tax" ? `Tax: ${label}` : label;
}

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
