import type { ChartConfiguration, ChartDataset } from "chart.js";
import { INTL_TAG, translator, type Words } from "../i18n/index.ts";
import { currencyDigits, formatMoney, type Money, parseMoney, sum } from "../money/index.ts";
import { DEFAULT_FONT_FAMILY, PALETTE, PAYOUT_MARKERS } from "./palette.ts";
import type { ChartSpec } from "./port.ts";
import { dayLabels, wrapTitle } from "./text.ts";

/** A marker placed by its x label, so several payouts can share a day. */
export interface LabelledPoint {
  x: string;
  y: number;
}

/** One plotted value: a number per day (bars, goal) or a labelled point (payout markers). */
export type ChartPoint = number | null | LabelledPoint;

/**
 * The Chart.js configuration both renderers draw. It is plain JSON data (no callbacks, no plugins)
 * so QuickChart can receive it as a string; the local renderer adds its background plugin itself.
 */
export type BalanceChartConfig = ChartConfiguration<"bar" | "line", ChartPoint[], string>;

/** Rendering context that changes how the config is laid out; defaults suit the local renderer. */
export interface ChartConfigOptions {
  /** Image width in CSS pixels, used to decide where the title wraps. Default 1000. */
  width?: number;
  /** CSS font-family list for every text element. */
  fontFamily?: string;
  /** Locale for numbers on the axis and in the legend. Default "en-US". */
  locale?: string;
}

/** The legend's name of each payout marker. */
const MARKER_LABELS = {
  PAID: "chart.legendPaid",
  PROCESSING: "chart.legendProcessing",
  FAILED: "chart.legendFailed",
} as const;

/** Below this magnitude the axis shows full amounts ("$8,500"); above it, compact ("$120K", "₫12M"). */
const COMPACT_FROM = 100_000;
const TITLE_SIZE = 18;
/** Average advance of DejaVu Sans Bold relative to its size; deliberately generous so titles never clip. */
const TITLE_CHAR_WIDTH = 0.64;
const PADDING = 16;

/**
 * Chart.js `order` decides three things at once: lower is drawn on top, stacked lower, and listed
 * first in the legend (which is reversed below). So markers and the goal sit above the bars, the
 * pending bar stacks on top of the last day's settled bar, and the legend reads pending, settled…
 */
const ORDER = {
  FAILED: 0,
  PROCESSING: 1,
  PAID: 2,
  goal: 3,
  negative: 4,
  settled: 5,
  pending: 6,
} as const;

/**
 * Turns a neutral `ChartSpec` into the Chart.js config for a settled-per-day bar chart with payout
 * markers, a pending (estimated) bar on the last day and an optional dashed goal line.
 *
 * Tick labels use Chart.js's serialisable `ticks.format` (Intl.NumberFormat options) instead of a
 * callback, so the same config renders identically in QuickChart, where functions would not survive
 * JSON. Amounts in text (legend, subtitle) are formatted from the exact decimal strings.
 */
