/**
 * Sync of a creator account (user type 1): its affiliate orders, read by creation time and
 * upserted per page in one transaction with the "commission_settled" event of the orders that
 * page found newly SETTLED. Orders are re-read until their commission is final, however old.
 */
import { localDate } from "../core/periods.ts";
import { parseMoney, sum, toDecimal } from "../money/index.ts";
import type { CreatorProvider } from "../providers/port.ts";
import {
  commissionBatchKey,
  readOldestOpenCreatorOrder,
  upsertCreatorOrders,
} from "../storage/repos/creator-orders.ts";
import { recordAnomalies } from "../storage/repos/read-anomalies.ts";
import { setShopCurrency } from "../storage/repos/shops.ts";
import { readCursor, recordEvent, recordSuccess } from "../storage/repos/sync-state.ts";
import type { ShopRow } from "../storage/repos/workspaces.ts";
import { recordStepFailure } from "./step-failure.ts";
import type { SyncDeps, SyncReport } from "./sync-shop.ts";

const DAY = 86_400_000;
/** Re-read this much before the cursor: orders created just before the last sync arrive late. */
const OVERLAP_DAYS = 3;

/** The payload of a "commission_settled" event (alerts read it). */
export interface CommissionSettledPayload extends Record<string, unknown> {
  /** The newly settled orders of one page (a settlement batch). */
  orderIds: string[];
  /** Their actual commission, summed. */
  amount: string;
  currency: string;
  /** The creation days they span, in the account's zone. */
  firstDay: string;
  lastDay: string;
  backfill: boolean;
}

export async function syncCreator(
  deps: SyncDeps,
  provider: CreatorProvider,
  account: ShopRow,
  report: SyncReport,
): Promise<SyncReport> {
  const resource = "creator_orders";
  try {
    const now = deps.clock();
    const cursor = await readCursor(deps.db, account.id, resource);
    const backfill = cursor === null;
    const oldestOpen = await readOldestOpenCreatorOrder(deps.db, account.id);
    let from = backfill
      ? new Date(now.getTime() - (deps.historyDays ?? 90) * DAY)
      : new Date(cursor.getTime() - OVERLAP_DAYS * DAY);
    if (oldestOpen && oldestOpen < from) from = oldestOpen;
    let newest = cursor;
    let currency = account.currency;
    for await (const page of provider.creatorOrders({ from, to: new Date(now.getTime() + DAY) })) {
      const rows = page.map((o) => ({ ...o, day: localDate(o.createTime, account.timezone) }));
      await deps.db.transaction(async (tx) => {
        const before = await upsertCreatorOrders(tx, account.id, rows, deps.clock(), backfill);
        await recordAnomalies(
          tx,
          account.id,
          resource,
          rows.map((r) => r.id),
          page.anomalies ?? [],
          deps.clock(),
        );
        const settled = rows.filter((r) => r.status === "SETTLED" && before.get(r.id) !== "SETTLED");
        for (const group of byCurrency(settled)) {
          report.events += Number(await recordEvent(tx, settledEvent(account.id, group, backfill, now)));
        }
      });
      report.transactions += rows.length;
      report.anomalies += page.anomalies?.length ?? 0;
      for (const r of rows) {
        if (!newest || r.createTime > newest) newest = r.createTime;
        currency = r.currency;
      }
    }
    if (currency && currency !== account.currency) await setShopCurrency(deps.db, account.id, currency);
    await recordSuccess(deps.db, account.id, resource, deps.clock(), newest);
  } catch (error) {
    await recordStepFailure(deps, account, resource, report, error);
  }
  return report;
}

function byCurrency<T extends { currency: string }>(rows: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const r of rows) groups.set(r.currency, [...(groups.get(r.currency) ?? []), r]);
  return [...groups.values()];
}

function settledEvent(
  shopId: number,
  rows: readonly { id: string; actual: string; currency: string; day: string }[],
  backfill: boolean,
  now: Date,
) {
  const ids = rows.map((r) => r.id).sort();
  const days = rows.map((r) => r.day).sort();
  const currency = rows[0]!.currency;
  const payload: CommissionSettledPayload = {
    orderIds: ids,
    amount: toDecimal(
      sum(
        currency,
        rows.map((r) => parseMoney(r.actual, currency)),
      ),
    ),
    currency,
    firstDay: days[0]!,
    lastDay: days.at(-1)!,
    backfill,
  };
  // One batch, one key: the same orders settling are never two events, whichever sync sees them.
  return {
    shopId,
    kind: "commission_settled",
    dedupeKey: `commission_settled:${shopId}:${commissionBatchKey(currency, ids)}`,
    payload,
    occurredAt: now,
  };
}
