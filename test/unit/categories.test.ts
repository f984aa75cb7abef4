import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BREAKDOWN_GROUPS,
  formatCategory,
  parseCategory,
  type RollupCategory,
  STATEMENT_FIELDS,
} from "../../src/storage/categories.ts";

describe("rollup categories: one parser, one formatter", () => {
  it("reads each kind the rollups hold", () => {
    expect(parseCategory("settlement")).toEqual({ kind: "statement", field: "settlement" });
    expect(parseCategory("net_sales")).toEqual({ kind: "statement", field: "net_sales" });
    expect(parseCategory("type:GMV_PAYMENT_FOR_ADS")).toEqual({ kind: "type", type: "GMV_PAYMENT_FOR_ADS" });
    expect(parseCategory("fee.platform_commission_amount")).toEqual({
      kind: "breakdown",
      group: "fee",
      name: "platform_commission_amount",
    });
    expect(parseCategory("shipping.supplementary.x")).toEqual({
      kind: "breakdown",
      group: "shipping",
      name: "supplementary.x",
    });
    expect(parseCategory("reserve")).toEqual({ kind: "reserve" });
  });

  it("keeps text it does not understand as unknown, never as a wrong kind", () => {
    for (const raw of ["", "type:", "fee.", ".x", "bonus.x", "fee:x", "Settlement"])
      expect(parseCategory(raw)).toEqual({ kind: "unknown", raw });
  });

  it("formats every category back to the text it was read from", () => {
    const category: fc.Arbitrary<RollupCategory> = fc.oneof(
      fc.constantFrom(...STATEMENT_FIELDS).map((field) => ({ kind: "statement" as const, field })),
      fc.stringMatching(/^[A-Z_]{1,30}$/).map((type) => ({ kind: "type" as const, type })),
      fc
        .record({
          group: fc.constantFrom(...BREAKDOWN_GROUPS),
          name: fc.stringMatching(/^[a-z_]{1,20}(\.[a-z_]{1,20})?$/),
        })
        .map((b) => ({ kind: "breakdown" as const, ...b })),
      fc.constant({ kind: "reserve" as const }),
    );
    fc.assert(
      fc.property(category, (c) => {
        expect(parseCategory(formatCategory(c))).toEqual(c);
      }),
    );
  });
});
