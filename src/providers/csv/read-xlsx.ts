/**
 * An XLSX export read with exceljs's streaming reader, sheet by sheet and row by row, after
 * `checkZip` has proved it cannot expand past the limit. Rows are placed at their row numbers
 * (the sheet's `<dimension>` is not consulted: real exports get it wrong).
 */
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { Cell } from "./cells.ts";
import { ImportError } from "./import-error.ts";
import type { ReadBudget } from "./limits.ts";
import { checkZip } from "./zip-check.ts";

export interface SheetRow {
  sheet: string;
  /** 1-based. */
  rowNumber: number;
  cells: Cell[];
}

export async function* readXlsxRows(bytes: Uint8Array, budget: ReadBudget): AsyncGenerator<SheetRow> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { names, ordered } = await checkZip(buffer, budget.limits);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([ordered]), {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  // exceljs reads `model.sheets` as soon as a sheet comes, and sets it only with workbook.xml.
  Object.assign(reader, { model: { sheets: [] } });
  let sheetIndex = 0;
  try {
    for await (const worksheet of reader) {
      sheetIndex++;
      // The streaming worksheet's id and name are not in exceljs's typings.
      const id =
        "id" in worksheet && (typeof worksheet.id === "number" || typeof worksheet.id === "string")
          ? worksheet.id
          : undefined;
      const name = "name" in worksheet && typeof worksheet.name === "string" ? worksheet.name : undefined;
      // Named by exceljs when it saw workbook.xml first; else "Sheet<file number>", named here.
      const sheet = (name === `Sheet${id}` ? names.get(String(id)) : name) ?? name ?? `Sheet${sheetIndex}`;
      for await (const row of worksheet) {
        // `values` is 1-based and sparse; the streaming reader's cells are read through it.
        const values = row.values as ExcelJS.CellValue[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellValue(values[i]));
        budget.addRow(cells.length, row.number);
        yield { sheet, rowNumber: row.number, cells };
      }
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError({ key: "importFile.notXlsx", values: { detail: (error as Error).message } });
  }
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
