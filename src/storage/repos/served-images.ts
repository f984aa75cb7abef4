import { and, eq, gt, lt } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { servedImages } from "../schema/index.ts";

/** Stores a PNG to be served by link until `expiresAt`, sweeping expired ones. */
export async function saveServedImage(
  db: Tx,
  id: string,
  png: Uint8Array,
  expiresAt: Date,
  now: Date,
): Promise<void> {
  await db.delete(servedImages).where(lt(servedImages.expiresAt, now));
  await db.insert(servedImages).values({ id, png, expiresAt }).onConflictDoNothing();
}

/** The PNG behind a link, or undefined when it is unknown or expired. */
export async function readServedImage(db: Tx, id: string, now: Date): Promise<Uint8Array | undefined> {
  const [row] = await db
    .select({ png: servedImages.png })
    .from(servedImages)
    .where(and(eq(servedImages.id, id), gt(servedImages.expiresAt, now)));
  return row ? new Uint8Array(row.png) : undefined;
}
