import { createCanvas } from "@napi-rs/canvas";
import { Chart, type ChartConfiguration, type Plugin, registerables } from "chart.js";
import { buildChartConfig } from "./config.ts";
import { loadChartFont } from "./font.ts";
import { PALETTE } from "./palette.ts";
import type { ChartRenderer, ChartSpec, WaterfallSpec } from "./port.ts";
import { buildWaterfallConfig } from "./waterfall-chart.ts";

/** Options for the in-process renderer. */
export interface LocalRendererOptions {
  /** CSS pixels. Default 1000. */
  width?: number;
  /** CSS pixels. Default 500. */
  height?: number;
  /** 2 gives a sharper image at four times the pixels (and about three times the time). Default 1. */
  devicePixelRatio?: 1 | 2;
}

/** Paints the background white: PNGs are transparent otherwise, and unreadable in dark-mode chat. */
const whiteBackground: Plugin = {
  id: "balance-bot-white-background",
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = "destination-over";
    ctx.fillStyle = PALETTE.background;
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

let registered = false;

function registerChartJs(): void {
  if (registered) return;
  Chart.register(...registerables);
  registered = true;
}

/**
 * Renders charts in-process with Chart.js on a Skia canvas (@napi-rs/canvas): offline, and the
 * financial data never leaves the deployment. Returns PNG bytes.
 */
export function createLocalRenderer(options: LocalRendererOptions = {}): ChartRenderer {
  const width = options.width ?? 1000;
  const height = options.height ?? 500;
  const devicePixelRatio = options.devicePixelRatio ?? 1;
  registerChartJs();
  const font = loadChartFont();

  async function draw(config: ChartConfiguration<"bar" | "line", unknown[], string>): Promise<Uint8Array> {
    // A canvas per render: encoding runs off the main thread, and a shared canvas could be drawn
    // over by the next render before its PNG is taken. Creating one costs well under a millisecond.
    const canvas = createCanvas(width, height);
    const chart = new Chart(canvas, {
      ...config,
      options: { ...config.options, responsive: false, devicePixelRatio },
      plugins: [whiteBackground],
    } as ChartConfiguration);
    try {
      const png = await canvas.encode("png");
      return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
    } finally {
      chart.destroy();
    }
  }

  return {
    render: (spec: ChartSpec) => draw(buildChartConfig(spec, { width, fontFamily: font.family }) as never),
    renderWaterfall: (spec: WaterfallSpec) =>
      draw(buildWaterfallConfig(spec, { width, fontFamily: font.family }) as never),
  };
}
