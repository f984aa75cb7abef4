import type { Locale } from "../i18n/index.ts";

/**
 * The chart port. Commands and digests build a neutral `ChartSpec`; `buildChartConfig` (one
 * module) turns it into a Chart.js config that both renderers (local canvas, QuickChart) draw.
 * Amounts arrive as exact decimal strings and are converted to numbers only for plotting.
 */
export interface ChartSpec {
  /** e.g. "Sandbox US Shop · settled per day · 2026-10-29 – 2026-11-27 · America/Los_Angeles · USD" */
  title: string;
  currency: string;
  /** ISO local dates (YYYY-MM-DD) on the x axis, in order. */
  days: string[];
  /** Settled per day (bars), same length as days; decimal strings. */
  settled: string[];
  /** Payouts as markers: day and amount. */
  payouts: { day: string; amount: string; status: "PAID" | "FAILED" | "PROCESSING" }[];
  /**
   * Set when the shop is paid out in another currency (a cross-border shop): the markers are the
   * amounts before the exchange, in `currency`, and this names the currency the money arrived in.
   */
  payoutsPaidIn?: string;
  /** Pending (estimated) as a separate series: one value for "now" (drawn on the last day), or null. */
  pending: string | null;
  /** Optional goal line (per-day target), decimal string. */
  goalPerDay?: string | null;
  /** The language of the words drawn (legend, summary line, day labels); English by default. */
  locale?: Locale;
}

/** A reconciliation waterfall: a start, steps up or down, and subtotals, as exact decimal strings. */
export interface WaterfallSpec {
  /** e.g. "Sandbox Outdoor (US) · gross sales to payable · last 30 days · USD" */
  title: string;
  /** One line under the title (period, zone, clock). */
  subtitle: string;
  currency: string;
  steps: { label: string; kind: "start" | "step" | "total"; amount: string }[];
  /** The language of the legend and amounts; English by default (step labels arrive translated). */
  locale?: Locale;
}

export interface ChartRenderer {
  render(spec: ChartSpec): Promise<Uint8Array>;
  /** `/balance reconcile`'s waterfall, drawn by the same renderer. */
  renderWaterfall(spec: WaterfallSpec): Promise<Uint8Array>;
}
