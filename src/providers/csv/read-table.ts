/**
 * Reads an export file into rows of cells: CSV through csv-parse (delimiter `,` `;` or tab,
 * BOM, quoted fields), XLSX through exceljs (the sheet holding the header row, its range
 * recomputed from the cells rather than taken from `<dimension>`). The format is recognised by
 * content, not by the file's extension.
 */
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { Cell, ExportTable } from "./cells.ts";
import { findHeader, headerScore } from "./headers.ts";
import { ImportError } from "./import-error.ts";

const DELIMITERS = [",", ";", "\t"] as const;

/** Reads a CSV or XLSX export from disk. */
export async function readExportFile(path: string): Promise<ExportTable> {
  const bytes = await readFile(path);
  return readExportBytes(bytes);
}

/** Reads a CSV or XLSX export from its bytes. */
export async function readExportBytes(bytes: Uint8Array): Promise<ExportTable> {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readXlsx(bytes);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new ImportError("this is an old binary .xls workbook; open it and save it as .xlsx or .csv");
  }
  return { rows: readCsvText(decode(bytes)), format: "csv", sheet: null };
}

function decode(bytes: Uint8Array): string {
  // Excel's "Unicode text" is UTF-16 LE with a BOM; everything else is taken as UTF-8.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
  return new TextDecoder(utf16 ? "utf-16le" : "utf-8").decode(bytes);
}

/**
 * Parses CSV text, trying each delimiter and keeping the one under which the header row maps
 * the most columns (banner rows such as "Disclaimer, …" make counting characters unreliable).
 */
export function readCsvText(text: string): Cell[][] {
  let best: { rows: Cell[][]; score: number } | undefined;
  let failure: unknown;
  for (const delimiter of DELIMITERS) {
    let rows: string[][];
    try {
      rows = parse(text, {
        bom: true,
        delimiter,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: false,
      }) as string[][];
    } catch (error) {
      failure = error;
      continue;
    }
    const score = headerScore(findHeader(rows));
    if (!best || score > best.score) best = { rows, score };
  }
  if (!best) {
    throw new ImportError(
      `the file is not readable as CSV (${(failure as Error | undefined)?.message ?? "?"})`,
    );
  }
  return best.rows;
}

async function readXlsx(bytes: Uint8Array): Promise<ExportTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new ImportError(`the file is not a readable XLSX workbook (${(error as Error).message})`);
  }
  let best: { table: ExportTable; score: number } | undefined;
  const names: string[] = [];
  for (const sheet of workbook.worksheets) {
    names.push(sheet.name);
    const rows = sheetRows(sheet);
    const score = headerScore(findHeader(rows));
    if (score > 0 && (!best || score > best.score)) {
      best = { table: { rows, format: "xlsx", sheet: sheet.name }, score };
    }
  }
  if (!best) {
    throw new ImportError(
      `no sheet has an Order/adjustment ID column (sheets: ${names.map((n) => `"${n}"`).join(", ") || "none"})`,
    );
  }
  return best.table;
}

/** Every stored row, placed at its row number (the sheet's `<dimension>` is not consulted). */
function sheetRows(sheet: ExcelJS.Worksheet): Cell[][] {
  const rows: Cell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = cellValue(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return cellValue(result ?? null);
  }
  if ("text" in value && typeof value.text === "string") return value.text;
  if ("error" in value) return String(value.error);
  return null;
}
