import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { createLocalRenderer } from "../../src/charts/local.ts";
import { PALETTE } from "../../src/charts/palette.ts";
import type { WaterfallSpec } from "../../src/charts/port.ts";
import { buildWaterfallConfig } from "../../src/charts/waterfall-chart.ts";

/** The sandbox US shop's last 30 days, as `/balance reconcile 30d shop:outdoor` reads them (golden). */
const SPEC: WaterfallSpec = {
  title: "Sandbox Outdoor (US) · gross sales to payable (settlement + reserve) · USD",
  subtitle:
    "last 30 days (Oct 30 – Nov 28, 2026) · 29 statements · settled clock · days in America/Los_Angeles",
  currency: "USD",
  steps: [
    { label: "Gross sales (before discounts)", kind: "start", amount: "24256.41" },
    { label: "Refunds", kind: "step", amount: "-312.22" },
    { label: "Seller discounts", kind: "step", amount: "-431.05" },
    { label: "Platform fees · Commission", kind: "step", amount: "-1411.09" },
    { label: "Platform fees · Payment fees", kind: "step", amount: "-681.67" },
    { label: "Affiliate commission", kind: "step", amount: "-715.27" },
    { label: "Shipping", kind: "step", amount: "-1775.22" },
    { label: "Adjustments", kind: "step", amount: "-33.28" },
    { label: "Settlement", kind: "total", amount: "18896.61" },
    { label: "Reserve held", kind: "step", amount: "-179.57" },
    { label: "Reserve released", kind: "step", amount: "253.36" },
    { label: "Payable (settlement + reserve)", kind: "total", amount: "18970.4" },
  ],
};

const GOLDEN_PNG = join(import.meta.dirname, "../golden/charts/waterfall-us-30d.png");

/** RGBA pixels of a PNG. */
async function pixels(png: Uint8Array) {
  const image = await loadImage(Buffer.from(png));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(image, 0, 0);
  return {
    width: image.width,
    height: image.height,
    data: ctx.getImageData(0, 0, image.width, image.height).data,
  };
}

const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

describe("the reconciliation waterfall chart", () => {
  it("floats each step from the running total before it to the one after (config golden)", async () => {
    const config = buildWaterfallConfig(SPEC);
    const [total, up, down] = config.data.datasets;
    expect(total!.data[0]).toEqual([0, 24256.41]);
    // Refunds: from the gross down by 312.22.
    expect(down!.data[1]![0]).toBeCloseTo(24256.41, 6);
    expect(down!.data[1]![1]).toBeCloseTo(23944.19, 6);
    // Reserve released goes up, from 18,717.04 to 18,970.40.
    expect(up!.data[10]![1]).toBeCloseTo(18970.4, 6);
    expect(config.data.labels![0]).toBe("Gross sales (before discounts) $24,256.41");
    expect(config.data.labels![1]).toBe("Refunds -$312.22");
    expect(config.data.labels![10]).toBe("Reserve released +$253.36");
    await expect(JSON.stringify(config, null, 2)).toMatchFileSnapshot(
      "../golden/charts/waterfall-us-30d.config.txt",
    );
  });

  it("draws totals blue, money out vermillion, money in green, like the looked-at golden PNG", async () => {
    const png = await createLocalRenderer().renderWaterfall(SPEC);
    const drawn = await pixels(png);
    expect([drawn.width, drawn.height]).toEqual([1000, 500]);
    const count = (hex: string) => {
      const [r, g, b] = rgb(hex);
      let n = 0;
      for (let i = 0; i < drawn.data.length; i += 4)
        if (drawn.data[i] === r && drawn.data[i + 1] === g && drawn.data[i + 2] === b) n++;
      return n;
    };
    // Three total bars are long, eight steps short: far more blue than vermillion, some green.
    expect(count(PALETTE.settled)).toBeGreaterThan(20_000);
    expect(count(PALETTE.failed)).toBeGreaterThan(2_000);
    expect(count(PALETTE.paid)).toBeGreaterThan(100);
    const golden = await pixels(readFileSync(GOLDEN_PNG));
    let differ = 0;
    for (let i = 0; i < golden.data.length; i += 4)
      if (
        Math.abs(golden.data[i]! - drawn.data[i]!) + Math.abs(golden.data[i + 1]! - drawn.data[i + 1]!) >
        60
      )
        differ++;
    // Font hinting may move a few edge pixels between machines; a changed bar moves thousands.
    expect(differ / (golden.width * golden.height)).toBeLessThan(0.005);
  });
});
