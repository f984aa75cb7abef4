/**
 * Reading Search Creator Affiliate Orders (reference §7; shape from the official SDK model
 * AffiliateCreator202410SearchCreatorAffiliateOrdersResponseData…): commission summed exactly over
 * SKUs and parts, an unknown status kept and reported, an order that cannot be read skipped and
 * reported without costing the rest of the page.
 */
import { describe, expect, it } from "vitest";
import { creatorOrdersDataSchema } from "../../src/providers/tiktok/creator-schemas.ts";

const usd = (amount: string) => ({ amount, currency: "USD" });
const order = (id: string, status: string, skus: unknown[]) => ({
  id,
  create_time: 1_773_000_000,
  delivery_time: 0,
  status,
  skus,
});

describe("creator orders payload", () => {
  it("sums each order's commission parts over its SKUs, exactly", () => {
    const page = creatorOrdersDataSchema.parse({
      next_page_token: "sbx+abc/def",
      orders: [
        order("1", "SETTLED", [
          {
            estimated_commission: usd("0.10"),
            estimated_shop_ads_commission: usd("0.20"),
            actual_commission: usd("0.10"),
            actual_shop_ads_commission: usd("0.20"),
            actual_bonus_commission: usd("0.01"),
          },
          { estimated_commission: usd("1.005"), actual_commission: usd("1.005") },
        ]),
        order("2", "ORDERED", [{ estimated_commission: usd("3.33"), quantity: 2, extra: true }]),
      ],
    });
    expect(page.next).toBe("sbx+abc/def");
    expect(page.anomalies).toEqual([]);
    expect(page.items).toEqual([
      expect.objectContaining({ id: "1", status: "SETTLED", estimated: "1.305", actual: "1.315", skus: 2 }),
      expect.objectContaining({
        id: "2",
        status: "ORDERED",
        estimated: "3.33",
        actual: "0",
        currency: "USD",
      }),
    ]);
    // 0 delivery time means not delivered yet.
    expect(page.items[0]!.deliveryTime).toBeNull();
    expect(page.items[0]!.createTime.toISOString()).toBe("2026-03-08T20:00:00.000Z");
  });

  it("keeps an order with a status it does not know, and reports the value", () => {
    const page = creatorOrdersDataSchema.parse({
      orders: [order("3", "AWAITING_REVIEW", [{ estimated_commission: usd("2.00") }])],
    });
    expect(page.items.map((o) => o.status)).toEqual(["AWAITING_REVIEW"]);
    expect(page.anomalies).toEqual([
      { kind: "unknown", recordId: "3", field: "status", value: "AWAITING_REVIEW" },
    ]);
    expect(page.next).toBeNull();
  });

  it("skips (and reports) an order with a locale-formatted amount or commission in two currencies", () => {
    const page = creatorOrdersDataSchema.parse({
      orders: [
        order("4", "ORDERED", [{ estimated_commission: { amount: "Rp9.900", currency: "IDR" } }]),
        order("5", "ORDERED", [
          { estimated_commission: usd("1.00") },
          { estimated_commission: { amount: "20000", currency: "IDR" } },
        ]),
        order("6", "ORDERED", [{ estimated_commission: usd("1.00") }]),
      ],
    });
    expect(page.items.map((o) => o.id)).toEqual(["6"]);
    expect(page.anomalies.map((a) => [a.kind, a.recordId, a.field])).toEqual([
      ["skipped", "4", "skus.0.estimated_commission.amount"],
      ["skipped", "5", "skus"],
    ]);
    expect(page.anomalies[1]!.value).toBe("commission in several currencies");
  });
});
