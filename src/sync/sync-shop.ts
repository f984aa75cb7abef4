import { and, eq } from "drizzle-orm";
import { localDate } from "../core/periods.ts";
import type { Logger } from "../log.ts";
import type {
  CreatorProvider,
  FinanceProvider,
  ReadAnomaly,
  ReadPage,
  ShopRef,
  StatementRecord,
  StatementTransactionRecord,
} from "../providers/port.ts";
import { isSeaRegion } from "../providers/tiktok/regions.ts";
import type { Db } from "../storage/database.ts";
import { CREATOR_KIND } from "../storage/repos/creator-orders.ts";
import {
  refreshRollups,
  saveUnsettled,
  statementsWithoutTransactions,
  upsertPayouts,
  upsertStatements,
  upsertStatementTransactions,
} from "../storage/repos/finance.ts";
import { readOldestUnfinishedPayout, readOldestUnfinishedStatement } from "../storage/repos/ledger.ts";
import { ordersWithoutSkus, saveOrderSkus } from "../storage/repos/products.ts";
import { recordAnomalies } from "../storage/repos/read-anomalies.ts";
import { setShopCurrency } from "../storage/repos/shops.ts";
import { type Resource, readCursor, recordEvent, recordSuccess } from "../storage/repos/sync-state.ts";
import type { ShopRow } from "../storage/repos/workspaces.ts";
import { readAnomalies } from "../storage/schema/index.ts";
import { regionCurrency } from "./currency.ts";
import { matchReversals, recordPayoutChange } from "./payout-events.ts";
import { recordStepFailure } from "./step-failure.ts";
import { syncCreator } from "./sync-creator.ts";

export interface SyncDeps {
  db: Db;
  log: Logger;
  clock: () => Date;
  /** How far back the first sync of a shop reaches. */
  historyDays?: number;
  /** Orders whose product lines are fetched per sync (one request each). */
  productBatch?: number;
}

export interface SyncReport {
  shopId: number;
  shop: string;
  statements: number;
  payouts: number;
  transactions: number;
  products: number;
  events: number;
  /** Records stored with a value this version does not know, or skipped (see /balance status). */
  anomalies: number;
  errors: {
    /** The step that failed; "lease" when this run could not sync the shop at all (its lease). */
    resource: Resource | "lease";
    message: string;
    code?: string | undefined;
    requestId?: string | undefined;
  }[];
}

const DAY = 86_400_000;
// Statuses change after the fact (PROCESSING → PAID): every sync re-reads this much history.
const STATEMENT_OVERLAP_DAYS = 14;
const PAYOUT_OVERLAP_DAYS = 30;
/** Where a withdrawal market's first ledger read starts (before TikTok Shop sold anywhere). */
const LEDGER_START = new Date("2020-01-01T00:00:00Z");
/**
 * Statements whose transactions are fetched at once (each is still paged, and every request
 * takes its slot from the rate limiter). A statement's pages come one after another, so the
 * API's 50 requests a second per endpoint are only reached with several statements in flight.
 */
const FETCH_AHEAD = 3;

/** A report of nothing synced yet. */
export function emptyReport(shopId: number, shop: string): SyncReport {
  return {
    shopId,
    shop,
    statements: 0,
    payouts: 0,
    transactions: 0,
    products: 0,
    events: 0,
    anomalies: 0,
    errors: [],
  };
}

/**
 * Pulls one shop incrementally and idempotently: each page is parsed completely before anything
 * of it is written, then written in one transaction with its rollups and domain events.
 */