export function buildChartConfig(spec: ChartSpec, options: ChartConfigOptions = {}): BalanceChartConfig {
  if (spec.settled.length !== spec.days.length) {
    throw new Error(`chart spec: ${spec.days.length} days but ${spec.settled.length} settled values`);
  }
  const width = options.width ?? 1000;
  const family = options.fontFamily ?? DEFAULT_FONT_FAMILY;
  const language = spec.locale ?? "en";
  const words = translator(language);
  const { t, fmt } = words;
  const locale = options.locale ?? INTL_TAG[language];
  const currency = spec.currency;
  // English keeps its "Nov 3" labels; the other languages write the day their way ("3 thg 11").
  const labels =
    language === "en"
      ? dayLabels(spec.days)
      : dayLabels(spec.days, (day, withYear) => fmt.date(day, "UTC", withYear ? "dayYear" : "day"));
  const indexOfDay = new Map(spec.days.map((day, i) => [day, i]));
  const show = options.locale ? (amount: Money) => formatMoney(amount, { locale }) : fmt.money;
  const exact = (value: string, field: string) => parseMoney(value, currency, field);

  // Numbers only position pixels: a float64 carries ~15 significant digits while a pixel is about
  // 1/400 of the axis, so the conversion cannot move a bar visibly. Every amount a reader sees as
  // text comes from the exact decimal strings instead.
  const plot = (value: string, field: string) => {
    exact(value, field);
    return Number(value.trim());
  };
  const settled = spec.settled.map((value, i) => plot(value, `settled[${i}]`));
  // Bars of one day share a slot: negative days are a series of their own (so the legend can name
  // their colour without a callback), and the pending bar stacks on the last day.
  const bar = {
    type: "bar",
    stack: "day",
    pointStyle: "rect",
    borderWidth: 0,
    categoryPercentage: 0.85,
    barPercentage: 0.9,
    maxBarThickness: 64,
  } as const;
  const datasets: ChartDataset<"bar" | "line", ChartPoint[]>[] = [
    {
      ...bar,
      label: t("chart.legendSettled"),
      data: settled.map((v) => (v < 0 ? null : v)),
      backgroundColor: PALETTE.settled,
      order: ORDER.settled,
    },
  ];

  if (settled.some((v) => v < 0)) {
    datasets.push({
      ...bar,
      label: t("chart.legendNegative"),
      data: settled.map((v) => (v < 0 ? v : null)),
      backgroundColor: PALETTE.settledNegative,
      order: ORDER.negative,
    });
  }

  if (spec.pending !== null && spec.days.length > 0) {
    const pending = exact(spec.pending, "pending");
    // Pending is all unsettled orders at once, often several days' worth: drawn on the daily axis
    // it flattens every bar. It stays off the axis and is told in the legend instead.
    const data: ChartPoint[] = spec.days.map(() => null);
    datasets.push({
      ...bar,
      label: t("chart.legendPending", { amount: show(pending) }),
      data,
      backgroundColor: PALETTE.pendingFill,
      borderColor: PALETTE.pendingBorder,
      borderWidth: 2,
      borderSkipped: false,
      order: ORDER.pending,
    });
  }

  for (const status of ["PAID", "PROCESSING", "FAILED"] as const) {
    const marker = PAYOUT_MARKERS[status];
    const points: LabelledPoint[] = [];
    for (const payout of spec.payouts) {
      const at = indexOfDay.get(payout.day);
      const label = at === undefined ? undefined : labels[at];
      // A payout outside the charted days has no place on the x axis; the caller chose the range.
      if (payout.status !== status || label === undefined) continue;
      points.push({ x: label, y: plot(payout.amount, `payouts[${payout.day}]`) });
    }
    if (points.length === 0) continue;
    datasets.push({
      type: "line",
      label: t(MARKER_LABELS[status]),
      data: points,
      showLine: false,
      pointStyle: marker.pointStyle,
      pointRadius: marker.radius,
      pointBorderWidth: status === "FAILED" ? 3 : 1.5,
      pointBackgroundColor: marker.color,
      pointBorderColor: status === "FAILED" ? marker.color : PALETTE.background,
      backgroundColor: marker.color,
      borderColor: marker.color,
      // A stack of its own, or Chart.js would add markers of the same day on top of each other.
      stack: `payout-${status}`,
      order: ORDER[status],
    });
  }

  if (spec.goalPerDay != null && spec.days.length > 0) {
    const goalText = spec.goalPerDay;
    const goal = exact(goalText, "goalPerDay");
    datasets.push({
      type: "line",
      label: t("chart.legendGoal", { amount: show(goal) }),
      data: spec.days.map(() => plot(goalText, "goalPerDay")),
      borderColor: PALETTE.goal,
      backgroundColor: PALETTE.goal,
      borderWidth: 2,
      borderDash: [8, 6],
      // One day has no line to draw: a wide horizontal marker stands in for it.
      pointRadius: spec.days.length === 1 ? 40 : 0,
      pointBorderWidth: 2,
      pointStyle: "line",
      fill: false,
      stack: "goal",
      order: ORDER.goal,
    });
  }

  const font = (size: number, weight?: "bold") => ({ family, size, ...(weight ? { weight } : {}) });
  const maxTitleChars = (width - 2 * PADDING) / (TITLE_SIZE * TITLE_CHAR_WIDTH);
  const largest = Math.max(0, ...plottedMagnitudes(datasets));

  return {
    type: "bar",
    data: { labels, datasets },
    options: {
      locale,
      animation: false,
      layout: { padding: PADDING },
      plugins: {
        title: {
          display: true,
          text: wrapTitle(spec.title, maxTitleChars),
          color: PALETTE.text,
          font: font(TITLE_SIZE, "bold"),
          padding: { top: 0, bottom: 4 },
        },
        subtitle: {
          display: true,
          text: summaryLine(spec, show, exact, words),
          color: PALETTE.mutedText,
          font: font(13),
          padding: { bottom: 10 },
        },
        legend: {
          display: true,
          position: "bottom",
          reverse: true,
          labels: { usePointStyle: true, color: PALETTE.text, font: font(13), padding: 14 },
        },
        tooltip: { enabled: false },
      },
      scales: {
        x: {
          stacked: true,
          grid: { display: false },
          ticks: { color: PALETTE.text, font: font(12), maxRotation: 0, autoSkip: true, autoSkipPadding: 14 },
        },
        y: {
          stacked: true,
          beginAtZero: true,
          grace: "5%",
          grid: { color: PALETTE.grid },
          border: { display: false },
          title: { display: true, text: currency, color: PALETTE.mutedText, font: font(12, "bold") },
          ticks: { color: PALETTE.text, font: font(12), format: tickFormat(currency, largest) },
        },
      },
    },
  };
}

