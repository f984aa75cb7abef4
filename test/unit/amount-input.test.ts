import { describe, expect, it } from "vitest";
import { parseAmountInput } from "../../src/core/amount-input.ts";
import { UserError } from "../../src/core/errors.ts";
import { toDecimal } from "../../src/money/index.ts";

describe("typed amounts", () => {
  it("keeps what fits the currency, trailing zeros included", () => {
    expect(toDecimal(parseAmountInput("$1,000.50", "USD"))).toBe("1000.5");
    expect(toDecimal(parseAmountInput("1000.500", "USD"))).toBe("1000.5");
    expect(toDecimal(parseAmountInput("10,000", "VND"))).toBe("10000");
    expect(toDecimal(parseAmountInput("10.0", "VND"))).toBe("10");
  });

  it("refuses more decimals than the currency has, naming its digits, instead of rounding for display", () => {
    expect(() => parseAmountInput("1,000.005", "USD")).toThrow(UserError);
    expect(() => parseAmountInput("1,000.005", "USD")).toThrow(
      'amount "1,000.005" has 3 decimals, but USD amounts have 2',
    );
    expect(() => parseAmountInput("10.5", "VND")).toThrow(
      'amount "10.5" has decimals, but VND amounts have none',
    );
    expect(() => parseAmountInput("1.0005", "BHD", "recover")).toThrow(/BHD amounts have 3/);
  });
});
