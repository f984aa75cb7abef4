import { describe, expect, it } from "vitest";
import { feeGroupName } from "../../src/core/fee-categories.ts";
import { type LineCategory, lineName } from "../../src/core/line-names.ts";
import { translator } from "../../src/i18n/index.ts";
import { parseCategory } from "../../src/storage/categories.ts";

const line = (text: string) => parseCategory(text) as LineCategory;
const name = (text: string, locale: "en" | "id" | "vi" | "th") => lineName(line(text), translator(locale));

describe("settlement line names in four languages", () => {
  it("English is the same with or without the translator", () => {
    for (const key of [
      "fee.referral_fee_amount",
      "tax.vat_amount",
      "type:LOGISTICS_REIMBURSEMENT",
      "reserve",
    ])
      expect(name(key, "en")).toBe(lineName(line(key)));
    expect(name("fee.referral_fee_amount", "en")).toBe("Commission · Referral fee");
    expect(name("fee.affiliate_commission_amount", "en")).toBe("Affiliate commission");
  });

  it("a known fee is named in the language, under its translated group", () => {
    expect(name("fee.referral_fee_amount", "id")).toBe("Komisi · Biaya referral");
    expect(name("fee.transaction_fee_amount", "vi")).toBe("Phí thanh toán · Phí giao dịch");
    expect(name("shipping.return_shipping_fee_amount", "th")).toBe("ค่าจัดส่งสินค้าคืน");
    // Grouping follows the English structure: no "Afiliasi · Komisi afiliasi".
    expect(name("fee.affiliate_commission_amount", "id")).toBe("Komisi afiliasi");
  });

  it("a key without a name keeps TikTok's words inside a translated frame", () => {
    expect(name("tax.vat_amount", "id")).toBe("Pajak: VAT");
    expect(name("type:LOGISTICS_REIMBURSEMENT", "vi")).toBe("Điều chỉnh: Logistics reimbursement");
    expect(name("fee.gmv_max_ad_fee_amount", "th")).toBe("ค่าธรรมเนียมอื่น ๆ: gmv_max_ad_fee_amount");
    expect(name("fee.dt_handling_fee_amount", "vi")).toBe("Phí thanh toán · DT handling fee");
  });

  it("fee groups are named in the language", () => {
    expect(feeGroupName("Other fees", translator("vi"))).toBe("Phí khác");
    expect(feeGroupName("Taxes")).toBe("Taxes");
  });
});
