import { describe, expect, it } from "vitest";
import { buildChartConfig } from "../../src/charts/config.ts";
import type { ChartSpec } from "../../src/charts/port.ts";
import { buildWaterfallConfig } from "../../src/charts/waterfall-chart.ts";

// The words drawn in the chart PNG, in the reply's language (English stays as it was).
const spec: ChartSpec = {
  title: "Shop · settled per day",
  currency: "VND",
  days: ["2026-11-27", "2026-11-28"],
  settled: ["1923080", "-56000"],
  payouts: [
    { day: "2026-11-27", amount: "5927900", status: "PAID" },
    { day: "2026-11-28", amount: "100", status: "FAILED" },
  ],
  pending: "8156660",
};

const legend = (s: ChartSpec) => buildChartConfig(s).data.datasets.map((d) => d.label);
const subtitle = (s: ChartSpec) => (buildChartConfig(s).options!.plugins!.subtitle as { text: string }).text;

describe("chart words", () => {
  it("English is unchanged", () => {
    expect(legend(spec)).toEqual([
      "settled",
      "negative day",
      "pending (est.) ₫8,156,660, not a day: not drawn",
      "payout paid",
      "payout failed",
    ]);
    expect(subtitle(spec)).toBe("settled ₫1,867,080 in 2 days · paid out ₫5,927,900 (1) · 1 failed payout");
    expect(buildChartConfig(spec).data.labels).toEqual(["Nov 27", "Nov 28"]);
  });

  it("Vietnamese: legend, summary line and day labels in Vietnamese, the dong after the number", () => {
    const vi = { ...spec, locale: "vi" as const };
    expect(legend(vi)).toEqual([
      "đã quyết toán",
      "ngày quyết toán âm",
      "đang chờ (ước tính) 8.156.660\u00a0₫, không thuộc ngày nào: không vẽ",
      "khoản thanh toán đã trả",
      "khoản thanh toán thất bại",
    ]);
    expect(subtitle(vi)).toBe(
      "đã quyết toán 1.867.080\u00a0₫ trong 2 ngày · đã thanh toán 5.927.900\u00a0₫ (1) · 1 khoản thanh toán thất bại",
    );
    expect(buildChartConfig(vi).data.labels).toEqual(["27 thg 11", "28 thg 11"]);
  });

  it("Thai waterfall legend", () => {
    const config = buildWaterfallConfig({
      title: "t",
      subtitle: "s",
      currency: "USD",
      steps: [
        { label: "ยอดขาย", kind: "start", amount: "100" },
        { label: "ค่าธรรมเนียม", kind: "step", amount: "-10" },
        { label: "การชำระเงิน", kind: "total", amount: "90" },
      ],
      locale: "th",
    });
    expect(config.data.datasets.map((d) => d.label)).toEqual(["ยอดรวม", "เงินเข้า", "เงินออก"]);
  });
});
