import type { Messages } from "../../catalog.ts";

/** `/balance shops`. The English file defines the keys; id, vi and th must have exactly these. */
export default {
  title: "Linked shops ({count, number})",
  shop: "{name} ({region}, {currency})",
  shopNoCurrency: "{name} ({region}, currency not known yet)",
  none: "No shop linked yet",
  columnShop: "Shop",
  columnRegion: "Region",
  columnCurrency: "Currency",
  columnZone: "Days in",
  columnSource: "Source",
  sourceSandbox: "sandbox data",
  sourceCreator: "{source} · creator account",
  noneNote: "No shop is linked yet; see README: connecting a shop.",
  pickNote: "Pick one in any command with shop:<name>.",
} as const satisfies Messages;
