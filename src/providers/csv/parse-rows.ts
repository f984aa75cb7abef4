/**
 * Export rows → normalized rows, checking every row and collecting every problem (with its
 * spreadsheet row number) so the seller can fix the file in one go.
 */

import { checkCurrency } from "../../money/money.ts";
import type { PaymentStatus } from "../port.ts";
import { detectNumberStyle, type FileStyle, parseAmountNumber, parseAmountText } from "./amounts.ts";
import { type Cell, cellText, type ExportTable, isBlankRow } from "./cells.ts";
import { DAY_FIRST, type DateOrder, parseStamp, type Stamp, slashDateOrder } from "./dates.ts";
import { type Column, type ExportLanguage, type HeaderMap, headerLanguage, MONEY_FIELDS } from "./headers.ts";
import { ImportError, type Problem, type Said } from "./import-error.ts";

/** One export row, normalized; amounts are exact decimal strings, signed as in the file. */
export interface ExportRow {
  /** 1-based spreadsheet row. */
  row: number;
  /**
   * What makes the row unique: an order that settles and later reverses keeps its ID, so the ID
   * alone is not. It is the ID, type, settled time and amount (and SKU when the export has one),
   * plus "#n" for the n-th identical row of a file: re-importing the file, or a later export that
   * overlaps it, yields the same keys and so changes nothing.
   */
  key: string;
  id: string;
  /** "ORDER", "PLATFORM_PENALTY", … or the file's free text. */
  type: string;
  relatedOrderId: string | null;
  settled: Stamp;
  orderCreated: Stamp | null;
  /** Null when the file has no currency column (the importer decides). */
  currency: string | null;
  settlement: string;
  revenue: string | null;
  fee: string | null;
  shipping: string | null;
  adjustment: string | null;
  status: PaymentStatus | null;
  breakdown: Record<string, string>;
  /** The source row: header as the file spells it → cell text. */
  raw: Record<string, string>;
}

export interface ParsedExport {
  header: HeaderMap;
  rows: ExportRow[];
  /** "row N: reason", in row order. */
  problems: Said[];
  /** The file's currency (the option, else the most frequent); null when the file has none. */
  currency: string | null;
  language: ExportLanguage;
  /** How slash dates were read, when the file has any. */
  dateOrder: DateOrder | null;
}

export interface ParseOptions {
  /** The currency given by the user (CLI `--currency`). */
  currency?: string | undefined;
  /** A currency the workbook states elsewhere (its Reports sheet). */
  statedCurrency?: string | null | undefined;
  /** How to read slash dates, when the file and its locale don't say (CLI `--date-order`). */
  dateOrder?: DateOrder | undefined;
}

// The API has no REFUND type: a refund is part of its order's transaction (revenue_breakdown's
// refund_* keys), so refund rows count as ORDER and `/balance breakdown` shows them under
// "Refunds" rather than as an adjustment. Indonesian names are UNCERTAIN (seen in public parsers).
const TYPE_ALIASES: Readonly<Record<string, string>> = {
  REFUND: "ORDER",
  PESANAN: "ORDER",
  PENGEMBALIAN_DANA: "ORDER",
  PENGEMBALIAN: "ORDER",
  BAYARAN_BALIK: "ORDER",
};
// Order rows in the other languages: "Đơn hàng" and "คำสั่งซื้อ" are seen in the Vietnamese and
// Thai sources (headers.ts); the refund words and the Chinese ones are UNCERTAIN translations.
const LOCAL_TYPES: Readonly<Record<string, string>> = {
  "đơn hàng": "ORDER",
  "hoàn tiền": "ORDER",
  คำสั่งซื้อ: "ORDER",
  คืนเงิน: "ORDER",
  订单: "ORDER",
  退款: "ORDER",
};
// A closing "Total" line under the rows is a summary, not a transaction.
const SUMMARY_ROW = /^(total|grand total|subtotal|jumlah|jumlah total|tổng cộng|รวม|合计|总计)(\s|$)/i;

/** "Order" → "ORDER", "Platform penalty" → "PLATFORM_PENALTY"; other free text kept as is. */
export function normalizeType(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return "ORDER";
  const local = LOCAL_TYPES[trimmed.normalize("NFKC").toLowerCase()];
  if (local) return local;
  const upper = trimmed.toUpperCase().replace(/[\s-]+/g, "_");
  if (!/^[A-Z0-9_]+$/.test(upper)) return trimmed;
  return TYPE_ALIASES[upper] ?? upper;
}

/** Whether a type is an order (or its refund) rather than an adjustment. */
export const isOrderType = (type: string): boolean => type === "ORDER";

