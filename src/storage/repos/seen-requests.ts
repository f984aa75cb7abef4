import { lt, sql } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { seenRequests } from "../schema/index.ts";

/**
 * Records a signed request's key until `expiresAt`; false when a live record of it exists (a
 * replay, possibly served by another replica). One statement, so two replicas racing on the
 * same key cannot both win.
 */
export async function recordFirstSighting(db: Tx, key: string, expiresAt: Date, now: Date): Promise<boolean> {
  await db.delete(seenRequests).where(lt(seenRequests.expiresAt, now));
  const rows = await db
    .insert(seenRequests)
    .values({ key, expiresAt })
    .onConflictDoUpdate({
      target: seenRequests.key,
      set: { expiresAt },
      // A record past its expiry is a stale leftover, not a sighting.
      setWhere: lt(seenRequests.expiresAt, now),
    })
    .returning({ key: seenRequests.key });
  return rows.length > 0;
}

/** How many records are live (tests, metrics). */
export async function countSeenRequests(db: Tx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(seenRequests);
  return row?.n ?? 0;
}
