import { and, asc, eq, isNull, min, or, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { fromJson, jsonArray, rowsOf } from "../json-select.ts";
import { payouts, statements } from "../schema/index.ts";

/**
 * Rows that are payouts (money sent to the bank): every Get Payments row, and only the WITHDRAW
 * rows of a withdrawal market's ledger (SETTLE, TRANSFER and REVERSE move the TikTok balance).
 */
export const isPayout = or(eq(payouts.source, "payment"), eq(payouts.type, "WITHDRAW"));

/**
 * A ledger row's signed effect on the TikTok balance. WITHDRAW and REVERSE are stored as
 * magnitudes; a WITHDRAW debits whatever its status (a failed one comes back as a REVERSE);
 * a failed SETTLE or TRANSFER never moved money; unknown types are left out (and reported by
 * `/balance status`).
 */
const effect = sql`case
  when ${payouts.type} = 'WITHDRAW' then -abs(${payouts.amount})
  when ${payouts.type} = 'REVERSE' and ${payouts.status} <> 'FAILED' then abs(${payouts.amount})
  when ${payouts.type} in ('SETTLE', 'TRANSFER') and ${payouts.status} <> 'FAILED' then ${payouts.amount}
  else 0 end`;

export interface LedgerBalance {
  currency: string;
  /** Sum of every record's effect: the available TikTok balance. */
  total: string;
  records: number;
  since: Date;
  /** WITHDRAW records still PROCESSING: on their way to the bank. */
  withdrawing: string;
}

/**
 * The TikTok balance of a withdrawal-market shop, per currency, from its ledger, as a json array
 * (read with the rest of `/balance`, src/storage/repos/balance.ts). Only a ledger with SETTLE
 * records is one: an imported "Withdrawal records" sheet alone holds withdrawals only.
 */
export function ledgerBalanceJson(shop: number | SQL): SQL {
  return jsonArray(
    {
      currency: payouts.currency,
      total: sql`coalesce(sum(${effect}), 0)::text`,
      records: sql`count(*)::int`,
      since: sql`min(${payouts.createdTime})`,
      withdrawing: sql`coalesce(sum(abs(${payouts.amount})) filter (where ${payouts.type} = 'WITHDRAW' and ${payouts.status} = 'PROCESSING'), 0)::text`,
    },
    sql`${payouts} where ${and(eq(payouts.shopId, shop), eq(payouts.source, "withdrawal"))}
      group by ${payouts.currency} having count(*) filter (where ${payouts.type} = 'SETTLE') > 0`,
    { order: sql`${payouts.currency}` },
  );
}

/** The ledger balance of one shop (`ledgerBalanceJson`, read alone: the alerts' threshold rules). */
export async function readLedgerBalance(db: Tx, shopId: number): Promise<LedgerBalance[]> {
  const [row] = rowsOf<{ ledger: unknown }>(
    await db.execute(sql`select ${ledgerBalanceJson(shopId)} as ledger`),
  );
  return fromJson<LedgerBalance[]>(row?.ledger ?? [], ["since"]);
}

/** REVERSE rows not yet matched to the withdrawal they return, oldest first. */
export async function readUnmatchedReversals(db: Tx, shopId: number) {
  return db
    .select()
    .from(payouts)
    .where(
      and(
        eq(payouts.shopId, shopId),
        eq(payouts.source, "withdrawal"),
        eq(payouts.type, "REVERSE"),
        isNull(payouts.reversalOf),
      ),
    )
    .orderBy(asc(payouts.createdTime));
}

/**
 * The withdrawal a REVERSE returns. The API links them by nothing (reference §3.4), so this is
 * an assumption: the latest WITHDRAW of the same amount and currency created before it and not
 * reversed yet, a FAILED one first.
 */
export async function findReversedWithdrawal(
  db: Tx,
  shopId: number,
  reverse: { id: string; amount: string; currency: string; createdTime: Date },
) {
  const [row] = await db
    .select()
    .from(payouts)
    .where(
      and(
        eq(payouts.shopId, shopId),
        eq(payouts.source, "withdrawal"),
        eq(payouts.type, "WITHDRAW"),
        eq(payouts.currency, reverse.currency),
        sql`${payouts.amount} = ${reverse.amount}::numeric`,
        sql`${payouts.createdTime} <= ${reverse.createdTime.toISOString()}::timestamptz`,
        sql`not exists (select 1 from payouts r where r.shop_id = ${shopId} and r.source = 'withdrawal'
          and r.reversal_of = ${payouts.id})`,
      ),
    )
    .orderBy(sql`(${payouts.status} = 'FAILED') desc`, sql`${payouts.createdTime} desc`)
    .limit(1);
  return row ?? null;
}

export async function markReversal(db: Tx, shopId: number, reverseId: string, withdrawalId: string) {
  await db
    .update(payouts)
    .set({ reversalOf: withdrawalId })
    .where(and(eq(payouts.shopId, shopId), eq(payouts.source, "withdrawal"), eq(payouts.id, reverseId)));
}

/** The oldest statement whose payment is not final yet: sync re-reads from there, however old. */
export async function readOldestUnfinishedStatement(db: Tx, shopId: number): Promise<Date | null> {
  const [row] = await db
    .select({ at: min(statements.statementTime) })
    .from(statements)
    .where(and(eq(statements.shopId, shopId), eq(statements.paymentStatus, "PROCESSING")));
  return row?.at ?? null;
}

/** The oldest payout still PROCESSING (payments, or WITHDRAW rows): followed until final. */
export async function readOldestUnfinishedPayout(db: Tx, shopId: number): Promise<Date | null> {
  const [row] = await db
    .select({ at: min(payouts.createdTime) })
    .from(payouts)
    .where(and(eq(payouts.shopId, shopId), eq(payouts.status, "PROCESSING"), isPayout));
  return row?.at ?? null;
}
