import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildWaterfall, checkWaterfall } from "../../src/core/waterfall.ts";
import { type Money, sum } from "../../src/money/index.ts";
import { parseCategory } from "../../src/storage/categories.ts";

const CATEGORIES = [
  "revenue.subtotal_before_discount_amount",
  "revenue.refund_subtotal_before_discount_amount",
  "revenue.seller_discount_amount",
  "fee.referral_fee_amount",
  "fee.transaction_fee_amount",
  "fee.affiliate_commission_amount",
  "fee.affiliate_partner_commission_amount",
  "fee.affiliate_ads_commission_amount",
  "fee.brand_new_fee_amount",
  "tax.vat_amount",
  "shipping.actual_shipping_fee_amount",
  "shipping.customer_paid_shipping_fee_amount",
  "type:ORDER",
  "type:PLATFORM_PENALTY",
  "type:Violation fee （settlement fee）",
  "type:RESERVE",
];

describe("buildWaterfall (pure): any totals close exactly", () => {
  it("gross + every step = settlement; settlement + reserve = payable; nothing rounded", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("USD", "VND", "GBP"),
        fc.infiniteStream(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n })),
        fc.subarray(CATEGORIES, { minLength: 0 }),
        (currency, stream, names) => {
          const units = stream[Symbol.iterator]();
          const next = (): Money => ({ units: units.next().value as bigint, currency });
          const totals = names.map((name) => ({ category: parseCategory(name), amount: next() }));
          const magnitude = (m: Money) => (m.units < 0n ? -m.units : m.units);
          const held = { units: -magnitude(next()), currency };
          const released = { units: magnitude(next()), currency };
          const w = buildWaterfall({ currency, totals, reserveHeld: held, reserveReleased: released });
          expect(checkWaterfall(w)).toBeNull();
          const types = totals.filter((t) => t.category.kind === "type").map((t) => t.amount);
          expect(w.settlement).toEqual(sum(currency, types));
          const toSettlement = w.steps.slice(
            0,
            w.steps.findIndex((s) => s.label === "Settlement"),
          );
          expect(
            sum(
              currency,
              toSettlement.map((s) => s.amount),
            ),
          ).toEqual(w.settlement);
          expect(w.payable.units).toBe(w.settlement.units + held.units + released.units);
          // Every labelled line lands somewhere: what is not itemised is a named step, never hidden.
          if (w.unexplained.units !== 0n)
            expect(w.steps.find((s) => s.label === "Not itemised by TikTok")?.amount).toEqual(w.unexplained);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("a broken subtotal is found, with its difference", () => {
    const usd = (u: bigint): Money => ({ units: u, currency: "USD" });
    expect(
      checkWaterfall({
        steps: [
          { label: "Gross", kind: "start", amount: usd(1000n) },
          { label: "Fees", kind: "step", amount: usd(-300n) },
          { label: "Settlement", kind: "total", amount: usd(701n) },
        ],
      }),
    ).toEqual({ label: "Settlement", off: usd(1n) });
  });
});
