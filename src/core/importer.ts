/**
 * What the `/balance import` command needs: a file's bytes from the adapter (`Attachments`) and
 * an importer (the composition root wires the CSV/XLSX reader), so the command itself never
 * reaches a provider, never fetches, and never asks which platform it runs on.
 */

import type { Words } from "../i18n/index.ts";

/** A file handed over with a command, as bytes. */
export interface Attachment {
  name: string;
  bytes: Uint8Array;
}

/**
 * How the platform hands a command its files: Discord downloads the attachment option's file,
 * the console reads a local path, a platform that cannot carry files says how else to send one.
 */
export interface Attachments {
  /**
   * The file an attachment option names (its value), refused with a `UserError` that says why
   * when it is larger than `maxBytes`, cannot be fetched, or the platform cannot carry files.
   */
  open(value: string, maxBytes: number): Promise<Attachment>;
}

/** The figures a successful import reports. */
export interface ImportedExport {
  shop: string;
  /** Rows read (identical rows each count). */
  rows: number;
  /** Rows that were not in the database before. */
  newRows: number;
  /** Local days the file covers. */
  days: number;
  firstDay: string | null;
  lastDay: string | null;
  currency: string;
  timezone: string;
  /** Rows of the withdrawal records sheet, stored as payouts. */
  withdrawals: number;
  /** How a CSV was decoded (ends "not UTF-8" for a legacy encoding); null for XLSX. */
  encoding: string | null;
  /** The zone the file's times were read in, and where that came from. */
  readZone: string;
  readZoneSource: "option" | "reports sheet" | "file name" | "shop";
}

export type ImportOutcome =
  | { ok: true; summary: ImportedExport }
  /** Nothing was written: the reason and every bad row, in the asker's language. */
  | { ok: false; message(words: Words): string; problems(words: Words): string[] };

/** Imports a Seller Center export for a workspace, all or nothing. */
export interface StatementImporter {
  /** The largest file an import reads. */
  readonly maxBytes: number;
  importExport(input: {
    file: Attachment;
    /** Default: the file's name without its extension. */
    shopName: string | undefined;
    workspaceId: number;
    now: Date;
  }): Promise<ImportOutcome>;
}
