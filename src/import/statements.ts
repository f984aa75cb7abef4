/**
 * The synthetic daily statements of an imported shop: one per local day ("csv:YYYY-MM-DD"),
 * always the sums of that day's stored transactions, whichever import brought them.
 */
import { and, eq, inArray, like, sql } from "drizzle-orm";
import { localDate } from "../core/periods.ts";
import type { PaymentStatus, StatementRecord } from "../providers/port.ts";
import type { Tx } from "../storage/database.ts";
import { upsertStatements } from "../storage/repos/finance.ts";
import { statements, statementTransactions } from "../storage/schema/index.ts";

/** The statement id of a local day. */
export const statementId = (day: string): string => `csv:${day}`;

/**
 * TikTok stamps a statement 00:00 UTC and it covers the previous day; the app counts it on the
 * shop-local date of the stamp. So the stamp is 00:00 UTC of the next day where that is still the
 * local day (zones behind UTC, like a US shop's), else 00:00 UTC of the day itself (zones at or
 * ahead of UTC, where the next day's stamp would fall on the next local day).
 */
export function statementTimeFor(day: string, zone: string): Date {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);
  return localDate(next, zone) === day ? next : new Date(`${day}T00:00:00Z`);
}

/** Each touched day's statement = the sums of all its stored transactions, whichever import brought them. */
export async function rebuildStatements(
  tx: Tx,
  shopId: number,
  days: string[],
  zone: string,
  statuses: Map<string, PaymentStatus>,
): Promise<void> {
  if (days.length === 0) return;
  const sums = await tx
    .select({
      day: statementTransactions.day,
      currency: statementTransactions.currency,
      settlement: sql<string>`sum(${statementTransactions.settlement})::text`,
      revenue: sql<string | null>`sum(${statementTransactions.revenue})::text`,
      fee: sql<string | null>`sum(${statementTransactions.feeTax})::text`,
      shipping: sql<string | null>`sum(${statementTransactions.shipping})::text`,
      adjustment: sql<string | null>`sum(${statementTransactions.adjustment})::text`,
    })
    .from(statementTransactions)
    .where(
      and(
        eq(statementTransactions.shopId, shopId),
        inArray(statementTransactions.day, days),
        like(statementTransactions.statementId, "csv:%"),
      ),
    )
    .groupBy(statementTransactions.day, statementTransactions.currency);
  const old = await tx
    .select({ id: statements.id, status: statements.paymentStatus })
    .from(statements)
    .where(and(eq(statements.shopId, shopId), inArray(statements.id, days.map(statementId))));
  const oldStatus = new Map(old.map((s) => [s.id, s.status as PaymentStatus]));
  const rows: (StatementRecord & { day: string })[] = sums.map((s) => ({
    id: statementId(s.day),
    day: s.day,
    statementTime: statementTimeFor(s.day, zone),
    currency: s.currency,
    settlement: s.settlement,
    revenue: s.revenue,
    netSales: null,
    fee: s.fee,
    shipping: s.shipping,
    adjustment: s.adjustment,
    paymentStatus: statuses.get(s.day) ?? oldStatus.get(statementId(s.day)) ?? "PAID",
    paymentId: null,
    paymentTime: null,
  }));
  await upsertStatements(tx, shopId, rows);
  const emptied = days.filter((d) => !sums.some((s) => s.day === d)).map(statementId);
  if (emptied.length > 0) {
    await tx.delete(statements).where(and(eq(statements.shopId, shopId), inArray(statements.id, emptied)));
  }
}
