import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  isDocumentedFee as documented,
  feeCategory as feeCategoryOf,
} from "../../src/core/fee-categories.ts";
import { parseCategory } from "../../src/storage/categories.ts";

const feeCategory = (text: string) => feeCategoryOf(parseCategory(text));
const isDocumentedFee = (text: string) => documented(parseCategory(text));

const sample = JSON.parse(
  readFileSync(
    new URL("../fixtures/tiktok/get-transactions-by-statement-202501.json", import.meta.url),
    "utf8",
  ),
) as { data: { transactions: { fee_tax_breakdown: { fee: object; tax: object } }[] } };
const { fee, tax } = sample.data.transactions[0]!.fee_tax_breakdown;

describe("every documented fee and tax field lands in a breakdown category", () => {
  it.each(Object.keys(fee))("fee.%s", (key) => {
    expect(isDocumentedFee(`fee.${key}`)).toBe(true);
    expect(feeCategory(`fee.${key}`)).not.toBe("Other fees");
  });

  it.each(Object.keys(tax))("tax.%s", (key) => {
    expect(isDocumentedFee(`tax.${key}`)).toBe(true);
    expect(feeCategory(`tax.${key}`)).toBe("Taxes");
  });

  it("puts the US referral fee with the commission other markets pay", () => {
    expect(feeCategory("fee.referral_fee_amount")).toBe(feeCategory("fee.platform_commission_amount"));
  });

  it("an unknown fee field is 'Other fees' under its raw name", () => {
    expect(feeCategory("fee.gmv_max_ad_fee_amount")).toBe("Other fees");
    expect(isDocumentedFee("fee.gmv_max_ad_fee_amount")).toBe(false);
  });
});
