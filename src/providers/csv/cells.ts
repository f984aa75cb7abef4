/**
 * A spreadsheet as the importer sees it: rows of cells, whatever the file format. `rows[i]` is
 * spreadsheet row i + 1, so row numbers in messages match what the seller sees.
 */
export type Cell = string | number | boolean | Date | null;

export interface ExportTable {
  rows: Cell[][];
  format: "csv" | "xlsx";
  /** The worksheet the rows come from (XLSX only). */
  sheet: string | null;
}

/** Two-digit zero padding for dates and times. */
export const pad2 = (n: number): string => String(n).padStart(2, "0");

/** A cell as text, the way the seller reads it (dates as "YYYY-MM-DD HH:mm:ss" wall time). */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) {
    // exceljs returns spreadsheet dates with the wall time in the UTC fields.
    const date = `${cell.getUTCFullYear()}-${pad2(cell.getUTCMonth() + 1)}-${pad2(cell.getUTCDate())}`;
    const time = `${pad2(cell.getUTCHours())}:${pad2(cell.getUTCMinutes())}:${pad2(cell.getUTCSeconds())}`;
    return time === "00:00:00" ? date : `${date} ${time}`;
  }
  return String(cell).trim();
}

/** True when every cell of the row is empty. */
export function isBlankRow(row: readonly Cell[]): boolean {
  return row.every((cell) => cellText(cell) === "");
}
