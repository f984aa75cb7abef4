/**
 * The whole read of an export, from bytes to checked rows: what the import worker runs. It
 * touches no database, so it can run off the event loop, and a bad file costs only this thread.
 */
import type { ExportTable } from "./cells.ts";
import type { DateOrder } from "./dates.ts";
import { findHeader } from "./headers.ts";
import { ImportError, say } from "./import-error.ts";
import { DEFAULT_LIMITS, type ImportLimits } from "./limits.ts";
import { decideDateOrder, type ParsedExport, parseExportRows } from "./parse-rows.ts";
import { readExportBook } from "./read-table.ts";
import type { ReportInfo } from "./report-sheet.ts";
import { type ExportWithdrawal, findWithdrawalHeader, parseWithdrawalRows } from "./withdrawals.ts";

export interface ReadExportOptions {
  currency?: string | undefined;
  dateOrder?: DateOrder | undefined;
  limits?: ImportLimits | undefined;
}

export interface ReadExport {
  format: "csv" | "xlsx";
  encoding: string | null;
  sheet: string | null;
  parsed: ParsedExport;
  withdrawals: ExportWithdrawal[];
  withdrawalSheet: string | null;
  report: ReportInfo | null;
}

/** Problems listed in a refusal; a file with more is broken throughout, and the count says so. */
const MAX_PROBLEMS = 500;

function noHeader(table: ExportTable | null, sheetNames: string[]): ImportError {
  if (table?.format === "csv" || !table) {
    if (sheetNames.length > 0) {
      return new ImportError({
        key: "importFile.noSheet",
        values: { sheets: sheetNames.map((n) => `"${n}"`).join(", ") },
      });
    }
    return new ImportError({
      key: "importFile.noHeaderRows",
      values: { rows: Math.min(table?.rows.length ?? 0, 30) },
    });
  }
  return new ImportError({ key: "importFile.noHeaderSheet", values: { sheet: String(table.sheet) } });
}

export async function readExport(bytes: Uint8Array, options: ReadExportOptions = {}): Promise<ReadExport> {
  const book = await readExportBook(bytes, options.limits ?? DEFAULT_LIMITS);
  const header = book.statement ? findHeader(book.statement.rows.slice(0, 30)) : undefined;
  if (!book.statement || !header) throw noHeader(book.statement, book.sheetNames);
  const parsed = parseExportRows(book.statement, header, {
    currency: options.currency,
    statedCurrency: book.report?.currency,
    dateOrder: options.dateOrder,
  });
  const problems = [...parsed.problems];
  let withdrawals: ExportWithdrawal[] = [];
  if (book.withdrawals) {
    const withdrawalHeader = findWithdrawalHeader(book.withdrawals.rows.slice(0, 30));
    if (withdrawalHeader) {
      const texts = book.withdrawals.rows.flatMap((row) =>
        row.filter((c): c is string => typeof c === "string"),
      );
      const order =
        options.dateOrder ?? parsed.dateOrder ?? decideDateOrder(texts, parsed.language, parsed.currency);
      const result = parseWithdrawalRows(book.withdrawals.rows, withdrawalHeader, order);
      withdrawals = result.withdrawals;
      problems.push(...result.problems);
    }
  }
  if (problems.length > 0) {
    // Rows, not problems: one row may have several ("row 4", "withdrawal row 4" are two).
    const n = new Set(problems.map((p) => say(p).split(":")[0])).size;
    const shown = problems.slice(0, MAX_PROBLEMS);
    if (problems.length > MAX_PROBLEMS)
      shown.push({ key: "importRows.more", values: { count: problems.length - MAX_PROBLEMS } });
    throw new ImportError({ key: "importRows.badRows", values: { count: n } }, shown);
  }
  return {
    format: book.format,
    encoding: book.encoding,
    sheet: book.statement.sheet,
    parsed,
    withdrawals,
    withdrawalSheet: book.withdrawals?.sheet ?? null,
    report: book.report,
  };
}
