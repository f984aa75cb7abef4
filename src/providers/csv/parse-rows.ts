/**
 * Export rows → normalized rows, checking every row and collecting every problem (with its
 * spreadsheet row number) so the seller can fix the file in one go.
 */

import { checkCurrency } from "../../money/money.ts";
import type { PaymentStatus } from "../port.ts";
import { detectNumberStyle, type FileStyle, parseAmountNumber, parseAmountText } from "./amounts.ts";
import { type Cell, cellText, type ExportTable, isBlankRow } from "./cells.ts";
import { parseStamp, type Stamp } from "./dates.ts";
import { type Column, type HeaderMap, MONEY_FIELDS } from "./headers.ts";
import { ImportError } from "./import-error.ts";

/** One export row, normalized; amounts are exact decimal strings, signed as in the file. */
export interface ExportRow {
  /** 1-based spreadsheet row. */
  row: number;
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
  problems: string[];
  /** The file's currency (the option, else the most frequent); null when the file has none. */
  currency: string | null;
}

// The API has no REFUND type: a refund is part of its order's transaction (revenue_breakdown's
// refund_* keys), so refund rows count as ORDER and `/balance breakdown` shows them under
// "Refunds" rather than as an adjustment. Indonesian names are UNCERTAIN (seen in public parsers).
const TYPE_ALIASES: Readonly<Record<string, string>> = {
  REFUND: "ORDER",
  PESANAN: "ORDER",
  PENGEMBALIAN_DANA: "ORDER",
  PENGEMBALIAN: "ORDER",
};
// A closing "Total" line under the rows is a summary, not a transaction.
const SUMMARY_ROW = /^(total|grand total|subtotal|jumlah|jumlah total)\b/i;

/** "Order" → "ORDER", "Platform penalty" → "PLATFORM_PENALTY"; other free text kept as is. */
export function normalizeType(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return "ORDER";
  const upper = trimmed.toUpperCase().replace(/[\s-]+/g, "_");
  if (!/^[A-Z0-9_]+$/.test(upper)) return trimmed;
  return TYPE_ALIASES[upper] ?? upper;
}

/** Whether a type is an order (or its refund) rather than an adjustment. */
export const isOrderType = (type: string): boolean => type === "ORDER";

function statusOf(text: string): PaymentStatus | null {
  const t = text.toLowerCase();
  if (/fail|gagal/.test(t)) return "FAILED";
  if (/process|pending|unpaid|not paid|diproses|tertunda|belum/.test(t)) return "PROCESSING";
  return null;
}

/** Parses every data row under the header; never throws on a bad row. */
export function parseExportRows(
  table: ExportTable,
  header: HeaderMap,
  options: { currency?: string | undefined } = {},
): ParsedExport {
  checkColumns(header);
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

  const problems: { row: number; text: string }[] = [];
  const rows: ExportRow[] = [];
  for (const { row, cells } of dataRows) {
    const before = problems.length;
    const report = (text: string) => problems.push({ row, text });
    const parsed = parseRow(row, cells, header, style, report);
    if (parsed && problems.length === before) rows.push(parsed);
  }

  const currency = fileCurrency(rows, options.currency);
  const kept: ExportRow[] = [];
  const seen = new Map<string, ExportRow>();
  for (const r of rows) {
    if (currency && r.currency && r.currency !== currency) {
      problems.push({ row: r.row, text: `currency ${r.currency} differs from the file's ${currency}` });
      continue;
    }
    const first = seen.get(r.id);
    if (first) {
      // Same ID twice: a repeated line is dropped; different values are not guessed between.
      if (JSON.stringify(first.raw) !== JSON.stringify(r.raw)) {
        problems.push({
          row: r.row,
          text: `${columns.id?.label} ${r.id} already appears on row ${first.row} with different values`,
        });
      }
      continue;
    }
    seen.set(r.id, r);
    kept.push({ ...r, currency: r.currency ?? currency });
  }
  problems.sort((a, b) => a.row - b.row);
  return { header, rows: kept, problems: problems.map((p) => `row ${p.row}: ${p.text}`), currency };
}

function fileCurrency(rows: ExportRow[], option: string | undefined): string | null {
  if (option) return checkCurrency(option);
  const counts = new Map<string, number>();
  for (const r of rows) if (r.currency) counts.set(r.currency, (counts.get(r.currency) ?? 0) + 1);
  let best: string | null = null;
  for (const [code, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = code;
  return best;
}

function parseRow(
  row: number,
  cells: Cell[],
  header: HeaderMap,
  style: FileStyle,
  report: (text: string) => void,
): ExportRow | undefined {
  const { columns } = header;
  const text = (column: Column | undefined) => (column ? cellText(cells[column.index]) : "");
  const amount = (column: Column | undefined): string | null => {
    if (!column) return null;
    const cell = cells[column.index];
    const result =
      typeof cell === "number" ? parseAmountNumber(cell) : parseAmountText(cellText(cell), style);
    if (!result.ok) report(`${column.label} ${result.problem}`);
    return result.ok ? result.value : null;
  };
  const stamp = (column: Column | undefined): Stamp | null => {
    if (!column) return null;
    const result = parseStamp(cells[column.index]);
    if (!result.ok) {
      report(`${column.label} ${result.problem}`);
      return null;
    }
    return result.stamp && { ...result.stamp, zone: result.stamp.zone ?? column.zone };
  };

  const id = text(columns.id);
  if (!id) report(`missing ${columns.id?.label}`);
  const settlement = amount(columns.settlement);
  if (settlement === null && !settlementBad(cells, columns.settlement, style)) {
    report(`missing ${columns.settlement?.label}`);
  }
  const settled = stamp(columns.settledTime) ?? stamp(columns.statementDate);
  if (!settled && !text(columns.settledTime) && !text(columns.statementDate)) {
    report(`missing ${(columns.settledTime ?? columns.statementDate)?.label}`);
  }
  let currency: string | null = null;
  const currencyText = text(columns.currency);
  if (currencyText) {
    try {
      currency = checkCurrency(currencyText);
    } catch {
      report(`${columns.currency?.label} "${currencyText}" is not a currency code like USD`);
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
  return {
    row,
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
  const missing: string[] = [];
  if (!columns.settlement) missing.push("Total settlement amount");
  if (!columns.settledTime && !columns.statementDate) missing.push("Order settled time (or Statement date)");
  if (missing.length === 0) return;
  if (header.unsettled) {
    throw new ImportError(
      "this looks like the unsettled (on-hold) orders export; import the settled statement export (Finance → Statements / Income) instead",
    );
  }
  throw new ImportError(
    `the header on row ${header.row} has no ${missing.join(" and no ")} column (columns found: ${header.labels.map((l) => l.label).join(", ")})`,
  );
}
