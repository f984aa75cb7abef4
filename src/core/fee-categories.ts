import { type MessageKey, translator, type Words } from "../i18n/index.ts";
import type { RollupCategory } from "../storage/categories.ts";

/** A breakdown group of fee and tax leaves; the English name is also its identity in code. */
export type FeeGroup =
  | "Commission"
  | "Payment fees"
  | "Affiliate"
  | "Programs and services"
  | "Other fees"
  | "Taxes";

const GROUP_NAMES: Record<FeeGroup, MessageKey> = {
  Commission: "lines.groupCommission",
  "Payment fees": "lines.groupPaymentFees",
  Affiliate: "lines.groupAffiliate",
  "Programs and services": "lines.groupPrograms",
  "Other fees": "lines.groupOtherFees",
  Taxes: "lines.groupTaxes",
};

/** A fee group's name in the reply's language (English when no words are given). */
export function feeGroupName(group: FeeGroup, words: Words = translator("en")): string {
  return words.t(GROUP_NAMES[group]);
}

/**
 * Where each fee and tax field of the 202501 statement transactions lands in `/balance
 * breakdown` (reference §3.5, docs example in test/fixtures/tiktok). Every documented field has a
 * category, per region where the names differ (US `referral_fee_amount` is the commission other
 * markets call `platform_commission_amount`); a field this version does not know goes to
 * "Other fees" under its raw name, so no amount is ever hidden.
 */
const FEES: Record<string, FeeGroup> = {
  platform_commission_amount: "Commission",
  referral_fee_amount: "Commission",
  dynamic_commission_amount: "Commission",
  tsp_commission_amount: "Commission",
  mall_service_fee_amount: "Commission",
  transaction_fee_amount: "Payment fees",
  credit_card_handling_fee_amount: "Payment fees",
  dt_handling_fee_amount: "Payment fees",
  seller_paylater_handling_fee_amount: "Payment fees",
  refund_administration_fee_amount: "Payment fees",
  fee_per_item_sold_amount: "Payment fees",
  affiliate_commission_amount: "Affiliate",
  affiliate_commission_amount_before_pit: "Affiliate",
  affiliate_ads_commission_amount: "Affiliate",
  affiliate_partner_commission_amount: "Affiliate",
  affiliate_commission_deposit: "Affiliate",
  affiliate_commission_release: "Affiliate",
  external_affiliate_marketing_fee_amount: "Affiliate",
  tap_shop_ads_commission: "Affiliate",
  cofunded_creator_bonus_amount: "Affiliate",
  sfp_service_fee_amount: "Programs and services",
  bonus_cashback_service_fee_amount: "Programs and services",
  voucher_xtra_service_fee_amount: "Programs and services",
  flash_sales_service_fee_amount: "Programs and services",
  live_specials_fee_amount: "Programs and services",
  cofunded_promotion_service_fee_amount: "Programs and services",
  pre_order_service_fee_amount: "Programs and services",
  campaign_resource_fee: "Programs and services",
  epr_pob_service_fee_amount: "Programs and services",
  installation_service_fee: "Programs and services",
  shipping_fee_guarantee_service_fee: "Programs and services",
  vn_fix_infrastructure_fee: "Programs and services",
};

const TAXES = new Set([
  "anti_dumping_duty_amount",
  "customs_clearance_amount",
  "customs_duty_amount",
  "gst_amount",
  "import_vat_amount",
  "isr_amount",
  "iva_amount",
  "local_vat_amount",
  "pit_amount",
  "sst_amount",
  "vat_amount",
]);

/** The breakdown group of a fee or tax leaf ("fee.referral_fee_amount" → "Commission"), or null. */
export function feeCategory(category: RollupCategory): FeeGroup | null {
  if (category.kind !== "breakdown") return null;
  if (category.group === "tax") return "Taxes";
  if (category.group !== "fee") return null;
  return FEES[category.name] ?? "Other fees";
}

/** Whether a fee or tax leaf is one the 202501 docs list (so not an "Other fees" line). */
export function isDocumentedFee(category: RollupCategory): boolean {
  if (category.kind !== "breakdown") return false;
  return category.group === "fee"
    ? category.name in FEES
    : category.group === "tax"
      ? TAXES.has(category.name)
      : false;
}

/** The fee fields that pay creators and their partners (affiliate commission, partner and ads commission…). */
export const AFFILIATE_FEE_KEYS: readonly string[] = Object.entries(FEES)
  .filter(([, group]) => group === "Affiliate")
  .map(([name]) => `fee.${name}`);
