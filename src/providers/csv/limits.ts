/**
 * How much an import may read. A real Seller Center export is a few MB with at most tens of
 * thousands of rows; these bounds sit well above that and far below what would stall the bot.
 * Every limit is checked while reading, so a file over one stops there, and the message names it.
 */
import type { MessageKey } from "../../i18n/index.ts";
import { ImportError, type Said } from "./import-error.ts";

export interface ImportLimits {
  /** Bytes of the file as uploaded (CSV, or XLSX compressed). */
  fileBytes: number;
  /** Bytes once decompressed (every XLSX part together) or decoded (CSV text, UTF-8). */
  uncompressedBytes: number;
  /** Parts inside an XLSX (a workbook has a dozen; thousands are a bomb). */
  zipEntries: number;
  rows: number;
  columns: number;
  cells: number;
  /** Wall-clock seconds for reading and checking the file. */
  seconds: number;
  /** Heap of the worker that reads the file, in MB (a last guard behind the limits above). */
  workerHeapMb: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  fileBytes: 25 * 1024 * 1024,
  uncompressedBytes: 200 * 1024 * 1024,
  zipEntries: 1_000,
  rows: 200_000,
  columns: 300,
  cells: 4_000_000,
  seconds: 60,
  workerHeapMb: 512,
};

const count = (n: number) => n.toLocaleString("en-US");
export const megabytes = (bytes: number): string =>
  bytes < 1024 * 1024
    ? `${count(Math.ceil(bytes / 1024))} KB`
    : `${count(Math.round(bytes / (1024 * 1024)))} MB`;

/** The file is over a limit: the message says which, and what to do. */
export class LimitError extends ImportError {
  constructor(
    readonly limit: keyof ImportLimits,
    message: Said,
  ) {
    super(message);
  }
}

const limitError = (limit: keyof ImportLimits, key: MessageKey, values: Record<string, string | number>) =>
  new LimitError(limit, { key, values });

export const limitMessages = {
  fileBytes: (limits: ImportLimits, size: number) =>
    limitError("fileBytes", "importFile.limitFileBytes", {
      size: megabytes(size),
      limit: megabytes(limits.fileBytes),
    }),
  uncompressedBytes: (limits: ImportLimits) =>
    limitError("uncompressedBytes", "importFile.limitUncompressed", {
      limit: megabytes(limits.uncompressedBytes),
    }),
  zipEntries: (limits: ImportLimits, entries: number) =>
    limitError("zipEntries", "importFile.limitZipEntries", { entries, limit: limits.zipEntries }),
  rows: (limits: ImportLimits) => limitError("rows", "importFile.limitRows", { limit: limits.rows }),
  columns: (limits: ImportLimits, row: number) =>
    limitError("columns", "importFile.limitColumns", { row: String(row), limit: limits.columns }),
  cells: (limits: ImportLimits) => limitError("cells", "importFile.limitCells", { limit: limits.cells }),
  seconds: (limits: ImportLimits) =>
    limitError("seconds", "importFile.limitSeconds", { limit: limits.seconds }),
  workerHeapMb: (limits: ImportLimits) =>
    limitError("workerHeapMb", "importFile.limitHeap", { limit: limits.workerHeapMb }),
};

/** Counts rows and cells as they are read and stops at the first limit crossed. */
export class ReadBudget {
  rows = 0;
  cells = 0;
  private readonly deadline: number;
  constructor(readonly limits: ImportLimits) {
    this.deadline = Date.now() + limits.seconds * 1000;
  }

  /** One more row of `width` cells (1-based spreadsheet row number for messages). */
  addRow(width: number, rowNumber: number): void {
    this.rows++;
    this.cells += width;
    if (this.rows > this.limits.rows) throw limitMessages.rows(this.limits);
    if (width > this.limits.columns) throw limitMessages.columns(this.limits, rowNumber);
    if (this.cells > this.limits.cells) throw limitMessages.cells(this.limits);
    // Checking the clock every row would cost more than the row; every 1,024 is fine-grained enough.
    if ((this.rows & 1023) === 0) this.checkTime();
  }

  checkTime(): void {
    if (Date.now() > this.deadline) throw limitMessages.seconds(this.limits);
  }
}