/** A status cell in any of the export languages (the non-English words are UNCERTAIN). */
export function statusOf(text: string): PaymentStatus | null {
  const t = text.normalize("NFKC").toLowerCase();
  if (/fail|gagal|thất bại|ล้มเหลว|失败|reject|ditolak|bị từ chối|ถูกปฏิเสธ|拒绝/.test(t)) return "FAILED";
  if (
    /process|pending|unpaid|not paid|review|diproses|tertunda|belum|đang xử lý|chờ|กำลังดำเนินการ|รอ|处理中|待/.test(
      t,
    )
  )
    return "PROCESSING";
  return null;
}

/** Parses every data row under the header; never throws on a bad row. */
export function parseExportRows(
  table: ExportTable,
  header: HeaderMap,
  options: ParseOptions = {},
): ParsedExport {
  checkColumns(header);
  const language = headerLanguage(header);
  const { columns } = header;
  const moneyColumns: Column[] = [
    ...MONEY_FIELDS.flatMap((f) => (columns[f] ? [columns[f]] : [])),
    ...header.breakdown.map((b) => b.column),
  ];
  const dataRows: { row: number; cells: Cell[] }[] = [];
  for (let i = header.row; i < table.rows.length; i++) {
    const cells = table.rows[i] ?? [];
    if (isBlankRow(cells)) continue;
    const id = columns.id ? cellText(cells[columns.id.index]) : "";
    if (!/\d/.test(id) && SUMMARY_ROW.test(cells.map(cellText).find((t) => t !== "") ?? "")) continue;
    dataRows.push({ row: i + 1, cells });
  }
  const style = detectNumberStyle(
    dataRows.flatMap(({ cells }) =>
      moneyColumns.map((c) => cells[c.index]).filter((v): v is string => typeof v === "string"),
    ),
  );

  const dateColumns = [columns.settledTime, columns.statementDate, columns.orderCreated].filter(
    (c): c is Column => c !== undefined,
  );
  const dateTexts = dataRows.flatMap(({ cells }) =>
    dateColumns.map((c) => cells[c.index]).filter((v): v is string => typeof v === "string"),
  );
  const currencyTexts = columns.currency
    ? dataRows.map(({ cells }) => cellText(cells[columns.currency!.index]))
    : [];
  const guessCurrency = options.currency ?? mostFrequent(currencyTexts) ?? options.statedCurrency ?? null;
  const order = options.dateOrder ?? decideDateOrder(dateTexts, language, guessCurrency);

  const problems: { row: number; text: Said }[] = [];
  const rows: ExportRow[] = [];
  for (const { row, cells } of dataRows) {
    const before = problems.length;
    const report = (text: Said) => problems.push({ row, text });
    const parsed = parseRow(row, cells, header, style, order, report);
    if (parsed && problems.length === before) rows.push(parsed);
  }

  const currency = options.currency
    ? checkCurrency(options.currency)
    : (mostFrequent(rows.flatMap((r) => (r.currency ? [r.currency] : []))) ?? options.statedCurrency ?? null);
  const kept: ExportRow[] = [];
  const occurrences = new Map<string, number>();
  for (const r of rows) {
    if (currency && r.currency && r.currency !== currency) {
      problems.push({
        row: r.row,
        text: { key: "importRows.currencyDiffers", values: { currency: r.currency, fileCurrency: currency } },
      });
      continue;
    }
    const n = (occurrences.get(r.key) ?? 0) + 1;
    occurrences.set(r.key, n);
    kept.push({ ...r, key: n === 1 ? r.key : `${r.key}#${n}`, currency: r.currency ?? currency });
  }
  problems.sort((a, b) => a.row - b.row);
  return {
    header,
    rows: kept,
    problems: problems.map((p): Said => ({ key: "importRows.row", values: { row: p.row, problem: p.text } })),
    currency,
    language,
    dateOrder: dateTexts.some((t) => DAY_FIRST.test(t.trim())) ? order : null,
  };
}

/** A cell's problem under its column's label: 'Total settlement amount "12,5O" is not a number'. */
export const cellProblem = (column: { label: string } | undefined, problem: Problem): Problem => ({
  key: "importRows.cell",
  values: { column: `${column?.label}`, problem },
});

/** A required cell left empty: "missing Order/adjustment ID". */
export const missing = (column: { label: string } | undefined): Problem => ({
  key: "importRows.missing",
  values: { column: `${column?.label}` },
});

/** "50.50" and "50.5" are one amount: keys must not depend on how a file pads it. */
export const canonicalAmount = (value: string): string =>
  value.includes(".") ? value.replace(/\.?0+$/, "") : value;

function mostFrequent(values: Iterable<string>): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [value, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = value;
  return best;
}

/**
 * How the file's slash dates read: what the values prove, else the export's locale. Vietnamese,
 * Thai, Indonesian and Malay write day first; an English export in US dollars is a US shop's and
 * writes month first, in any other currency day first. A Chinese export, or an English one with
 * no currency, could be either: the file is refused with the two ways to fix it.
 */
