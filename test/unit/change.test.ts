import { describe, expect, it } from "vitest";
import { change } from "../../src/core/format.ts";
import { parseMoney } from "../../src/money/index.ts";

const usd = (v: string) => parseMoney(v, "USD");

describe("comparisons read from the seller's side", () => {
  it("says a cost went down by size, and that this is better", () => {
    expect(change(usd("-1549.74"), usd("-1706.90"), "cost")).toBe("down 9.2% · better");
    expect(change(usd("-1706.90"), usd("-1549.74"), "cost")).toBe("up 10.1% · worse");
  });

  it("says income went up or down, better or worse", () => {
    expect(change(usd("1100"), usd("1000"))).toBe("up 10.0% · better");
    expect(change(usd("900"), usd("1000"))).toBe("down 10.0% · worse");
  });

  it("gives no percentage across a sign change or from zero", () => {
    expect(change(usd("14.61"), usd("-12.72"))).toBe("was -$12.72");
    expect(change(usd("5"), usd("0"))).toBe("was $0.00");
    expect(change(usd("0"), usd("7"))).toBe("was $7.00");
    expect(change(usd("3"), usd("3"))).toBe("no change");
  });
});
