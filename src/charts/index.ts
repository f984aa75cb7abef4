import { createLocalRenderer } from "./local.ts";
import type { ChartRenderer } from "./port.ts";
import { createQuickChartRenderer } from "./quickchart.ts";

export type { BalanceChartConfig, ChartConfigOptions } from "./config.ts";
export { buildChartConfig } from "./config.ts";
export type { ChartFont } from "./font.ts";
export { loadChartFont } from "./font.ts";
export type { ChartRenderer, ChartSpec } from "./port.ts";

/** Which renderer to use; mirrors `config.charts`. */
export interface ChartRendererSettings {
  renderer: "local" | "quickchart";
  /** Required for "quickchart": your self-hosted server. */
  quickchartUrl?: string | undefined;
  width?: number;
  height?: number;
}

/**
 * The renderer named by the config: "local" (default; in-process, offline) or "quickchart"
 * (a self-hosted QuickChart server, so the data stays in your deployment).
 */
export function createChartRenderer(settings: ChartRendererSettings): ChartRenderer {
  const size = {
    ...(settings.width === undefined ? {} : { width: settings.width }),
    ...(settings.height === undefined ? {} : { height: settings.height }),
  };
  if (settings.renderer === "local") return createLocalRenderer(size);
  if (!settings.quickchartUrl) {
    throw new Error('charts: renderer "quickchart" needs quickchartUrl (your self-hosted QuickChart)');
  }
  return createQuickChartRenderer({ url: settings.quickchartUrl, ...size });
}
