import { describe, expect, it } from "vitest";
import { estimateNextPayout } from "../../src/core/next-payout.ts";
import { formatMoney } from "../../src/money/index.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
// Statements paid 3, 4 and 4 days after their stamp: the median delay is 4 days.
const HISTORY = [
  { statementTime: day("2026-11-01"), paymentTime: day("2026-11-04") },
  { statementTime: day("2026-11-02"), paymentTime: day("2026-11-06") },
  { statementTime: day("2026-11-03"), paymentTime: day("2026-11-07") },
];

describe("the next payout, from the shop's own statement-to-payment history", () => {
  it("expects the oldest processing statements the median delay after their date, summed exactly", () => {
    const processing = [
      { statementTime: day("2026-11-26"), settlement: "100.10", currency: "USD" },
      { statementTime: day("2026-11-26"), settlement: "0.20", currency: "USD" },
      { statementTime: day("2026-11-27"), settlement: "50.00", currency: "USD" },
      { statementTime: day("2026-11-26"), settlement: "999", currency: "EUR" },
    ];
    const next = estimateNextPayout(HISTORY, processing, "USD", day("2026-11-28"), "UTC");
    expect(next && { ...next, amount: formatMoney(next.amount) }).toEqual({
      amount: "$100.30",
      date: "2026-11-30",
      lagDays: 4,
      basis: 3,
    });
  });

  it("never expects a payout in the past: a late one is expected today", () => {
    const late = [{ statementTime: day("2026-11-10"), settlement: "5", currency: "USD" }];
    expect(estimateNextPayout(HISTORY, late, "USD", day("2026-11-28"), "UTC")?.date).toBe("2026-11-28");
  });

  it("gives no estimate without history or with nothing processing", () => {
    const one = [{ statementTime: day("2026-11-26"), settlement: "5", currency: "USD" }];
    expect(estimateNextPayout(HISTORY.slice(0, 2), one, "USD", day("2026-11-28"), "UTC")).toBeNull();
    expect(estimateNextPayout(HISTORY, [], "USD", day("2026-11-28"), "UTC")).toBeNull();
  });
});
