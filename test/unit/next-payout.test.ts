import { describe, expect, it } from "vitest";
import { estimateNextPayout, estimateNextWithdrawal } from "../../src/core/next-payout.ts";
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

describe("the next payout in a withdrawal market, where the seller withdraws", () => {
  const w = (iso: string, amount: string, status = "PAID") => ({
    amount,
    currency: "VND",
    status,
    createdTime: new Date(`${iso}T05:00:00Z`),
  });
  // Withdrawals on Nov 8, 12, 16 and 20 (Ho Chi Minh dates): every 4 days.
  const HABIT = [
    w("2026-11-08", "100000"),
    w("2026-11-12", "200000"),
    w("2026-11-16", "300000"),
    w("2026-11-20", "400000"),
  ];

  it("a withdrawal still processing is the next payout, summed exactly, with the day it was requested", () => {
    const next = estimateNextWithdrawal(
      [...HABIT, w("2026-11-24", "1234567", "PROCESSING"), w("2026-11-24", "1", "PROCESSING")],
      "VND",
      day("2026-11-25"),
      "Asia/Ho_Chi_Minh",
    );
    expect(next.kind === "on-its-way" && [formatMoney(next.amount), next.requested]).toEqual([
      "₫1,234,568",
      "2026-11-24",
    ]);
  });

  it("otherwise the shop's usual gap after its last withdrawal, never in the past", () => {
    expect(estimateNextWithdrawal(HABIT, "VND", day("2026-11-21"), "Asia/Ho_Chi_Minh")).toEqual({
      kind: "usual",
      date: "2026-11-24",
      everyDays: 4,
      basis: 3,
    });
    const late = estimateNextWithdrawal(HABIT, "VND", day("2026-11-30"), "Asia/Ho_Chi_Minh");
    expect(late.kind === "usual" && late.date).toBe("2026-11-30");
  });

  it("with too little history, or in another currency, it only says the seller withdraws", () => {
    expect(estimateNextWithdrawal(HABIT.slice(0, 3), "VND", day("2026-11-21"), "UTC")).toEqual({
      kind: "when-you-withdraw",
    });
    expect(estimateNextWithdrawal(HABIT, "IDR", day("2026-11-21"), "UTC")).toEqual({
      kind: "when-you-withdraw",
    });
  });
});
