import { describe, expect, it } from "vitest";
import {
  add,
  currencyDigits,
  formatMoney,
  MoneyError,
  money,
  negate,
  parseMoney,
  scale,
  subtract,
  sum,
  toDecimal,
} from "../../src/money/index.ts";

describe("money", () => {
  it("keeps decimal strings exact, including values a float would mangle", () => {
    expect(toDecimal(add(money("0.1", "USD"), money("0.2", "USD")))).toBe("0.3");
    expect(toDecimal(money("9007199254740993.01", "USD"))).toBe("9007199254740993.01");
    expect(toDecimal(sum("USD", [money("200", "USD"), money("-30", "USD"), money("-70", "USD")]))).toBe(
      "100",
    );
  });

  it("handles negative amounts and shows their sign", () => {
    const fee = money("-30", "USD");
    expect(formatMoney(fee)).toBe("-$30.00");
    expect(formatMoney(negate(fee))).toBe("$30.00");
    expect(formatMoney(money("12.5", "USD"), { signed: true })).toBe("+$12.50");
    expect(toDecimal(subtract(money("-0.5", "USD"), money("0.25", "USD")))).toBe("-0.75");
  });

  it("formats 0-decimal currencies with their own digits", () => {
    expect(currencyDigits("VND")).toBe(0);
    expect(currencyDigits("JPY")).toBe(0);
    expect(currencyDigits("USD")).toBe(2);
    expect(formatMoney(money("1234567", "VND"))).toBe("₫1,234,567");
    expect(formatMoney(money("-1500", "JPY"))).toBe("-¥1,500");
  });

  it("rounds only for display, half away from zero", () => {
    expect(formatMoney(money("0.005", "USD"))).toBe("$0.01");
    expect(formatMoney(money("-0.005", "USD"))).toBe("-$0.01");
    expect(toDecimal(money("0.005", "USD"))).toBe("0.005");
  });

  it("rejects more digits than the scale instead of rounding", () => {
    expect(() => parseMoney("1.0000001", "USD", "amount")).toThrow(
      /amount: "1.0000001" has more than 6 decimal places/,
    );
    expect(toDecimal(parseMoney("1.000000", "USD"))).toBe("1");
    expect(toDecimal(parseMoney("1.5000000000", "USD"))).toBe("1.5");
  });

  it.each(["", "abc", "1,234.56", "12,5", "1e3", "--1", "1.", ".5", "NaN", "Infinity", " 1 2", "0x10"])(
    "rejects the malformed amount %j with the field name",
    (value) => {
      expect(() => parseMoney(value, "USD", "settlement_amount")).toThrow(MoneyError);
      expect(() => parseMoney(value, "USD", "settlement_amount")).toThrow(/^settlement_amount: /);
    },
  );

  it("rejects unknown currency codes and mixing currencies", () => {
    expect(() => money("1", "US")).toThrow(/ISO 4217/);
    expect(() => add(money("1", "USD"), money("1", "VND"))).toThrow(/cannot combine USD with VND/);
  });

  it("scales by a ratio with half-away-from-zero rounding at the scale", () => {
    expect(toDecimal(scale(money("10", "USD"), 1n, 3n))).toBe("3.333333");
    expect(toDecimal(scale(money("-10", "USD"), 2n, 3n))).toBe("-6.666667");
  });
});
