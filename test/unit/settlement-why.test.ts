import { describe, expect, it } from "vitest";
import { explainSettlementChange } from "../../src/core/settlement-why.ts";
import { parseMoney } from "../../src/money/index.ts";
import { parseCategory } from "../../src/storage/categories.ts";

const totals = (entries: Record<string, string>) =>
  Object.entries(entries).map(([key, value]) => ({
    category: parseCategory(key),
    amount: parseMoney(value, "USD"),
  }));

describe("the digest's 'why' line", () => {
  const before = totals({
    "type:ORDER": "1000",
    "revenue.subtotal_before_discount_amount": "1300",
    "revenue.refund_subtotal_before_discount_amount": "-100",
    "fee.affiliate_commission_amount": "-50",
    "fee.referral_fee_amount": "-150",
  });

  it("names the two groups that moved the settlement most, costs as how much more was taken", () => {
    const now = totals({
      "type:ORDER": "820",
      "revenue.subtotal_before_discount_amount": "1300",
      "revenue.refund_subtotal_before_discount_amount": "-250",
      "fee.affiliate_commission_amount": "-80",
      "fee.referral_fee_amount": "-150",
    });
    expect(explainSettlementChange("USD", now, before)).toBe(
      "settlement −18%: refunds +$150.00, affiliate +$30.00",
    );
  });

  it("says nothing when the settlement moved less than 10%, or there is nothing to compare with", () => {
    const now = totals({ "type:ORDER": "950", "revenue.subtotal_before_discount_amount": "1250" });
    expect(explainSettlementChange("USD", now, before)).toBeNull();
    expect(explainSettlementChange("USD", before, [])).toBeNull();
  });

  it("a rise names what grew: more sales", () => {
    const now = totals({
      "type:ORDER": "1300",
      "revenue.subtotal_before_discount_amount": "1600",
      "fee.referral_fee_amount": "-150",
      "revenue.refund_subtotal_before_discount_amount": "-100",
      "fee.affiliate_commission_amount": "-50",
    });
    expect(explainSettlementChange("USD", now, before)).toBe("settlement +30%: gross sales +$300.00");
  });
});
