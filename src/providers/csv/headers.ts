/**
 * Finding the header row of a Seller Center finance export and mapping its columns by name
 * (reference §6: names vary by region, language and date, and some carry trailing spaces).
 */
import { type Cell, cellText } from "./cells.ts";

/**
 * Column aliases, written in normalized form (see `normalizeHeader`). English names are those
 * the reference lists. Indonesian names come from seller exports seen in public third-party
 * parsers and are UNCERTAIN beyond `ID Pesanan/Penyesuaian` and `Jumlah penyelesaian
 * pembayaran`, which the reference quotes.
 */
export const FIELD_ALIASES = {
  id: ["order/adjustment id", "id pesanan/penyesuaian"],
  type: ["type", "transaction type", "jenis", "jenis transaksi", "tipe"],
  relatedOrderId: ["related order id", "id pesanan terkait"],
  orderCreated: ["order created time", "creation date", "waktu pesanan dibuat", "waktu pembuatan pesanan"],
  settledTime: [
    "order settled time",
    "settled time",
    "waktu penyelesaian pesanan",
    "waktu penyelesaian",
    "waktu pesanan diselesaikan",
  ],
  statementDate: ["statement date", "tanggal laporan", "tanggal laporan mutasi"],
  currency: ["currency", "mata uang"],
  settlement: [
    "total settlement amount",
    "jumlah penyelesaian pembayaran",
    "total jumlah penyelesaian",
    "jumlah penyelesaian",
  ],
  revenue: ["total revenue", "total pendapatan"],
  fee: ["total fees", "total fee", "total biaya"],
  shipping: ["seller shipping fee", "biaya pengiriman penjual"],
  adjustment: ["adjustment amount", "total adjustment", "jumlah penyesuaian"],
  status: ["status"],
  skuId: ["sku id", "id sku"],
  quantity: ["quantity", "kuantitas"],
} as const satisfies Record<string, readonly string[]>;

export type Field = keyof typeof FIELD_ALIASES;

/** Money columns of the normalized row (validated as exact decimals). */
export const MONEY_FIELDS = ["settlement", "revenue", "fee", "shipping", "adjustment"] as const;

/**
 * Per-column breakdown, keyed like the API path (`fee.*`, `shipping.*`, `revenue.*`, see
 * `tiktok/breakdowns.ts`) so `/balance breakdown` reads imports and API data alike.
 */
export const BREAKDOWN_ALIASES: Readonly<Record<string, readonly string[]>> = {
  "fee.transaction_fee_amount": ["transaction fee", "biaya transaksi"],
  "fee.platform_commission_amount": [
    "tiktok shop commission fee",
    "biaya komisi tiktok shop",
    "komisi tiktok shop",
    "biaya komisi platform",
  ],
  "fee.affiliate_commission_amount": ["affiliate commission", "komisi afiliasi"],
  "fee.affiliate_partner_commission_amount": ["affiliate partner commission", "komisi mitra afiliasi"],
  "fee.affiliate_ads_commission_amount": ["affiliate shop ads commission"],
  "fee.sfp_service_fee_amount": ["sfp service fee", "biaya layanan sfp"],
  "fee.referral_fee_amount": ["referral fee"],
  "shipping.actual_shipping_fee_amount": ["actual shipping fee", "biaya pengiriman aktual"],
  "shipping.customer_paid_shipping_fee_amount": ["customer shipping fee", "customer-paid shipping fee"],
  "shipping.supplementary.platform_shipping_fee_discount_amount": ["platform shipping fee discount"],
  "revenue.subtotal_before_discount_amount": ["subtotal before discounts", "subtotal sebelum diskon"],
  "revenue.seller_discount_amount": ["seller discounts", "diskon penjual"],
  "revenue.seller_discount_refund_amount": ["refund of seller discounts"],
  "revenue.refund_subtotal_before_discount_amount": [
    "refund subtotal before seller discounts",
    "subtotal pengembalian dana sebelum diskon penjual",
  ],
  // No API key says "after discounts": kept apart rather than passed off as the "before" figure.
  "revenue.refund_subtotal_after_discount_amount": [
    "refund subtotal after seller discounts",
    "subtotal pengembalian dana setelah diskon penjual",
  ],
};

