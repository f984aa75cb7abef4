/**
 * Payout domain events. Payments markets: a payment turning PAID or FAILED. Withdrawal markets:
 * the withdrawals endpoint is the ledger of the TikTok balance, so only a WITHDRAW is a payout
 * (PAID → "payout_paid"); a WITHDRAW turning FAILED, or a REVERSE returning one, is
 * "payout_failed" for that withdrawal (one event per withdrawal, whichever is seen first).
 * SETTLE and TRANSFER only move the balance: never an event.
 */
import type { PayoutRecord } from "../providers/port.ts";
import type { Tx } from "../storage/database.ts";
import { findReversedWithdrawal, markReversal, readUnmatchedReversals } from "../storage/repos/ledger.ts";
import { recordEvent } from "../storage/repos/sync-state.ts";

export type PayoutEventKind = "payout_paid" | "payout_failed";

/** The payload every payout event carries (alerts and digests read it). */
export interface PayoutEventPayload extends Record<string, unknown> {
  payoutId: string;
  source: "payment" | "withdrawal";
  amount: string;
  currency: string;
  bankAccount: string | null;
  createdTime: string;
  paidTime: string | null;
  /** Found by a first sync: history, not news. */
  backfill: boolean;
  /** The REVERSE record that returned this withdrawal, when that is how the failure was seen. */
  reversedBy?: string;
  /** A payment in another currency than the shop settles in (cross-border): what it was before. */
  exchange?: {
    settlementAmount: string;
    settlementCurrency: string;
    reserveAmount: string | null;
    exchangeRate: string | null;
  };
}

/** Whether a record is a payout at all (SETTLE/TRANSFER/REVERSE are balance movements). */
export function isPayoutRecord(p: Pick<PayoutRecord, "source" | "type">): boolean {
  return p.source === "payment" || p.type === "WITHDRAW";
}

/** Records one event when a payout's status became final; returns how many were new. */
export async function recordPayoutChange(
  tx: Tx,
  shopId: number,
  p: PayoutRecord,
  previous: string | undefined,
  backfill: boolean,
): Promise<number> {
  if (!isPayoutRecord(p) || p.status === previous || (p.status !== "PAID" && p.status !== "FAILED")) return 0;
  const kind: PayoutEventKind = p.status === "PAID" ? "payout_paid" : "payout_failed";
  return Number(
    await recordEvent(tx, {
      shopId,
      kind,
      dedupeKey: `${kind}:${shopId}:${p.source}:${p.id}`,
      payload: payload(p, backfill),
      occurredAt: p.paidTime ?? p.createdTime,
    }),
  );
}

/**
 * Matches every REVERSE not matched yet to the withdrawal it returns and records "payout_failed"
 * for that withdrawal. Runs after all pages: the endpoint has no sort order, so a REVERSE may come
 * before its WITHDRAW. An unmatched REVERSE is retried on the next sync.
 */
export async function matchReversals(tx: Tx, shopId: number, backfill: boolean): Promise<number> {
  let events = 0;
  for (const reverse of await readUnmatchedReversals(tx, shopId)) {
    const withdrawal = await findReversedWithdrawal(tx, shopId, reverse);
    if (!withdrawal) continue;
    await markReversal(tx, shopId, reverse.id, withdrawal.id);
    const record: PayoutRecord = { ...withdrawal, source: "withdrawal", status: "FAILED" };
    events += Number(
      await recordEvent(tx, {
        shopId,
        kind: "payout_failed",
        dedupeKey: `payout_failed:${shopId}:withdrawal:${withdrawal.id}`,
        payload: { ...payload(record, backfill), reversedBy: reverse.id },
        occurredAt: reverse.createdTime,
      }),
    );
  }
  return events;
}

function payload(p: PayoutRecord, backfill: boolean): PayoutEventPayload {
  return {
    payoutId: p.id,
    source: p.source,
    amount: p.amount,
    currency: p.currency,
    bankAccount: p.bankAccount,
    createdTime: p.createdTime.toISOString(),
    paidTime: p.paidTime?.toISOString() ?? null,
    backfill,
    ...(p.settlementAmount && p.settlementCurrency && p.settlementCurrency !== p.currency
      ? {
          exchange: {
            settlementAmount: p.settlementAmount,
            settlementCurrency: p.settlementCurrency,
            reserveAmount: p.reserveAmount,
            exchangeRate: p.exchangeRate,
          },
        }
      : {}),
  };
}
