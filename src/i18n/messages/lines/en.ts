import type { Messages } from "../../catalog.ts";

/**
 * Names of settlement lines and fee groups (`/balance breakdown`, `order`, `creators`, charts),
 * through `lineName` and `feeGroupName` (src/core/line-names.ts, fee-categories.ts). A TikTok field
 * this version has no name for is shown prettified from its raw key, inside `otherFee`, `tax` or
 * `adjustment`.
 */
export default {
  groupCommission: "Commission",
  groupPaymentFees: "Payment fees",
  groupAffiliate: "Affiliate",
  groupPrograms: "Programs and services",
  groupOtherFees: "Other fees",
  groupTaxes: "Taxes",
  inGroup: "{group} · {name}",
  otherFee: "Other fees: {name}",
  tax: "Tax: {name}",
  adjustment: "Adjustment: {name}",
  reserve: "Reserve",
  reserveNet: "Reserve (withheld − released)",
  platformCommission: "Platform commission",
  referralFee: "Referral fee",
  transactionFee: "Transaction fee",
  affiliateCommission: "Affiliate commission",
  affiliateAdsCommission: "Affiliate ads commission",
  affiliatePartnerCommission: "Affiliate partner commission",
  sfpServiceFee: "SFP service fee",
  flashSaleServiceFee: "Flash sale service fee",
  cardHandlingFee: "Card handling fee",
  voucherXtraFee: "Voucher Xtra fee",
  externalAffiliateMarketing: "External affiliate marketing",
  shippingActual: "Shipping (actual)",
  shippingPaidByBuyers: "Shipping paid by buyers",
  returnShipping: "Return shipping",
  refunds: "Refunds",
  sellerDiscounts: "Seller discounts",
  adsGmvPayment: "Ads (GMV payment)",
} as const satisfies Messages;
