import { createCanvas } from "@napi-rs/canvas";
import { Chart, type ChartConfiguration, registerables } from "chart.js";
import { buildChartConfig } from "../src/charts/config.ts";
import { loadChartFont } from "../src/charts/font.ts";
import type { ChartSpec } from "../src/charts/port.ts";
import { buildShopChartSpec } from "../src/charts/shop-chart.ts";
import { resolvePeriod } from "../src/core/periods.ts";
import { listAllShops } from "../src/storage/repos/workspaces.ts";
import { openBenchApp } from "./lib/app.ts";
import { type Figure, ratioOf } from "./lib/figure.ts";
import { openScratch } from "./lib/scratch-db.ts";
import { median, p50p99, round2, sampleSideBySide } from "./lib/stats.ts";
import { loadBigShop } from "./seed/big-shop.ts";

const SAMPLES = Number(process.env.BENCH_CHART_SAMPLES ?? 60);
const ROUNDS = 3;
const WARMUP = 5;
const COMMAND = "/balance chart 90d";
/** The chart reads rollups, not transactions: a shop of this size has every day of the 90 filled. */
const SHOP = { transactions: 100_000, days: 400 };
const GOAL = "p50 ≤ 1.2× a bare render";

/**
 * The limit: the same chart drawn the plainest way — a new canvas, Chart.js with the same
 * config, PNG encode — with no database and no reply around it.
 */
function bareRender(spec: ChartSpec): () => Promise<void> {
  Chart.register(...registerables);
  const font = loadChartFont();
  const config = buildChartConfig(spec, { width: 1000, fontFamily: font.family });
  return async () => {
    const canvas = createCanvas(1000, 500);
    const chart = new Chart(
      canvas as never,
      {
        ...config,
        options: { ...config.options, responsive: false, devicePixelRatio: 1 },
      } as ChartConfiguration,
    );
    await canvas.encode("png");
    chart.destroy();
  };
}

/**
 * `/balance chart 90d` through the real core on Postgres (one shop with daily statements and
 * payouts), interleaved with a bare Chart.js + canvas render of the same chart.
 */
export async function benchChartReply(): Promise<Figure[]> {
  const scratch = await openScratch("postgres");
  try {
    const { db } = scratch.database;
    const shop = await loadBigShop(db, SHOP);
    const bench = await openBenchApp(scratch.database);
    try {
      const first = await bench.ask(COMMAND);
      if (first.kind === "error" || first.charts?.length !== 1)
        throw new Error(`${COMMAND} answered no chart: ${first.title} ${first.summary ?? ""}`);
      const row = (await listAllShops(db)).find((s) => s.id === shop.shopId);
      if (!row) throw new Error("bench shop missing");
      const period = resolvePeriod("90d", row.timezone, new Date());
      const spec = await buildShopChartSpec(db, { ...row, currency: row.currency ?? "USD" }, period, {
        includePending: true,
      });
      const ask = async () => {
        const r = await bench.ask(COMMAND);
        if (r.charts?.length !== 1) throw new Error(`${COMMAND} answered no chart`);
      };
      const rounds: { value: { p50: number; p99: number }; limit: { p50: number; p99: number } }[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const { a, b } = await sampleSideBySide(ask, bareRender(spec), SAMPLES, WARMUP);
        rounds.push({ value: p50p99(a), limit: p50p99(b) });
      }
      const mid = (pick: (r: (typeof rounds)[number]) => number) => round2(median(rounds.map(pick)));
      const note = `median of ${ROUNDS} rounds of ${SAMPLES} samples after ${WARMUP} warm-up, interleaved with a bare render (new canvas, Chart.js, PNG encode of the same config); p50 per round ${rounds.map((r) => r.value.p50).join("/")} ms vs ${rounds.map((r) => r.limit.p50).join("/")} ms; postgres`;
      const value = { p50: mid((r) => r.value.p50), p99: mid((r) => r.value.p99) };
      const limit = { p50: mid((r) => r.limit.p50), p99: mid((r) => r.limit.p99) };
      return [
        {
          name: `${COMMAND} reply · p50`,
          value: value.p50,
          unit: "ms",
          limit: limit.p50,
          ratio: ratioOf(value.p50, limit.p50),
          goal: GOAL,
          met: value.p50 <= 1.2 * limit.p50,
          note,
        },
        {
          name: `${COMMAND} reply · p99`,
          value: value.p99,
          unit: "ms",
          limit: limit.p99,
          ratio: ratioOf(value.p99, limit.p99),
          goal: "— (reported)",
          met: null,
          note,
        },
      ];
    } finally {
      await bench.close();
    }
  } finally {
    await scratch.dispose();
  }
}
