import { and, desc, eq, inArray, sql, sum } from "drizzle-orm";
import { formatCategory } from "../categories.ts";
import type { Tx } from "../database.ts";
import { dailyRollups, payouts, statements, syncState, unsettledSnapshots } from "../schema/index.ts";
import { isPayout } from "./ledger.ts";

export async function readUnsettled(db: Tx, shopId: number) {
  const [row] = await db.select().from(unsettledSnapshots).where(eq(unsettledSnapshots.shopId, shopId));
  return row ?? null;
}

/**
 * Settled, awaiting payout: statements whose payment is still PROCESSING, per currency. A
 * statement whose payment (a combined one, say) is already PAID in Get Payments is paid even if
 * its own row has not caught up yet: it never stays on this clock.
 */
export async function readSettledAwaiting(db: Tx, shopId: number) {
  return db
    .select({
      currency: statements.currency,
      total: sum(statements.settlement).mapWith(String),
      count: sql<number>`count(*)::int`,
    })
    .from(statements)
    .where(
      and(
        eq(statements.shopId, shopId),
        eq(statements.paymentStatus, "PROCESSING"),
        sql`not exists (select 1 from payouts p where p.shop_id = ${statements.shopId}
          and p.source = 'payment' and p.id = ${statements.paymentId} and p.status = 'PAID')`,
      ),
    )
    .groupBy(statements.currency);
}

export async function readPaidSince(db: Tx, shopId: number, since: Date) {
  return db
    .select({
      currency: payouts.currency,
      total: sum(payouts.amount).mapWith(String),
      count: sql<number>`count(*)::int`,
    })
    .from(payouts)
    .where(
      and(
        eq(payouts.shopId, shopId),
        eq(payouts.status, "PAID"),
        isPayout,
        sql`coalesce(${payouts.paidTime}, ${payouts.createdTime}) >= ${since.toISOString()}::timestamptz`,
      ),
    )
    .groupBy(payouts.currency);
}

export async function readLastPayouts(db: Tx, shopId: number, limit: number) {
  return db
    .select()
    .from(payouts)
    .where(and(eq(payouts.shopId, shopId), isPayout))
    .orderBy(desc(payouts.createdTime), desc(payouts.id))
    .limit(limit);
}

/** Reserve held now: withheld minus released over all time (rollup category "reserve"), negated. */
export async function readReserve(db: Tx, shopId: number) {
  return db
    .select({ currency: dailyRollups.currency, total: sum(dailyRollups.amount).mapWith(String) })
    .from(dailyRollups)
    .where(
      and(eq(dailyRollups.shopId, shopId), eq(dailyRollups.category, formatCategory({ kind: "reserve" }))),
    )
    .groupBy(dailyRollups.currency);
}

/** The oldest "last success" of the resources that make up the balance: the data is as old as that. */
export async function readLastSync(db: Tx, shopId: number): Promise<Date | null> {
  const rows = await db
    .select({ at: syncState.lastSuccessAt })
    .from(syncState)
    .where(
      and(eq(syncState.shopId, shopId), inArray(syncState.resource, ["statements", "payouts", "unsettled"])),
    );
  if (rows.length === 0 || rows.some((r) => !r.at)) return null;
  return new Date(Math.min(...rows.map((r) => r.at!.getTime())));
}

/** Statements paid in the window: how long this shop's payments take after a statement. */
export async function readPaymentDelays(db: Tx, shopId: number, since: Date) {
  return db
    .select({ statementTime: statements.statementTime, paymentTime: statements.paymentTime })
    .from(statements)
    .where(
      and(
        eq(statements.shopId, shopId),
        eq(statements.paymentStatus, "PAID"),
        sql`${statements.paymentTime} is not null`,
        sql`${statements.statementTime} >= ${since.toISOString()}::timestamptz`,
      ),
    ) as Promise<{ statementTime: Date; paymentTime: Date }[]>;
}

/** Statements settled and still awaiting payment, oldest first. */
export async function readProcessingStatements(db: Tx, shopId: number) {
  return db
    .select({
      statementTime: statements.statementTime,
      settlement: statements.settlement,
      currency: statements.currency,
    })
    .from(statements)
    .where(and(eq(statements.shopId, shopId), eq(statements.paymentStatus, "PROCESSING")))
    .orderBy(statements.statementTime);
}
