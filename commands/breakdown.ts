import { z } from "zod";
import { defineCommand } from "../src/core/define-command.ts";
import { feeCategory, isDocumentedFee } from "../src/core/fee-categories.ts";
import { asMoney, share } from "../src/core/format.ts";
import { periodOption, shopOption } from "../src/core/options.ts";
import { reportPerShop } from "../src/core/per-shop.ts";
import { type ReplySection, reply } from "../src/core/reply.ts";
import { shopCurrency } from "../src/core/shops.ts";
import { formatMoney, negate, sum } from "../src/money/index.ts";
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

/** Where money went: not the sales themselves (ORDER rows, subtotals) nor the reserve's own type. */
function isWhereMoneyWent(category: RollupCategory): boolean {
  switch (category.kind) {
    case "type":
      return category.type !== "ORDER" && category.type !== "RESERVE";
    case "reserve":
      return true;
    case "breakdown":
      if (category.group === "revenue" && category.name.startsWith("subtotal")) return false;
      return (
        category.group === "fee" ||
        category.group === "tax" ||
        category.group === "shipping" ||
        category.name.includes("refund") ||
        category.name.includes("discount")
      );
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
    const report = await reportPerShop(ctx, args, async (shop, resolved, several) => {
      const currency = shopCurrency(shop);
      const period = resolved!;
      // Supplementary components are informational (they do not enter the settlement): the read leaves them out.
      const rows = await readBreakdownTotals(ctx.db, shop.id, period);
      const money = rows
        .filter((r) => r.currency === currency && isWhereMoneyWent(r.category))
        .map((r) => ({ category: r.category, amount: asMoney(r.total, currency) }))
        .filter((r) => r.amount.units !== 0n);
      const outgoing = money.filter((r) => r.amount.units < 0n);
      const totalOut = negate(
        sum(
          currency,
          outgoing.map((r) => r.amount),
        ),
      );
      money.sort((a, b) => (a.amount.units < b.amount.units ? -1 : a.amount.units > b.amount.units ? 1 : 0));
      const shown = money.slice(0, MAX_ROWS);
      const notes = [
        `${period.label} · from statement transactions · days in ${shop.timezone} · negative = money out`,
      ];
      if (money.length > shown.length) notes.push(`…and ${money.length - shown.length} smaller lines`);
      const section: ReplySection = {
        fields: [
          {
            label: "Money out (fees, taxes, refunds, adjustments)",
            clock: "settled",
            value: formatMoney(negate(totalOut)),
          },
        ],
        table: {
          columns: [
            { label: "Where" },
            { label: "Amount", align: "right" },
            { label: "Share of out", align: "right" },
          ],
          rows: shown.map((r) => [
            nameOf(r.category),
            formatMoney(r.amount),
            r.amount.units < 0n ? share(negate(r.amount), totalOut) : "in",
          ]),
        },
        notes,
      };
      if (several) section.title = `${shop.name} (${currency})`;
      if (money.length === 0) {
        delete section.table;
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
