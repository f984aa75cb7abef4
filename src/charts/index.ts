import type { ChartRenderer } from "./port.ts";

export type { BalanceChartConfig, ChartConfigOptions } from "./config.ts";
export { buildChartConfig } from "./config.ts";
export type { ChartFont } from "./font.ts";
export type { ChartRenderer, ChartSpec, WaterfallSpec } from "./port.ts";

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
  if (settings.renderer !== "local" && !settings.quickchartUrl) {
    throw new Error('charts: renderer "quickchart" needs quickchartUrl (your self-hosted QuickChart)');
  }
  // Loaded on the first chart: canvas and Chart.js cost ~30 MB a bot that never draws doesn't need.
  let loading: Promise<ChartRenderer> | undefined;
  const load = () => {
    loading ??=
      settings.renderer === "local"
        ? import("./local.ts").then((m) => m.createLocalRenderer(size))
        : import("./quickchart.ts").then((m) =>
            m.createQuickChartRenderer({ url: settings.quickchartUrl!, ...size }),
          );
    return loading;
  };
  return {
    render: async (spec) => (await load()).render(spec),
    renderWaterfall: async (spec) => (await load()).renderWaterfall(spec),
  };
}
