/**
 * `balance-bot import <file>`: a Seller Center statement export (CSV/XLSX) into the same tables
 * sync fills, in one transaction, so `/balance` answers for sellers without API access.
 */
import { basename, extname } from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { localDate } from "../core/periods.ts";
import { isKnownZone, stampInstant } from "../providers/csv/dates.ts";
import { findHeader } from "../providers/csv/headers.ts";
import { ImportError } from "../providers/csv/import-error.ts";
import { type ExportRow, isOrderType, parseExportRows } from "../providers/csv/parse-rows.ts";
import { readExportFile } from "../providers/csv/read-table.ts";
import type { PaymentStatus, StatementTransactionRecord } from "../providers/port.ts";
import type { Db, Tx } from "../storage/database.ts";
import { refreshRollups, upsertStatementTransactions } from "../storage/repos/finance.ts";
import { recordSuccess } from "../storage/repos/sync-state.ts";
import { statementTransactions } from "../storage/schema/index.ts";
import { defaultsForCurrency, ensureCsvShop, findCsvShop } from "./csv-shop.ts";
import { rebuildStatements, statementId } from "./statements.ts";

export interface ImportOptions {
  file: string;
  /** Default: the file's base name without its extension. */
  shopName?: string | undefined;
  now: Date;
  /** Zone of the file's times and of a new shop's days; default the shop's, else the currency's. */
  timezone?: string | undefined;
  /** Required only when the file has no currency column and the shop has no currency yet. */
  currency?: string | undefined;
  /** The workspace that imports (from chat); default the console workspace, as `balance-bot import`. */
  workspaceId?: number | undefined;
}

export interface ImportSummary {
  shop: string;
  shopId: number;
  /** Rows read (a repeated identical row counts once). */
  rows: number;
  /** Rows that were not in the database before. */
  newRows: number;
  /** Local days the file covers. */
  days: number;
  firstDay: string | null;
  lastDay: string | null;
  currency: string;
  timezone: string;
  sheet: string | null;
}

const CHUNK = 500;

/** A zone the file name states, as in "Onhold-…-2026_06_12(UTC-7).xlsx". */
function fileNameZone(file: string): string | null {
  const m = /\(UTC([+-]\d{1,2})\)/i.exec(basename(file));
  return m ? `UTC${m[1]}` : null;
}

/**
 * Imports one export. A bad row anywhere rejects the whole file with every problem listed
 * (`ImportError`) and writes nothing; re-importing a file changes nothing, and an overlapping
 * later export adds only its new rows (transactions are keyed on the order/adjustment ID).
 */
export async function importStatementExport(db: Db, options: ImportOptions): Promise<ImportSummary> {
  if (options.timezone && !isKnownZone(options.timezone)) {
    throw new ImportError(`"${options.timezone}" is not a time zone (use an IANA name like Asia/Jakarta)`);
  }
  const table = await readExportFile(options.file);
  const header = findHeader(table.rows);
  if (!header) {
    throw new ImportError(
      `no header row with an Order/adjustment ID column in the first ${table.rows.length} rows${table.sheet ? ` of sheet "${table.sheet}"` : ""}`,
    );
  }
  const parsed = parseExportRows(table, header, { currency: options.currency });
  if (parsed.problems.length > 0) {
    const n = new Set(parsed.problems.map((p) => p.split(":")[0])).size;
    throw new ImportError(`${n} bad row${n === 1 ? "" : "s"}, nothing was imported`, parsed.problems);
  }
  const shopName = options.shopName?.trim() || basename(options.file, extname(options.file));

  return db.transaction(async (tx) => {
    const existing = await findCsvShop(tx, shopName, options.workspaceId);
    const currency = parsed.currency ?? existing?.currency;
    if (!currency) {
      throw new ImportError("the file has no Currency column and the shop's currency is not known yet");
    }
    if (existing?.currency && existing.currency !== currency) {
      throw new ImportError(
        `the file is in ${currency} but shop "${existing.name}" is in ${existing.currency}; import it under another --shop name`,
      );
    }
    const defaults = defaultsForCurrency(currency);
    const shopZone = existing?.timezone ?? options.timezone ?? defaults.timezone;
    const readZone = options.timezone ?? fileNameZone(options.file) ?? shopZone;
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
      parsed.rows.map((r) => r.id),
    );
    for (const [day, rows] of byDay) {
      const records = rows.map((r) => toRecord(r, currency, readZone));
      for (let i = 0; i < records.length; i += CHUNK) {
        await upsertStatementTransactions(tx, shopId, statementId(day), day, records.slice(i, i + CHUNK));
      }
    }
    // A row that moved to another day (a corrected export) also changes its old day's statement.
    const touched = [...new Set([...byDay.keys(), ...before.values()])].sort();
    await rebuildStatements(tx, shopId, touched, shopZone, statusByDay(byDay));
    await refreshRollups(tx, shopId, touched);
    await recordSuccess(tx, shopId, "statements", options.now);

    const days = [...byDay.keys()].sort();
    return {
      shop: existing?.name ?? shopName,
      shopId,
      rows: parsed.rows.length,
      newRows: parsed.rows.filter((r) => !before.has(r.id)).length,
      days: days.length,
      firstDay: days[0] ?? null,
      lastDay: days.at(-1) ?? null,
      currency,
      timezone: shopZone,
      sheet: table.sheet,
    };
  });
}

function toRecord(
  r: ExportRow,
  currency: string,
  zone: string,
): StatementTransactionRecord & { raw: Record<string, string> } {
  const order = isOrderType(r.type);
  return {
    id: r.id,
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
