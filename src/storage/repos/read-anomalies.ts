import { and, asc, eq, sql } from "drizzle-orm";
import type { ReadAnomaly } from "../../providers/port.ts";
import type { Tx } from "../database.ts";
import { readAnomalies } from "../schema/index.ts";
import { textArray } from "../text-array.ts";

/**
 * Replaces what is recorded for the records of one page: the ids read (cleanly or not) lose their
 * old rows, then the page's anomalies are stored. A record read cleanly again is thus forgotten.
 */
export async function recordAnomalies(
  db: Tx,
  shopId: number,
  resource: string,
  readIds: string[],
  anomalies: readonly ReadAnomaly[],
  at: Date,
): Promise<void> {
  const keys = [...new Set([...readIds, ...anomalies.map(recordKey)])];
  if (keys.length > 0) {
    // The keys travel as one array parameter: a statement's thousand ids as bound values cost the
    // sync more than writing its rows.
    await db
      .delete(readAnomalies)
      .where(
        and(
          eq(readAnomalies.shopId, shopId),
          eq(readAnomalies.resource, resource),
          sql`${readAnomalies.recordKey} = any(${textArray(keys)}::text[])`,
        ),
      );
  }
  if (anomalies.length === 0) return;
  await db
    .insert(readAnomalies)
    .values(
      anomalies.map((a) => ({
        shopId,
        resource,
        recordKey: recordKey(a),
        field: a.field,
        kind: a.kind,
        value: a.value,
        lastSeenAt: at,
      })),
    )
    .onConflictDoUpdate({
      target: [readAnomalies.shopId, readAnomalies.resource, readAnomalies.recordKey, readAnomalies.field],
      set: { kind: sql`excluded.kind`, value: sql`excluded.value`, lastSeenAt: sql`excluded.last_seen_at` },
    });
}

function recordKey(a: ReadAnomaly): string {
  return a.recordId ?? `${a.field}=${a.value}`;
}

/** Anomalies of a shop grouped by what they say, most frequent first. */
export async function readAnomalySummary(db: Tx, shopId: number) {
  return db
    .select({
      resource: readAnomalies.resource,
      kind: readAnomalies.kind,
      field: readAnomalies.field,
      value: readAnomalies.value,
      count: sql<number>`count(*)::int`,
    })
    .from(readAnomalies)
    .where(eq(readAnomalies.shopId, shopId))
    .groupBy(readAnomalies.resource, readAnomalies.kind, readAnomalies.field, readAnomalies.value)
    .orderBy(sql`count(*) desc`, asc(readAnomalies.resource), asc(readAnomalies.field));
}
