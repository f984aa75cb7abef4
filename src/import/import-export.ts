/**
 * `balance-bot import <file>`: a Seller Center statement export (CSV/XLSX) into the same tables
 * sync fills, in one transaction, so `/balance` answers for sellers without API access. The file
 * is read in a worker thread within limits (read-in-worker.ts); only checked rows reach here.
 */
import { readFile, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { and, eq, inArray, like } from "drizzle-orm";
import type { ImportedExport } from "../core/importer.ts";
import { localDate } from "../core/periods.ts";
import type { DateOrder } from "../providers/csv/dates.ts";
import { isKnownZone, stampInstant } from "../providers/csv/dates.ts";
import { ImportError } from "../providers/csv/import-error.ts";
import { DEFAULT_LIMITS, type ImportLimits, limitMessages } from "../providers/csv/limits.ts";
import { canonicalAmount, type ExportRow, isOrderType } from "../providers/csv/parse-rows.ts";
import type { ExportWithdrawal } from "../providers/csv/withdrawals.ts";
import type { PaymentStatus, PayoutRecord, StatementTransactionRecord } from "../providers/port.ts";
import type { Db, Tx } from "../storage/database.ts";
import { refreshRollups, upsertPayouts, upsertStatementTransactions } from "../storage/repos/finance.ts";
import { recordSuccess } from "../storage/repos/sync-state.ts";
import { statementTransactions } from "../storage/schema/index.ts";
import { defaultsForCurrency, ensureCsvShop, findCsvShop } from "./csv-shop.ts";
import { rebuildOrderSkus } from "./order-skus.ts";
import { readExportInWorker } from "./read-in-worker.ts";
import { rebuildStatements, statementId } from "./statements.ts";

export interface ImportOptions {
  /** A path on disk (the CLI and the console). */
  file: string;
  /** The file's bytes when they come from a chat attachment; `file` is then only its name. */
  bytes?: Uint8Array | undefined;
  /** Default: the file's base name without its extension. */
  shopName?: string | undefined;
  now: Date;
  /** Zone of the file's times and of a new shop's days; default the Reports sheet's, else the shop's, else the currency's. */
  timezone?: string | undefined;
  /** Required only when the file has no currency column and the shop has no currency yet. */
  currency?: string | undefined;
  /** How to read slash dates when the file and its language don't say. */
  dateOrder?: DateOrder | undefined;
  /** The workspace that imports (from chat); default the console workspace, as `balance-bot import`. */
  workspaceId?: number | undefined;
  limits?: ImportLimits | undefined;
}

/** What chat replies show (the core's `ImportedExport`), and what the CLI prints besides. */
export interface ImportSummary extends ImportedExport {
  shopId: number;
  sheet: string | null;
  format: "csv" | "xlsx";
}

const CHUNK = 500;

/** The largest file an import reads (chat adapters check it before downloading). */
export const IMPORT_FILE_BYTES = DEFAULT_LIMITS.fileBytes;

/** A zone the file name states, as in "Onhold-…-2026_06_12(UTC-7).xlsx". */
function fileNameZone(file: string): string | null {
  const m = /\(UTC([+-]\d{1,2})\)/i.exec(basename(file));
  return m ? `UTC${m[1]}` : null;
}

async function fileBytes(options: ImportOptions, limits: ImportLimits): Promise<Uint8Array> {
  if (options.bytes) return options.bytes;
  // The size is checked before reading, so an oversized file is never loaded.
  const info = await stat(options.file);
  if (info.isFile() && info.size > limits.fileBytes) throw limitMessages.fileBytes(limits, info.size);
  return readFile(options.file);
}

/**
 * Imports one export. A bad row anywhere rejects the whole file with every problem listed
 * (`ImportError`) and writes nothing. Rows are keyed on what makes them unique (parse-rows.ts
 * `key`), so re-importing a file changes nothing and an overlapping later export adds only its
 * new rows, without overwriting any.
 */
export async function importStatementExport(db: Db, options: ImportOptions): Promise<ImportSummary> {
  if (options.timezone && !isKnownZone(options.timezone)) {
    throw new ImportError({ key: "importFile.badZone", values: { zone: options.timezone } });
  }
  const limits = options.limits ?? DEFAULT_LIMITS;
  const bytes = await fileBytes(options, limits);
  const read = await readExportInWorker(bytes, {
    currency: options.currency,
    dateOrder: options.dateOrder,
    limits,
  });
  const { parsed, report } = read;
  if (report?.currency && parsed.currency && report.currency !== parsed.currency && !options.currency) {
    throw new ImportError({
      key: "importFile.sheetCurrency",
      values: { sheet: report.sheet, sheetCurrency: report.currency, rowCurrency: parsed.currency },
    });
  }
  const shopName = options.shopName?.trim() || basename(options.file, extname(options.file));

  return db.transaction(async (tx) => {
    const existing = await findCsvShop(tx, shopName, options.workspaceId);
    const currency = parsed.currency ?? existing?.currency;
    if (!currency) {
      throw new ImportError({ key: "importFile.noCurrency" });
    }
    if (existing?.currency && existing.currency !== currency) {
      throw new ImportError({
        key: "importFile.shopCurrency",
        values: { currency, shop: existing.name, shopCurrency: existing.currency },
      });
    }
    const defaults = defaultsForCurrency(currency);
    const shopZone = existing?.timezone ?? options.timezone ?? report?.zone ?? defaults.timezone;
    const [readZone, readZoneSource] = zoneOfTimes(options, report?.zone ?? null, shopZone);
    const shopId = await ensureCsvShop(tx, {
      name: shopName,
      currency,
      timezone: shopZone,
      region: defaults.region,
      workspaceId: options.workspaceId,
    });

    const byDay = new Map<string, ExportRow[]>();
    for (const row of parsed.rows) {
      // A date without a time is already the local day; a time is placed in the shop's zone.
      const day = row.settled.time
        ? localDate(stampInstant(row.settled, readZone), shopZone)
        : row.settled.date;
      const rows = byDay.get(day);
      if (rows) rows.push(row);
      else byDay.set(day, [row]);
    }
    const before = await previousDays(
      tx,
      shopId,
      parsed.rows.map((r) => r.key),
    );
    const adopted = await adoptLegacyRows(tx, shopId, parsed.rows);
    for (const [day, rows] of byDay) {
      const records = rows.map((r) => toRecord(r, currency, readZone));
      for (let i = 0; i < records.length; i += CHUNK) {
        await upsertStatementTransactions(tx, shopId, statementId(day), day, records.slice(i, i + CHUNK));
      }
    }
    await rebuildOrderSkus(
      tx,
      shopId,
      parsed.rows.filter((r) => isOrderType(r.type)).map((r) => r.id),
    );
    // A row that moved to another day (a corrected export) also changes its old day's statement.
    const touched = [...new Set([...byDay.keys(), ...before.values(), ...adopted.days])].sort();
    await rebuildStatements(tx, shopId, touched, shopZone, statusByDay(byDay));
    await refreshRollups(tx, shopId, touched);
    await recordSuccess(tx, shopId, "statements", options.now);
    const payouts = read.withdrawals.map((w) => toPayout(w, currency, readZone));
    for (let i = 0; i < payouts.length; i += CHUNK)
      await upsertPayouts(tx, shopId, payouts.slice(i, i + CHUNK));
    if (read.withdrawalSheet) await recordSuccess(tx, shopId, "payouts", options.now);

    const days = [...byDay.keys()].sort();
    return {
      shop: existing?.name ?? shopName,
      shopId,
      rows: parsed.rows.length,
      newRows: parsed.rows.filter((r) => !before.has(r.key) && !adopted.keys.has(r.key)).length,
      days: days.length,
      firstDay: days[0] ?? null,
      lastDay: days.at(-1) ?? null,
      currency,
      timezone: shopZone,
      sheet: read.sheet,
      format: read.format,
      encoding: read.encoding,
      withdrawals: payouts.length,
      readZone,
      readZoneSource,
    };
  });
}

function zoneOfTimes(
  options: ImportOptions,
  reportZone: string | null,
  shopZone: string,
): [string, ImportSummary["readZoneSource"]] {
  if (options.timezone) return [options.timezone, "option"];
  if (reportZone) return [reportZone, "reports sheet"];
  const named = fileNameZone(options.file);
  if (named) return [named, "file name"];
  return [shopZone, "shop"];
}

/**
 * Rows stored by earlier versions were keyed on the order/adjustment ID alone. Such a row that
 * this file holds again (same ID, type and amount) is replaced by the file's row under its full
 * key, so upgrading doesn't count it twice; a legacy row the file doesn't hold is left alone.
 */
async function adoptLegacyRows(
  tx: Tx,
  shopId: number,
  rows: ExportRow[],
): Promise<{ keys: Set<string>; days: string[] }> {
  const ids = [...new Set(rows.map((r) => r.id))];
  const keys = new Set<string>();
  const days: string[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const legacy = await tx
      .select({
        id: statementTransactions.id,
        type: statementTransactions.type,
        settlement: statementTransactions.settlement,
        day: statementTransactions.day,
      })
      .from(statementTransactions)
      .where(
        and(
          eq(statementTransactions.shopId, shopId),
          inArray(statementTransactions.id, ids.slice(i, i + CHUNK)),
          like(statementTransactions.statementId, "csv:%"),
        ),
      );
    for (const old of legacy) {
      const match = rows.find(
        (r) =>
          r.id === old.id &&
          r.type === old.type &&
          canonicalAmount(r.settlement) === canonicalAmount(old.settlement) &&
          !keys.has(r.key),
      );
      if (!match) continue;
      await tx
        .delete(statementTransactions)
        .where(and(eq(statementTransactions.shopId, shopId), eq(statementTransactions.id, old.id)));
      keys.add(match.key);
      days.push(old.day);
    }
  }
  return { keys, days };
}

function toPayout(w: ExportWithdrawal, currency: string, zone: string): PayoutRecord {
  return {
    source: "withdrawal",
    id: w.id,
    type: w.type,
    status: w.status,
    amount: w.amount,
    currency,
    settlementAmount: null,
    settlementCurrency: null,
    reserveAmount: null,
    exchangeRate: null,
    bankAccount: w.bankAccount,
    createdTime: stampInstant(w.requested, zone),
    paidTime: w.status === "PAID" && w.succeeded ? stampInstant(w.succeeded, zone) : null,
  };
}

function toRecord(
  r: ExportRow,
  currency: string,
  zone: string,
): StatementTransactionRecord & { raw: Record<string, string> } {
  const order = isOrderType(r.type);
  return {
    id: r.key,
    type: r.type,
    orderId: order ? r.id : r.relatedOrderId,
    adjustmentId: order ? null : r.id,
    orderCreateTime: r.orderCreated ? stampInstant(r.orderCreated, zone) : null,
    currency: r.currency ?? currency,
    settlement: r.settlement,
    revenue: r.revenue,
    shipping: r.shipping,
    feeTax: r.fee,
    adjustment: r.adjustment,
    reserve: null,
    reserveStatus: null,
    breakdown: r.breakdown,
    // upsertStatementTransactions spreads the record into the insert, so `raw` reaches its column.
    raw: r.raw,
  };
}

/** The statement day each already-stored ID is on (IDs not stored are absent). */
async function previousDays(tx: Tx, shopId: number, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await tx
      .select({ id: statementTransactions.id, day: statementTransactions.day })
      .from(statementTransactions)
      .where(
        and(
          eq(statementTransactions.shopId, shopId),
          inArray(statementTransactions.id, ids.slice(i, i + CHUNK)),
        ),
      );
    for (const r of rows) out.set(r.id, r.day);
  }
  return out;
}

/** "PAID" unless a row of the day says its payment is processing or failed. */
function statusByDay(byDay: Map<string, ExportRow[]>): Map<string, PaymentStatus> {
  const out = new Map<string, PaymentStatus>();
  for (const [day, rows] of byDay) {
    const statuses = new Set(rows.map((r) => r.status));
    out.set(day, statuses.has("FAILED") ? "FAILED" : statuses.has("PROCESSING") ? "PROCESSING" : "PAID");
  }
  return out;
}

export { ImportError } from "../providers/csv/import-error.ts";
