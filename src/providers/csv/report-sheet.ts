/**
 * The "Reports" sheet of a Seller Center income workbook: a summary of label/value lines above
 * the order details. Sheet names are seen in public parsers of real files (English `Reports`,
 * Vietnamese `Báo cáo`, Thai `รายงาน`); what it says about the time zone and currency is
 * UNCERTAIN: no real sheet's contents were found. So both are read defensively: a label cell
 * ("Time zone", "Currency" and their translations) with the value after it or after a colon, or
 * a "(UTC+7)" anywhere on the sheet (as exports name their zone in file names and headers).
 */
import { checkCurrency } from "../../money/money.ts";
import { type Cell, cellText } from "./cells.ts";
import { isKnownZone } from "./dates.ts";
import { normalizeHeader } from "./headers.ts";

export const REPORT_SHEET_NAMES = ["reports", "report", "báo cáo", "รายงาน", "laporan", "报告", "报表"];

const ZONE_LABELS = ["time zone", "timezone", "múi giờ", "เขตเวลา", "zona waktu", "zon waktu", "时区"];
const CURRENCY_LABELS = ["currency", "mata uang", "đơn vị tiền tệ", "สกุลเงิน", "mata wang", "币种", "货币"];
const OFFSET = /\b(?:UTC|GMT)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\b/i;

export interface ReportInfo {
  sheet: string;
  /** A zone luxon knows ("UTC+7", "Asia/Jakarta"), or null. */
  zone: string | null;
  currency: string | null;
}

export const isReportSheet = (name: string): boolean =>
  REPORT_SHEET_NAMES.includes(normalizeHeader(name).key);

function zoneOf(text: string): string | null {
  const trimmed = text.trim();
  if (/^[A-Za-z]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?$/.test(trimmed) && isKnownZone(trimmed)) return trimmed;
  const m = OFFSET.exec(trimmed);
  if (m) return `UTC${m[1]}${Number(m[2])}${m[3] && m[3] !== "00" ? `:${m[3]}` : ""}`;
  if (/^(utc|gmt)$/i.test(trimmed)) return "UTC";
  return null;
}

function currencyOf(text: string): string | null {
  const code = text.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) return null;
  try {
    return checkCurrency(code);
  } catch {
    return null;
  }
}

/** The value a label announces: after a colon in its own cell, else the next non-empty cell. */
function labelled(cells: readonly Cell[], labels: readonly string[]): string[] {
  const found: string[] = [];
  cells.forEach((cell, index) => {
    const text = cellText(cell);
    const [head = "", ...rest] = text.split(/[:：]/);
    if (!labels.includes(normalizeHeader(head).key)) return;
    if (rest.join(":").trim()) found.push(rest.join(":").trim());
    const next = cells
      .slice(index + 1)
      .map(cellText)
      .find((t) => t !== "");
    if (next) found.push(next);
  });
  return found;
}

export function readReportSheet(sheet: string, rows: readonly Cell[][]): ReportInfo {
  let zone: string | null = null;
  let currency: string | null = null;
  for (const row of rows) {
    for (const value of labelled(row, ZONE_LABELS)) zone ??= zoneOf(value);
    for (const value of labelled(row, CURRENCY_LABELS)) currency ??= currencyOf(value);
  }
  if (!zone) {
    for (const row of rows) {
      for (const cell of row) {
        const m = OFFSET.exec(cellText(cell));
        if (m) {
          zone = zoneOf(m[0]);
          break;
        }
      }
      if (zone) break;
    }
  }
  return { sheet, zone, currency };
}
