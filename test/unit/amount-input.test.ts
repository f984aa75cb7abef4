import { describe, expect, it } from "vitest";
import { parseAmountInput } from "../../src/core/amount-input.ts";
import { UserError } from "../../src/core/errors.ts";
import { translator } from "../../src/i18n/index.ts";
import { toDecimal } from "../../src/money/index.ts";

const en = translator("en");

describe("typed amounts", () => {
  it("keeps what fits the currency, trailing zeros included", () => {
    expect(toDecimal(parseAmountInput("$1,000.50", "USD", en))).toBe("1000.5");
    expect(toDecimal(parseAmountInput("1000.500", "USD", en))).toBe("1000.5");
    expect(toDecimal(parseAmountInput("10,000", "VND", en))).toBe("10000");
    expect(toDecimal(parseAmountInput("10.0", "VND", en))).toBe("10");
  });

  it("refuses more decimals than the currency has, naming its digits, instead of rounding for display", () => {
    expect(() => parseAmountInput("1,000.005", "USD", en)).toThrow(UserError);
    expect(() => parseAmountInput("1,000.005", "USD", en)).toThrow(
      'amount "1,000.005" has 3 decimals, but USD amounts have 2',
    );
    expect(() => parseAmountInput("10.5", "VND", en)).toThrow(
      'amount "10.5" has decimals, but VND amounts have none',
    );
    expect(() => parseAmountInput("1.0005", "BHD", en, "recover")).toThrow(/BHD amounts have 3/);
  });

  it("says what is wrong in the asker's language, the option's name kept", () => {
    expect(() => parseAmountInput("10.5", "VND", translator("vi"))).toThrow(
      'amount "10.5" có phần thập phân, nhưng số tiền VND không có (viết như 5000)',
    );
    expect(() => parseAmountInput("abc", "IDR", translator("id"), "recover")).toThrow(
      'recover "abc" bukan jumlah uang (tulis seperti 5000 atau 1250.50)',
    );
  });
});