export async function syncShop(
  deps: SyncDeps,
  provider: FinanceProvider,
  shop: ShopRow,
): Promise<SyncReport> {
  const report = emptyReport(shop.id, shop.name);
  // A creator account has no shop to read: its commission orders are all there is.
  if (shop.kind === CREATOR_KIND && "creatorOrders" in provider)
    return syncCreator(deps, provider as FinanceProvider & CreatorProvider, shop, report);
  const ref: ShopRef = { externalId: shop.externalId, cipher: shop.cipher ?? "", region: shop.region };
  let currency = shop.currency ?? regionCurrency(shop.region);
  const step = async (resource: Resource, run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      await recordStepFailure(deps, shop, resource, report, error);
    }
  };

  // Statements and payouts are separate APIs, each with its own rate limit: fetched at once.
  // Products and the unsettled list wait for statements (orders, the currency).
  const statementsDone = step("statements", async () => {
    const now = deps.clock();
    const cursor = await readCursor(deps.db, shop.id, "statements");
    const backfill = cursor === null;
    // A statement is re-read until its payment is final, however old: the query reaches back to
    // the oldest one still PROCESSING, and no further than the usual overlap otherwise.
    const from = earliest(
      new Date(
        (cursor?.getTime() ?? now.getTime() - (deps.historyDays ?? 90) * DAY) -
          (backfill ? 0 : STATEMENT_OVERLAP_DAYS * DAY),
      ),
      await readOldestUnfinishedStatement(deps.db, shop.id),
    );
    let newest = cursor;
    for await (const page of provider.statements(ref, { from, to: new Date(now.getTime() + DAY) })) {
      const rows = page.map((s) => ({ ...s, day: localDate(s.statementTime, shop.timezone) }));
      report.anomalies += page.anomalies?.length ?? 0;
      // A shop's currency is what its statements say (a cross-border shop settles in another
      // currency than its region's); the region only guesses until the first statement.
      const latest = rows.at(-1);
      if (latest) currency = latest.currency;
      await deps.db.transaction(async (tx) => {
        const before = await upsertStatements(tx, shop.id, rows);
        await recordAnomalies(tx, shop.id, "statements", ids(rows), page.anomalies ?? [], deps.clock());
        for (const s of rows) {
          if (!before.has(s.id))
            report.events += Number(await recordEvent(tx, statementEvent(shop.id, s, backfill)));
        }
      });
      report.statements += rows.length;
      for (const s of rows) if (!newest || s.statementTime > newest) newest = s.statementTime;
      await syncTransactions(deps, provider, ref, shop.id, rows, report);
    }
    await recordSuccess(deps.db, shop.id, "statements", deps.clock(), newest);
  });

  const payoutsDone = step("payouts", async () => {
    const now = deps.clock();
    const cursor = await readCursor(deps.db, shop.id, "payouts");
    const backfill = cursor === null;
    // A withdrawal market's ledger is read from its beginning: the balance is the sum of it all.
    const firstFrom = isSeaRegion(shop.region)
      ? LEDGER_START
      : new Date(now.getTime() - (deps.historyDays ?? 90) * DAY);
    const from = earliest(
      new Date(backfill ? firstFrom.getTime() : cursor.getTime() - PAYOUT_OVERLAP_DAYS * DAY),
      await readOldestUnfinishedPayout(deps.db, shop.id),
    );
    let newest = cursor;
    for await (const page of provider.payouts(ref, { from, to: new Date(now.getTime() + DAY) })) {
      await deps.db.transaction(async (tx) => {
        const before = await upsertPayouts(tx, shop.id, page);
        await recordAnomalies(tx, shop.id, "payouts", ids(page), page.anomalies ?? [], deps.clock());
        for (const p of page) {
          const previous = before.get(`${p.source}:${p.id}`);
          report.events += await recordPayoutChange(tx, shop.id, p, previous, backfill);
        }
      });
      report.payouts += page.length;
      report.anomalies += page.anomalies?.length ?? 0;
      for (const p of page) if (!newest || p.createdTime > newest) newest = p.createdTime;
    }
    report.events += await deps.db.transaction((tx) => matchReversals(tx, shop.id, backfill));
    await recordSuccess(deps.db, shop.id, "payouts", deps.clock(), newest);
  });

  // Only a lost lease rejects a step; each is awaited below, the catch keeps the other handled.
  payoutsDone.catch(() => {});
  await statementsDone;
  if (currency && currency !== shop.currency) await setShopCurrency(deps.db, shop.id, currency);

  const productsDone = step("products", async () => {
    // Product details cost one request per order: fetch a bounded batch per sync, newest first.
    const orders = await ordersWithoutSkus(deps.db, shop.id, deps.productBatch ?? 200);
    for (const order of orders) {
      if (!order.orderId) continue;
      const rows = await provider.orderTransactions(ref, order.orderId);
      await saveOrderSkus(deps.db, shop.id, order.orderId, order.day, rows);
      report.products += 1;
    }
    await recordSuccess(deps.db, shop.id, "products", deps.clock());
  });
  productsDone.catch(() => {});

  await step("unsettled", async () => {
    if (!currency) throw new Error("the shop's currency is not known yet (no statement synced)");
    const summary = await provider.unsettled(ref, currency);
    await deps.db.transaction(async (tx) => {
      await saveUnsettled(tx, shop.id, summary, deps.clock());
      // The unsettled list is read whole each time: what it could not read is replaced whole.
      await tx
        .delete(readAnomalies)
        .where(and(eq(readAnomalies.shopId, shop.id), eq(readAnomalies.resource, "unsettled")));
      await recordAnomalies(tx, shop.id, "unsettled", [], summary.anomalies ?? [], deps.clock());
    });
    report.anomalies += summary.anomalies?.length ?? 0;
    await recordSuccess(deps.db, shop.id, "unsettled", deps.clock());
  });
  await Promise.all([payoutsDone, productsDone]);
  return report;
}

