import { formatCategory, type RollupCategory } from "../storage/categories.ts";
import { feeCategory, isDocumentedFee } from "./fee-categories.ts";

/** A category a settlement line can be: a transaction type, a breakdown leaf, or the reserve. */
export type LineCategory = Extract<RollupCategory, { kind: "type" | "breakdown" | "reserve" }>;

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

/** The name a settlement line is shown under ("Commission · Referral fee", "Tax: VAT", "Adjustment: …"). */
export function lineName(category: LineCategory): string {
  // A fee field this version does not know is shown under its raw name, never hidden.
  if (category.kind === "breakdown" && category.group === "fee" && !isDocumentedFee(category))
    return `Other fees: ${category.name}`;
  const group = feeCategory(category);
  const name = nameWithin(category);
  return group && group !== "Taxes" && !name.startsWith(group) ? `${group} · ${name}` : name;
}

function nameWithin(category: LineCategory): string {
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