/** Columns of the unsettled (on-hold) export, which is not a statement export. */
const UNSETTLED_MARKERS = ["total estimated settlement amount", "estimated settle time"];

export interface Column {
  /** 0-based index in the row. */
  index: number;
  /** The header as the file spells it (trimmed), for messages. */
  label: string;
  /** A zone the header names, e.g. "Order created time(UTC)" → "UTC". */
  zone: string | null;
}

export interface HeaderMap {
  /** 1-based spreadsheet row of the header. */
  row: number;
  columns: Partial<Record<Field, Column>>;
  breakdown: { key: string; column: Column }[];
  /** Every non-empty header, for the raw row. */
  labels: { index: number; label: string }[];
  /** The sheet looks like the unsettled-orders export. */
  unsettled: boolean;
}

/**
 * Case- and space-insensitive form of a header: NFKC, lower case, `\` as `/`, inner whitespace
 * collapsed and dropped around `/`; a trailing "(UTC±h)" is split off as the column's zone.
 */
export function normalizeHeader(text: string): { key: string; zone: string | null } {
  let key = text
    .normalize("NFKC")
    .replace(/\\/g, "/")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/ ?\/ ?/g, "/");
  let zone: string | null = null;
  const suffix = /\s*\(\s*utc\s*(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?\s*\)$/.exec(key);
  if (suffix) {
    key = key.slice(0, suffix.index).trim();
    const [, sign, hours, minutes] = suffix;
    zone =
      sign && hours ? `UTC${sign}${Number(hours)}${minutes && minutes !== "00" ? `:${minutes}` : ""}` : "UTC";
  }
  return { key, zone };
}

const FIELD_BY_ALIAS = new Map<string, Field>(
  Object.entries(FIELD_ALIASES).flatMap(([field, aliases]) =>
    aliases.map((alias) => [alias, field as Field] as const),
  ),
);
const BREAKDOWN_BY_ALIAS = new Map<string, string>(
  Object.entries(BREAKDOWN_ALIASES).flatMap(([key, aliases]) =>
    aliases.map((alias) => [alias, key] as const),
  ),
);

/** Maps one row as a header; undefined unless it has the Order/adjustment ID column. */
export function mapHeaderRow(row: readonly Cell[], rowNumber: number): HeaderMap | undefined {
  const columns: Partial<Record<Field, Column>> = {};
  const breakdown: HeaderMap["breakdown"] = [];
  const labels: HeaderMap["labels"] = [];
  let unsettled = false;
  row.forEach((cell, index) => {
    const label = cellText(cell);
    if (!label) return;
    labels.push({ index, label });
    const { key, zone } = normalizeHeader(label);
    const column = { index, label, zone };
    const field = FIELD_BY_ALIAS.get(key);
    // The first column of a name wins; a later duplicate stays in the raw row only.
    if (field && !columns[field]) columns[field] = column;
    const breakdownKey = BREAKDOWN_BY_ALIAS.get(key);
    if (breakdownKey && !breakdown.some((b) => b.key === breakdownKey))
      breakdown.push({ key: breakdownKey, column });
    if (UNSETTLED_MARKERS.includes(key)) unsettled = true;
  });
  if (!columns.id) return undefined;
  return { row: rowNumber, columns, breakdown, labels, unsettled };
}

/** The first row (banner rows skipped) that carries the Order/adjustment ID column. */
export function findHeader(rows: readonly (readonly Cell[])[]): HeaderMap | undefined {
  for (let i = 0; i < rows.length; i++) {
    const header = mapHeaderRow(rows[i] ?? [], i + 1);
    if (header) return header;
  }
  return undefined;
}

/** How well a header fits a statement export (used to pick a delimiter or a sheet). */
export function headerScore(header: HeaderMap | undefined): number {
  if (!header) return 0;
  const fields = Object.keys(header.columns).length + header.breakdown.length;
  return fields + (header.columns.settlement ? 100 : 0);
}
