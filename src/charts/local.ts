import { type Canvas, createCanvas } from "@napi-rs/canvas";
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

/** A canvas and the chart drawn on it last; charts of one kind share a layout, so one is redrawn. */
interface Easel {
  canvas: Canvas;
  chart?: Chart;
}
type EaselKind = "chart" | "waterfall";
/** Easels kept per kind: renders in flight at once beyond this get a canvas of their own. */
const MAX_IDLE_EASELS = 4;

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

  // Canvases and their charts are kept between renders (a new canvas and a new Chart cost a few
  // milliseconds each, and a kept chart keeps its text measurements). One easel per render in
  // flight: encoding runs off the main thread, so a canvas goes back only once its PNG is taken.
  const idle: Record<EaselKind, Easel[]> = { chart: [], waterfall: [] };

  async function draw(
    kind: EaselKind,
    config: ChartConfiguration<"bar" | "line", unknown[], string>,
  ): Promise<Uint8Array> {
    const easel = idle[kind].pop() ?? { canvas: createCanvas(width, height) };
    const options = { ...config.options, responsive: false, devicePixelRatio };
    try {
      if (easel.chart) {
        easel.chart.data = config.data as ChartConfiguration["data"];
        easel.chart.options = options as ChartConfiguration["options"] & object;
        easel.chart.update();
      } else {
        easel.chart = new Chart(easel.canvas, {
          ...config,
          options,
          plugins: [whiteBackground],
        } as ChartConfiguration);
      }
      const png = await easel.canvas.encode("png");
      if (idle[kind].length < MAX_IDLE_EASELS) idle[kind].push(easel);
      else easel.chart.destroy();
      return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
    } catch (error) {
      // A chart that failed half-way is not drawn on again.
      easel.chart?.destroy();
      throw error;
    }
  }

  return {
    render: (spec: ChartSpec) =>
      draw("chart", buildChartConfig(spec, { width, fontFamily: font.family }) as never),
    renderWaterfall: (spec: WaterfallSpec) =>
      draw("waterfall", buildWaterfallConfig(spec, { width, fontFamily: font.family }) as never),
  };
}
