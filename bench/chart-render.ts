import { pathToFileURL } from "node:url";
import { createLocalRenderer } from "../src/charts/local.ts";
import type { ChartSpec } from "../src/charts/port.ts";

const WARMUP = 5;
const SAMPLES = 100;

/** A 90-day USD chart with daily noise, a few negative days, weekly payouts, pending and a goal. */
function ninetyDaySpec(): ChartSpec {
  const first = Date.parse("2026-08-30T00:00:00Z");
  const days = Array.from({ length: 90 }, (_, i) =>
    new Date(first + i * 86_400_000).toISOString().slice(0, 10),
  );
  return {
    title: "Bench Shop · settled per day · 2026-08-30 – 2026-11-27 · America/Los_Angeles · USD",
    currency: "USD",
    days,
    settled: days.map((_, i) => (i % 17 === 3 ? "-120.50" : `${400 + ((i * 7919) % 1600)}.${i % 100}`)),
    payouts: days
      .filter((_, i) => i % 7 === 2)
      .map((day, i) => ({ day, amount: `${5000 + i * 125}.00`, status: i === 4 ? "FAILED" : "PAID" })),
    pending: "2345.67",
    goalPerDay: "1000",
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Renders a 90-day chart with the local renderer ~100 times; wall time per PNG, after a warm-up. */
export async function benchChartRender(): Promise<{ p50Ms: number; p99Ms: number; samples: number }> {
  const renderer = createLocalRenderer();
  const spec = ninetyDaySpec();
  for (let i = 0; i < WARMUP; i++) await renderer.render(spec);
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = performance.now();
    await renderer.render(spec);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { p50Ms: round(percentile(times, 50)), p99Ms: round(percentile(times, 99)), samples: times.length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await benchChartRender());
}
