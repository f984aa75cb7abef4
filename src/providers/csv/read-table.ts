/**
 * Reads an export file into the sheets the importer needs, streaming: CSV through csv-parse,
 * XLSX through exceljs's streaming reader, with the limits checked on every row. The format is
 * recognised by content, not by the file's extension. Of a workbook only three kinds of sheet
 * are kept: the one with the order details (the best statement header), the withdrawal records
 * and the report summary; other sheets are read past and dropped.
 */
import type { Cell, ExportTable } from "./cells.ts";
import { findHeader, headerScore, mapHeaderRow } from "./headers.ts";
import { ImportError } from "./import-error.ts";
import { type ImportLimits, limitMessages, ReadBudget } from "./limits.ts";
import { readCsvRows, sniffCsv } from "./read-csv.ts";
import { readXlsxRows, type SheetRow } from "./read-xlsx.ts";
import { isReportSheet, type ReportInfo, readReportSheet } from "./report-sheet.ts";
import { mapWithdrawalHeader } from "./withdrawals.ts";

/** Rows searched for a header (exports put a few banner rows above it). */
const HEADER_SCAN_ROWS = 30;
/** Rows kept of a report or unrecognised sheet (a summary is a few dozen lines). */
const SUMMARY_ROWS = 300;

export interface ExportBook {
  format: "csv" | "xlsx";
  /** How the CSV was decoded ("UTF-8", "Windows-1252 (Latin-1), not UTF-8", …); null for XLSX. */
  encoding: string | null;
  statement: ExportTable | null;
  withdrawals: { sheet: string; rows: Cell[][] } | null;
  report: ReportInfo | null;
  sheetNames: string[];
}

type Kind = "unknown" | "statement" | "withdrawals" | "report";

interface SheetState {
  name: string;
  kind: Kind;
  rows: Cell[][];
}

class SheetCollector {
  readonly names: string[] = [];
  statement: { table: ExportTable; score: number } | null = null;
  withdrawals: { sheet: string; rows: Cell[][] } | null = null;
  private reports: { name: string; rows: Cell[][]; named: boolean }[] = [];
  private current: SheetState | null = null;

  constructor(private readonly format: "csv" | "xlsx") {}

  add(sheet: string, rowNumber: number, cells: Cell[]): void {
    if (!this.current || this.current.name !== sheet) {
      this.finish();
      this.names.push(sheet);
      this.current = { name: sheet, kind: isReportSheet(sheet) ? "report" : "unknown", rows: [] };
    }
    const state = this.current;
    if (state.kind === "unknown" && rowNumber <= HEADER_SCAN_ROWS) {
      if (mapHeaderRow(cells, rowNumber)) state.kind = "statement";
      else if (mapWithdrawalHeader(cells, rowNumber)) state.kind = "withdrawals";
    }
    const keepAll = state.kind === "statement" || state.kind === "withdrawals";
    if (keepAll || rowNumber <= SUMMARY_ROWS) state.rows[rowNumber - 1] = cells;
  }

  finish(): void {
    const state = this.current;
    this.current = null;
    if (!state) return;
    for (let i = 0; i < state.rows.length; i++) state.rows[i] ??= [];
    if (state.kind === "statement") {
      const score = headerScore(findHeader(state.rows.slice(0, HEADER_SCAN_ROWS)));
      if (!this.statement || score > this.statement.score) {
        this.statement = { table: { rows: state.rows, format: this.format, sheet: state.name }, score };
      }
    } else if (state.kind === "withdrawals") {
      this.withdrawals ??= { sheet: state.name, rows: state.rows };
    } else {
      this.reports.push({ name: state.name, rows: state.rows, named: state.kind === "report" });
    }
  }

  /** The report sheet by its name, else the first other sheet that states a zone or currency. */
  report(): ReportInfo | null {
    const ordered = [...this.reports.filter((r) => r.named), ...this.reports.filter((r) => !r.named)];
    for (const sheet of ordered) {
      const info = readReportSheet(sheet.name, sheet.rows);
      if (sheet.named || info.zone || info.currency) return info;
    }
    return null;
  }
}

/** Reads a CSV or XLSX export from its bytes, within `limits`. */
export async function readExportBook(bytes: Uint8Array, limits: ImportLimits): Promise<ExportBook> {
  if (bytes.length > limits.fileBytes) throw limitMessages.fileBytes(limits, bytes.length);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new ImportError({ key: "importFile.oldXls" });
  }
  const budget = new ReadBudget(limits);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const collector = new SheetCollector("xlsx");
    for await (const row of readXlsxRows(bytes, budget)) collector.add(row.sheet, row.rowNumber, row.cells);
    collector.finish();
    return {
      format: "xlsx",
      encoding: null,
      statement: collector.statement?.table ?? null,
      withdrawals: collector.withdrawals,
      report: collector.report(),
      sheetNames: collector.names,
    };
  }
  const sniffed = sniffCsv(bytes);
  const rows: Cell[][] = [];
  for await (const row of readCsvRows(bytes, budget, sniffed)) rows.push(row);
  return {
    format: "csv",
    encoding: sniffed.encoding.name,
    statement: { rows, format: "csv", sheet: null },
    withdrawals: null,
    report: null,
    sheetNames: [],
  };
}

export type { SheetRow };
