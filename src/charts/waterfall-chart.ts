import type { ChartConfiguration } from "chart.js";
import { INTL_TAG, translator } from "../i18n/index.ts";
import { add, formatMoney, isNegative, type Money, parseMoney, toDecimal, zero } from "../money/index.ts";
import { tickFormat } from "./config.ts";
import { DEFAULT_FONT_FAMILY, PALETTE } from "./palette.ts";
import type { WaterfallSpec } from "./port.ts";
import { wrapTitle } from "./text.ts";

/** A floating bar: from one running total to the next. */
type Span = [number, number];
export type WaterfallChartConfig = ChartConfiguration<"bar", (Span | null)[], string>;

const TITLE_SIZE = 18;
const TITLE_CHAR_WIDTH = 0.64;
const PADDING = 16;

/** Colours by what a bar does to the money: totals blue, money in green, money out vermillion. */
const COLOURS = { total: PALETTE.settled, up: PALETTE.paid, down: PALETTE.failed } as const;

/**
 * The Chart.js config of a reconciliation waterfall: the start and subtotal bars stand on zero,
 * every step floats from the running total before it to the one after it. Plain JSON (floating
 * bars are `[from, to]` pairs), so QuickChart can draw it too. Amounts in text come from the exact
 * decimal strings; numbers only place pixels.
 */
export function buildWaterfallConfig(
  spec: WaterfallSpec,
  options: { width?: number; fontFamily?: string; locale?: string } = {},
): WaterfallChartConfig {
  const width = options.width ?? 1000;
  const family = options.fontFamily ?? DEFAULT_FONT_FAMILY;
  const language = spec.locale ?? "en";
  const { t, fmt } = translator(language);
  const locale = options.locale ?? INTL_TAG[language];
  const exact = (value: string, at: number): Money => parseMoney(value, spec.currency, `steps[${at}]`);
  const money = (amount: Money, signed = false) =>
    options.locale ? formatMoney(amount, { locale, signed }) : fmt.money(amount, { signed });
  const show = (amount: Money) => money(amount, true);
  const series = { total: [] as (Span | null)[], up: [] as (Span | null)[], down: [] as (Span | null)[] };
  const labels: string[] = [];
  // The running total stays exact; numbers only position pixels (a float64 cannot move a bar
  // visibly), so a step's bar ends exactly where the next total's bar does.
  const plot = (amount: Money) => Number(toDecimal(amount));
  let running = zero(spec.currency);
  spec.steps.forEach((step, at) => {
    const amount = exact(step.amount, at);
    let span: Span;
    let kind: keyof typeof series;
    if (step.kind === "step") {
      const next = add(running, amount);
      span = [plot(running), plot(next)];
      running = next;
      kind = isNegative(amount) ? "down" : "up";
    } else {
      span = [0, plot(amount)];
      running = amount;
      kind = "total";
    }
    for (const key of Object.keys(series) as (keyof typeof series)[])
      series[key].push(key === kind ? span : null);
    labels.push(`${step.label} ${step.kind === "step" ? show(amount) : money(amount)}`);
  });
  const largest = Math.max(0, ...spec.steps.map((s) => Math.abs(Number(s.amount))));
  const font = (size: number, weight?: "bold") => ({ family, size, ...(weight ? { weight } : {}) });
  const bar = { stack: "waterfall", borderWidth: 0, categoryPercentage: 0.8, barPercentage: 0.9 } as const;
  return {
    type: "bar",
    data: {
      labels,
      datasets: [
        { ...bar, label: t("chart.waterfallTotal"), data: series.total, backgroundColor: COLOURS.total },
        { ...bar, label: t("chart.waterfallIn"), data: series.up, backgroundColor: COLOURS.up },
        { ...bar, label: t("chart.waterfallOut"), data: series.down, backgroundColor: COLOURS.down },
      ],
    },
    options: {
      locale,
      animation: false,
      indexAxis: "y",
      layout: { padding: PADDING },
      plugins: {
        title: {
          display: true,
          text: wrapTitle(spec.title, (width - 2 * PADDING) / (TITLE_SIZE * TITLE_CHAR_WIDTH)),
          color: PALETTE.text,
          font: font(TITLE_SIZE, "bold"),
          padding: { top: 0, bottom: 4 },
        },
        subtitle: {
          display: true,
          text: spec.subtitle,
          color: PALETTE.mutedText,
          font: font(13),
          padding: { bottom: 10 },
        },
        legend: {
          display: true,
          position: "bottom",
          labels: { color: PALETTE.text, font: font(13), padding: 14 },
        },
        tooltip: { enabled: false },
      },
      scales: {
        y: {
          stacked: true,
          grid: { display: false },
          ticks: { color: PALETTE.text, font: font(12), autoSkip: false },
        },
        x: {
          stacked: false,
          beginAtZero: true,
          grace: "3%",
          grid: { color: PALETTE.grid },
          border: { display: false },
          title: { display: true, text: spec.currency, color: PALETTE.mutedText, font: font(12, "bold") },
          ticks: { color: PALETTE.text, font: font(12), format: tickFormat(spec.currency, largest) },
        },
      },
    },
  };
}