export function decideDateOrder(
  texts: string[],
  language: ExportLanguage,
  currency: string | null,
): DateOrder {
  const locale: DateOrder | undefined =
    language === "en"
      ? currency === "USD"
        ? "mdy"
        : currency
          ? "dmy"
          : undefined
      : language === "zh"
        ? undefined
        : "dmy";
  const order = slashDateOrder(texts, locale);
  if (order === "mixed") {
    throw new ImportError({ key: "importFile.datesMixed" });
  }
  if (order) return order;
  const example = texts.find((t) => DAY_FIRST.test(t.trim()))?.trim() ?? "01/02/2026";
  throw new ImportError({ key: "importFile.datesAmbiguous", values: { example } });
}

function parseRow(
  row: number,
  cells: Cell[],
  header: HeaderMap,
  style: FileStyle,
  order: DateOrder,
  report: (text: Said) => void,
): ExportRow | undefined {
  const { columns } = header;
  const text = (column: Column | undefined) => (column ? cellText(cells[column.index]) : "");
  const amount = (column: Column | undefined): string | null => {
    if (!column) return null;
    const cell = cells[column.index];
    const result =
      typeof cell === "number" ? parseAmountNumber(cell) : parseAmountText(cellText(cell), style);
    if (!result.ok) report(cellProblem(column, result.problem));
    return result.ok ? result.value : null;
  };
  const stamp = (column: Column | undefined): Stamp | null => {
    if (!column) return null;
    const result = parseStamp(cells[column.index], order);
    if (!result.ok) {
      report(cellProblem(column, result.problem));
      return null;
    }
    return result.stamp && { ...result.stamp, zone: result.stamp.zone ?? column.zone };
  };

  const id = text(columns.id);
  if (!id) report(missing(columns.id));
  const settlement = amount(columns.settlement);
  if (settlement === null && !settlementBad(cells, columns.settlement, style)) {
    report(missing(columns.settlement));
  }
  const settled = stamp(columns.settledTime) ?? stamp(columns.statementDate);
  if (!settled && !text(columns.settledTime) && !text(columns.statementDate)) {
    report(missing(columns.settledTime ?? columns.statementDate));
  }
  let currency: string | null = null;
  const currencyText = text(columns.currency);
  if (currencyText) {
    try {
      currency = checkCurrency(currencyText);
    } catch {
      report({
        key: "importRows.notCurrency",
        values: { column: `${columns.currency?.label}`, value: currencyText },
      });
    }
  }
  const type = normalizeType(text(columns.type));
  const breakdown: Record<string, string> = {};
  for (const { key, column } of header.breakdown) {
    const value = amount(column);
    if (value !== null) breakdown[key] = value;
  }
  const revenue = amount(columns.revenue);
  const fee = amount(columns.fee);
  const shipping = amount(columns.shipping);
  const adjustmentColumn = amount(columns.adjustment);
  const orderCreated = stamp(columns.orderCreated);
  if (!id || settlement === null || !settled) return undefined;

  const raw: Record<string, string> = {};
  for (const { index, label } of header.labels) raw[label] = cellText(cells[index]);
  const skuId = text(columns.skuId);
  const when = `${settled.date}${settled.time ? ` ${settled.time}` : ""}${settled.zone ? ` ${settled.zone}` : ""}`;
  return {
    row,
    key: [id, type, when, canonicalAmount(settlement), ...(skuId ? [`sku ${skuId}`] : [])].join("|"),
    id,
    type,
    relatedOrderId: text(columns.relatedOrderId) || null,
    settled,
    orderCreated,
    currency,
    settlement,
    revenue,
    fee,
    shipping,
    // An adjustment row carries its whole amount as the adjustment (as the API's rows do).
    adjustment: adjustmentColumn ?? (isOrderType(type) ? null : settlement),
    status: statusOf(text(columns.status)),
    breakdown,
    raw,
  };
}

/** Whether the settlement cell holds something that is not a number (already reported). */
function settlementBad(cells: Cell[], column: Column | undefined, style: FileStyle): boolean {
  if (!column) return false;
  const cell = cells[column.index];
  return !(typeof cell === "number" ? parseAmountNumber(cell) : parseAmountText(cellText(cell), style)).ok;
}

/** Refuses a sheet that lacks a column every row needs, before looking at any row. */
export function checkColumns(header: HeaderMap): void {
  const { columns } = header;
  // Column labels stay as the export writes them; only the "(or …)" around them is worded.
  const missing: (string | Problem)[] = [];
  if (!columns.settlement) missing.push("Total settlement amount");
  if (!columns.settledTime && !columns.statementDate) missing.push({ key: "importFile.missingSettledTime" });
  const [first, second] = missing;
  if (!first) return;
  if (header.unsettled) {
    throw new ImportError({ key: "importFile.unsettledExport" });
  }
  throw new ImportError({
    key: "importFile.missingColumns",
    values: {
      row: String(header.row),
      missing: second ? { key: "importFile.missingBoth", values: { first, second } } : first,
      found: header.labels.map((l) => l.label).join(", "),
    },
  });
}
