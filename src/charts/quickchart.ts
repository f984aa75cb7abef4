import quickchartModule from "quickchart-js";
import { buildChartConfig } from "./config.ts";
import { PALETTE } from "./palette.ts";
import type { ChartRenderer, ChartSpec, WaterfallSpec } from "./port.ts";
import { buildWaterfallConfig } from "./waterfall-chart.ts";

// The package's types describe its CommonJS build (class under `.default`), while Node loads its ESM
// build (class as the default export); accept either shape.
type QuickChartClass = typeof quickchartModule.default;
const QuickChart: QuickChartClass =
  "default" in quickchartModule ? quickchartModule.default : quickchartModule;

/** Options for rendering through a self-hosted QuickChart server. */
export interface QuickChartRendererOptions {
  /** Base URL of your QuickChart server, e.g. "http://quickchart:3400" (a path prefix is kept). */
  url: string;
  /** CSS pixels. Default 1000. */
  width?: number;
  /** CSS pixels. Default 500. */
  height?: number;
  /** Default 1. */
  devicePixelRatio?: 1 | 2;
}

/**
 * The Chart.js major version QuickChart must use: the config is written for Chart.js 4
 * (`scales.x`, `ticks.format`); QuickChart's default, 2.9, would misread it.
 */
export const QUICKCHART_CHART_JS_VERSION = "4";

/**
 * Renders the same Chart.js config as the local renderer on a QuickChart server. The config goes
 * as a JSON string: it has no callbacks, and a JSON string is what the server evaluates verbatim.
 * Fonts are whatever that server has installed.
 */
export function createQuickChartRenderer(options: QuickChartRendererOptions): ChartRenderer {
  const url = new URL(options.url);
  const scheme = url.protocol.replace(/:$/, "");
  // quickchart-js builds `${scheme}://${host}/chart`, so a path prefix travels inside the host.
  const host = `${url.host}${url.pathname.replace(/\/+$/, "")}`;
  const width = options.width ?? 1000;
  const height = options.height ?? 500;
  const devicePixelRatio = options.devicePixelRatio ?? 1;

  async function draw(config: unknown): Promise<Uint8Array> {
    const chart = new QuickChart()
      .setHost(host)
      .setScheme(scheme)
      .setVersion(QUICKCHART_CHART_JS_VERSION)
      .setWidth(width)
      .setHeight(height)
      .setDevicePixelRatio(devicePixelRatio)
      .setBackgroundColor(PALETTE.background)
      .setFormat("png")
      .setConfig(JSON.stringify(config));
    const png = await chart.toBinary();
    return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
  }

  return {
    render: (spec: ChartSpec) => draw(buildChartConfig(spec, { width })),
    renderWaterfall: (spec: WaterfallSpec) => draw(buildWaterfallConfig(spec, { width })),
  };
}
