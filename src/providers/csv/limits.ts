/**
 * How much an import may read. A real Seller Center export is a few MB with at most tens of
 * thousands of rows; these bounds sit well above that and far below what would stall the bot.
 * Every limit is checked while reading, so a file over one stops there, and the message names it.
 */
import { ImportError } from "./import-error.ts";

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
    message: string,
  ) {
    super(message);
  }
}

const SPLIT = "export a shorter period and import each file";

export const limitMessages = {
  fileBytes: (limits: ImportLimits, size: number) =>
    new LimitError(
      "fileBytes",
      `the file is ${megabytes(size)}, over the ${megabytes(limits.fileBytes)} limit for one import; ${SPLIT}`,
    ),
  uncompressedBytes: (limits: ImportLimits) =>
    new LimitError(
      "uncompressedBytes",
      `the file expands to more than ${megabytes(limits.uncompressedBytes)} (the limit for one import); a Seller Center export is far smaller, so this is not one, or ${SPLIT}`,
    ),
  zipEntries: (limits: ImportLimits, entries: number) =>
    new LimitError(
      "zipEntries",
      `the workbook holds ${count(entries)} parts, over the limit of ${count(limits.zipEntries)}; it is not a Seller Center export`,
    ),
  rows: (limits: ImportLimits) =>
    new LimitError(
      "rows",
      `the file has more than ${count(limits.rows)} rows (the limit for one import); ${SPLIT}`,
    ),
  columns: (limits: ImportLimits, row: number) =>
    new LimitError(
      "columns",
      `row ${row} has more than ${count(limits.columns)} columns (the limit); a Seller Center export has about 100`,
    ),
  cells: (limits: ImportLimits) =>
    new LimitError(
      "cells",
      `the file has more than ${count(limits.cells)} cells (the limit for one import); ${SPLIT}`,
    ),
  seconds: (limits: ImportLimits) =>
    new LimitError(
      "seconds",
      `reading the file took longer than ${limits.seconds} s (the limit for one import); ${SPLIT}`,
    ),
  workerHeapMb: (limits: ImportLimits) =>
    new LimitError(
      "workerHeapMb",
      `reading the file needed more than ${count(limits.workerHeapMb)} MB of memory (the limit for one import); ${SPLIT}`,
    ),
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
