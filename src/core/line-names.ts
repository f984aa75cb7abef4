import { type MessageKey, translator, type Words } from "../i18n/index.ts";
import { formatCategory, type RollupCategory } from "../storage/categories.ts";
import { feeCategory, feeGroupName, isDocumentedFee } from "./fee-categories.ts";

/** A category a settlement line can be: a transaction type, a breakdown leaf, or the reserve. */
export type LineCategory = Extract<RollupCategory, { kind: "type" | "breakdown" | "reserve" }>;

/** Names for the breakdown keys sellers ask about most (area "lines"); the rest are prettified. */
const NAMES: Record<string, MessageKey> = {
  "fee.platform_commission_amount": "lines.platformCommission",
  "fee.referral_fee_amount": "lines.referralFee",
  "fee.transaction_fee_amount": "lines.transactionFee",
  "fee.affiliate_commission_amount": "lines.affiliateCommission",
  "fee.affiliate_ads_commission_amount": "lines.affiliateAdsCommission",
  "fee.affiliate_partner_commission_amount": "lines.affiliatePartnerCommission",
  "fee.sfp_service_fee_amount": "lines.sfpServiceFee",
  "fee.flash_sales_service_fee_amount": "lines.flashSaleServiceFee",
  "fee.credit_card_handling_fee_amount": "lines.cardHandlingFee",
  "fee.voucher_xtra_service_fee_amount": "lines.voucherXtraFee",
  "fee.external_affiliate_marketing_fee_amount": "lines.externalAffiliateMarketing",
  "shipping.actual_shipping_fee_amount": "lines.shippingActual",
  "shipping.customer_paid_shipping_fee_amount": "lines.shippingPaidByBuyers",
  "shipping.return_shipping_fee_amount": "lines.returnShipping",
  "revenue.refund_subtotal_before_discount_amount": "lines.refunds",
  "revenue.seller_discount_amount": "lines.sellerDiscounts",
  "type:GMV_PAYMENT_FOR_ADS": "lines.adsGmvPayment",
  reserve: "lines.reserveNet",
};

const ENGLISH = translator("en");

/**
 * The name a settlement line is shown under ("Commission · Referral fee", "Tax: VAT", "Adjustment: …"),
 * in the reply's language (pass `ctx`; English without it). A key TikTok sends that has no name
 * here is shown prettified from its raw key inside the translated frame ("Pajak: VAT").
 */
export function lineName(category: LineCategory, words: Words = ENGLISH): string {
  // A fee field this version does not know is shown under its raw name, never hidden.
  if (category.kind === "breakdown" && category.group === "fee" && !isDocumentedFee(category))
    return words.t("lines.otherFee", { name: category.name });
  const group = feeCategory(category);
  const name = nameWithin(category, words);
  // Whether the group prefixes the name is decided on the English words, so every language
  // groups the same lines the same way ("Affiliate commission" is not "Affiliate · Affiliate …").
  return group && group !== "Taxes" && !nameWithin(category, ENGLISH).startsWith(group)
    ? words.t("lines.inGroup", { group: feeGroupName(group, words), name })
    : name;
}

function nameWithin(category: LineCategory, words: Words): string {
  const known = NAMES[formatCategory(category)];
  if (known) return words.t(known);
  if (category.kind === "reserve") return words.t("lines.reserve");
  const key = category.kind === "type" ? category.type : category.name;
  const spaced = key
    .replace(/_amount$/, "")
    .replace(/_/g, " ")
    .toLowerCase();
  // Tax and fee keys are full of acronyms (VAT, PIT, GST, SFP, COD, FBT): keep them readable.
  const cased = spaced.replace(/\b(vat|pit|gst|sst|isr|iva|sfp|cod|fbt|fbm|tsp|epr|dt|pob)\b/g, (w) =>
    w.toUpperCase(),
  );
  const label = cased.charAt(0).toUpperCase() + cased.slice(1);
  if (category.kind === "type") return words.t("lines.adjustment", { name: label });
  return category.group === "tax" ? words.t("lines.tax", { name: label }) : label;
}
