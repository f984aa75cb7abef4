/**
 * Chart colours from the Okabe–Ito palette, which stays distinguishable under the common forms of
 * colour blindness. Payout states also differ by marker shape, so colour is never the only cue.
 */
export const PALETTE = {
  settled: "#0072B2",
  settledNegative: "#CC79A7",
  pendingFill: "rgba(0, 114, 178, 0.25)",
  pendingBorder: "#0072B2",
  paid: "#009E73",
  failed: "#D55E00",
  processing: "#E69F00",
  goal: "#333333",
  text: "#1F2328",
  mutedText: "#57606A",
  grid: "rgba(0, 0, 0, 0.08)",
  background: "#FFFFFF",
} as const;

/** Marker shape per payout status (Chart.js point styles). */
export const PAYOUT_MARKERS = {
  PAID: { pointStyle: "circle", color: PALETTE.paid, label: "payout paid", radius: 7 },
  PROCESSING: { pointStyle: "triangle", color: PALETTE.processing, label: "payout processing", radius: 9 },
  FAILED: { pointStyle: "crossRot", color: PALETTE.failed, label: "payout failed", radius: 8 },
} as const;

/**
 * Font stack used when a renderer does not supply its own family. QuickChart draws with the fonts
 * of its own server; the local renderer passes the family it registered.
 */
export const DEFAULT_FONT_FAMILY = "'DejaVu Sans', 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