async function syncTransactions(
  deps: SyncDeps,
  provider: FinanceProvider,
  ref: ShopRef,
  shopId: number,
  statements: (StatementRecord & { day: string })[],
  report: SyncReport,
): Promise<void> {
  const missing = await statementsWithoutTransactions(
    deps.db,
    shopId,
    statements.map((s) => s.id),
  );
  const days = new Set(statements.map((s) => s.day));
  // Up to FETCH_AHEAD statements are fetched while the previous one is written: the API and the
  // database work at once. Writes stay in statement order, one transaction per statement.
  const toFetch = statements.filter((s) => missing.has(s.id));
  const fetchAll = async (statement: StatementRecord) => {
    const rows: StatementTransactionRecord[] = [];
    const anomalies: ReadAnomaly[] = [];
    for await (const page of provider.statementTransactions(ref, statement.id)) {
      rows.push(...page);
      anomalies.push(...(page.anomalies ?? []));
    }
    return Object.assign(rows, { anomalies });
  };
  const inflight: Promise<ReadPage<StatementTransactionRecord>>[] = [];
  let next = 0;
  const launch = () => {
    while (inflight.length < FETCH_AHEAD && next < toFetch.length) {
      const fetching = fetchAll(toFetch[next++]!);
      // Awaited below in order; this only keeps an early failure from counting as unhandled.
      fetching.catch(() => {});
      inflight.push(fetching);
    }
  };
  launch();
  let writing: Promise<void> = Promise.resolve();
  let writeFailed: { error: unknown } | undefined;
  for (const statement of toFetch) {
    // All pages of one statement are written together: a statement is never half-imported.
    const rows = await inflight.shift()!;
    launch();
    await writing;
    if (writeFailed) throw writeFailed.error;
    writing = writeStatementTransactions(deps.db, shopId, statement, rows, deps.clock()).then(
      () => {
        report.transactions += rows.length;
        report.anomalies += rows.anomalies?.length ?? 0;
      },
      (error: unknown) => {
        // Kept, not thrown here: a rejection nobody awaits yet would crash the process.
        writeFailed = { error };
      },
    );
  }
  await writing;
  if (writeFailed) throw writeFailed.error;
  await refreshRollups(deps.db, shopId, [...days]);
  await recordSuccess(deps.db, shopId, "transactions", deps.clock());
}

/**
 * The storage write path of one statement's transactions (all its pages, already parsed), in one
 * transaction: the rows and what could not be read of them. The bench times exactly this.
 */
export async function writeStatementTransactions(
  db: Db,
  shopId: number,
  statement: { id: string; day: string },
  rows: ReadPage<StatementTransactionRecord>,
  at: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    // A statement is never half-imported: if one of its rows had to be skipped, none is
    // written (the statement is fetched again next sync) and the skip is reported.
    const complete = !(rows.anomalies ?? []).some((a) => a.kind === "skipped");
    for (let i = 0; complete && i < rows.length; i += 5000) {
      await upsertStatementTransactions(tx, shopId, statement.id, statement.day, rows.slice(i, i + 5000));
    }
    await recordAnomalies(tx, shopId, "transactions", ids(rows), rows.anomalies ?? [], at);
  });
}

function statementEvent(shopId: number, s: StatementRecord & { day: string }, backfill: boolean) {
  return {
    shopId,
    kind: "statement_new",
    dedupeKey: `statement_new:${shopId}:${s.id}`,
    payload: { statementId: s.id, day: s.day, settlement: s.settlement, currency: s.currency, backfill },
    occurredAt: s.statementTime,
  };
}

function ids(records: readonly { id: string }[]): string[] {
  return records.map((r) => r.id);
}

function earliest(a: Date, b: Date | null): Date {
  return b && b < a ? b : a;
}
