import { eq, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { shops } from "../schema/index.ts";
import { type ShopRow, shopColumns } from "./workspaces.ts";

/**
 * Per-shop sync leases (table `shop_sync_leases`). Every time is the database's `now()`, so
 * replicas agree on "expired" whatever their own clocks say.
 */

async function rows(db: Tx, query: SQL): Promise<Record<string, unknown>[]> {
  const result = (await db.execute(query)) as unknown as
    | { rows: Record<string, unknown>[] }
    | Record<string, unknown>[];
  return Array.isArray(result) ? result : result.rows;
}

/** Gives every shop of `provider` a lease row (due at once) if it has none yet. */
export async function ensureLeaseRows(db: Tx, provider: string): Promise<void> {
  await db.execute(sql`
    insert into shop_sync_leases (shop_id)
    select s.id from shops s
    where s.provider = ${provider}
      and not exists (select 1 from shop_sync_leases l where l.shop_id = s.id)
    on conflict (shop_id) do nothing`);
}

export interface ClaimedShop {
  shopId: number;
  /** When it was due; the claim's lag is `claimedAt − dueAt`. */
  dueAt: Date;
  claimedAt: Date;
}

/**
 * Claims up to `limit` shops of `provider` that are due and whose lease is free or expired, the
 * most overdue first, for `leaseMs`. One statement: rows another replica is claiming right now
 * are skipped (SKIP LOCKED), and a row claimed and committed meanwhile is re-checked against the
 * WHERE under its lock, so two replicas never both get the same shop. Only shops of an active
 * authorization are claimed. `shopIds` limits the claim
 * to those shops (`sync --once`), due or not.
 */
export async function claimDueShops(
  db: Tx,
  options: { provider: string; owner: string; limit: number; leaseMs: number; shopIds?: number[] },
): Promise<ClaimedShop[]> {
  const only = options.shopIds
    ? sql`c.shop_id = any(${`{${options.shopIds.join(",")}}`}::int[])`
    : sql`c.next_due_at <= now()`;
  const claimed = await rows(
    db,
    sql`
    update shop_sync_leases l
    set leased_by = ${options.owner},
        lease_until = now() + make_interval(secs => ${options.leaseMs / 1000}),
        claimed_at = now()
    from (
      select c.shop_id, c.next_due_at from shop_sync_leases c
      join shops s on s.id = c.shop_id
      join authorizations a on a.id = s.authorization_id
      where s.provider = ${options.provider} and a.provider = ${options.provider}
        and a.status = 'active' and ${only}
        and (c.lease_until is null or c.lease_until < now())
      order by c.next_due_at, c.shop_id
      limit ${options.limit}
      for update of c skip locked
    ) picked
    where l.shop_id = picked.shop_id
    returning l.shop_id, picked.next_due_at, l.claimed_at`,
  );
  return claimed.map((r) => ({
    shopId: Number(r.shop_id),
    dueAt: new Date(r.next_due_at as string | Date),
    claimedAt: new Date(r.claimed_at as string | Date),
  }));
}

/**
 * Extends `owner`'s lease on a shop; false when it no longer holds it (it expired and was taken).
 * A renewal that arrives after the lease ran out still succeeds while nobody claimed the shop in
 * between: a claim (or a release) is the only way another process starts syncing it, and both
 * change `leased_by`, so a late renewal (a stalled event loop on a busy host) costs nothing.
 */
export async function renewLease(db: Tx, shopId: number, owner: string, leaseMs: number): Promise<boolean> {
  const renewed = await rows(
    db,
    sql`
    update shop_sync_leases
    set lease_until = now() + make_interval(secs => ${leaseMs / 1000})
    where shop_id = ${shopId} and leased_by = ${owner}
    returning shop_id`,
  );
  return renewed.length > 0;
}

/** Frees `owner`'s lease on a shop and sets when it is next due. */
export async function releaseLease(db: Tx, shopId: number, owner: string, nextDueAt: Date): Promise<void> {
  await db.execute(sql`
    update shop_sync_leases
    set leased_by = null, lease_until = null, next_due_at = ${nextDueAt.toISOString()}::timestamptz,
        last_synced_at = now()
    where shop_id = ${shopId} and leased_by = ${owner}`);
}

/** Who holds a shop's sync lease right now, if anyone (an expired lease is nobody's). */
export async function readLeaseHolder(
  db: Tx,
  shopId: number,
): Promise<{ owner: string; until: Date } | undefined> {
  const [row] = await rows(
    db,
    sql`select leased_by, lease_until from shop_sync_leases
        where shop_id = ${shopId} and leased_by is not null and lease_until >= now()`,
  );
  return row
    ? { owner: String(row.leased_by), until: new Date(row.lease_until as string | Date) }
    : undefined;
}

/** A claimed shop, with the authorization whose client syncs it. */
export async function readLeasedShop(
  db: Tx,
  shopId: number,
): Promise<(ShopRow & { authorizationId: number }) | undefined> {
  const [row] = await db
    .select({ ...shopColumns, authorizationId: shops.authorizationId })
    .from(shops)
    .where(eq(shops.id, shopId));
  return row && row.authorizationId !== null ? { ...row, authorizationId: row.authorizationId } : undefined;
}