/**
 * Intl.NumberFormat options for the y axis: the currency symbol, compact notation for large
 * amounts, and never more fraction digits than the currency has (USD 2, VND 0).
 */
export function tickFormat(currency: string, largest: number): Intl.NumberFormatOptions {
  const compact = largest >= COMPACT_FROM;
  return {
    style: "currency",
    currency,
    currencyDisplay: "narrowSymbol",
    minimumFractionDigits: 0,
    maximumFractionDigits: compact ? 2 : currencyDigits(currency),
    ...(compact ? { notation: "compact" } : {}),
  };
}

function plottedMagnitudes(datasets: readonly ChartDataset<"bar" | "line", ChartPoint[]>[]): number[] {
  return datasets.flatMap((dataset) =>
    dataset.data.map((point) => Math.abs(typeof point === "number" ? point : (point?.y ?? 0))),
  );
}

/** "settled $12,345.67 in 30 days · paid out $10,000.00 (2) · 1 failed" — exact sums, as text. */
function summaryLine(
  spec: ChartSpec,
  show: (amount: Money) => string,
  exact: (value: string, field: string) => Money,
  { t }: Words,
): string {
  const inRange = new Set(spec.days);
  const payouts = spec.payouts.filter((p) => inRange.has(p.day));
  const total = (status: string) =>
    sum(
      spec.currency,
      payouts.filter((p) => p.status === status).map((p) => exact(p.amount, "payout")),
    );
  const count = (status: string) => payouts.filter((p) => p.status === status).length;
  const settled = sum(
    spec.currency,
    spec.settled.map((v, i) => exact(v, `settled[${i}]`)),
  );
  const parts = [t("chart.summarySettled", { amount: show(settled), days: spec.days.length })];
  if (count("PAID") > 0)
    parts.push(
      spec.payoutsPaidIn
        ? t("chart.summaryPaidBefore", {
            amount: show(total("PAID")),
            currency: spec.payoutsPaidIn,
            count: count("PAID"),
          })
        : t("chart.summaryPaid", { amount: show(total("PAID")), count: count("PAID") }),
    );
  if (count("PROCESSING") > 0)
    parts.push(t("chart.summaryProcessing", { amount: show(total("PROCESSING")) }));
  if (count("FAILED") > 0) parts.push(t("chart.summaryFailed", { count: count("FAILED") }));
  return parts.join(" · ");
}
