import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../database.ts";
import { authorizations, shops, workspaceShops } from "../schema/index.ts";

/**
 * Unlinks a shop from a workspace; when no workspace links any shop of its authorization any
 * more, deletes the authorization (its stored tokens) too. Shops and their history stay.
 */
export async function disconnectShop(
  db: Db,
  workspaceId: number,
  shopId: number,
): Promise<{ unlinked: boolean; credentialsDeleted: boolean }> {
  return db.transaction(async (tx) => {
    const unlinked = await tx
      .delete(workspaceShops)
      .where(and(eq(workspaceShops.workspaceId, workspaceId), eq(workspaceShops.shopId, shopId)))
      .returning({ shopId: workspaceShops.shopId });
    const [shop] = await tx
      .select({ authorizationId: shops.authorizationId })
      .from(shops)
      .where(eq(shops.id, shopId));
    const authorizationId = shop?.authorizationId ?? null;
    if (authorizationId === null) return { unlinked: unlinked.length > 0, credentialsDeleted: false };
    const [still] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(workspaceShops)
      .innerJoin(shops, eq(shops.id, workspaceShops.shopId))
      .where(eq(shops.authorizationId, authorizationId));
    if ((still?.n ?? 0) > 0) return { unlinked: unlinked.length > 0, credentialsDeleted: false };
    // shops.authorization_id is "on delete set null": the shops lose their credentials, not their data.
    await tx.delete(authorizations).where(eq(authorizations.id, authorizationId));
    return { unlinked: unlinked.length > 0, credentialsDeleted: true };
  });
}

/**
 * Moves active authorizations to `needs_reauth`; returns the ones this call moved (with the
 * moment), so exactly one caller (of several jobs or replicas) tells the channels.
 */
export async function flagNeedsReauth(
  db: Tx,
  authorizationIds: readonly number[],
  at: Date,
): Promise<{ id: number; at: Date }[]> {
  if (authorizationIds.length === 0) return [];
  const rows = await db
    .update(authorizations)
    .set({ status: "needs_reauth", updatedAt: at })
    .where(and(inArray(authorizations.id, [...authorizationIds]), eq(authorizations.status, "active")))
    .returning({ id: authorizations.id });
  return rows.map((r) => ({ id: r.id, at }));
}

/**
 * Takes one shop off its authorization (the seller deauthorized that shop): it stops syncing
 * and keeps its history; the seller's other shops are untouched. A reconnect re-attaches it.
 */
export async function detachShop(db: Tx, shopId: number): Promise<boolean> {
  const rows = await db
    .update(shops)
    .set({ authorizationId: null })
    .where(and(eq(shops.id, shopId), sql`${shops.authorizationId} is not null`))
    .returning({ id: shops.id });
  return rows.length > 0;
}

/** The authorizations behind shops with these TikTok shop ids, for one provider. */
export async function shopsByExternalId(db: Tx, provider: string, externalId: string) {
  return db
    .select({ id: shops.id, name: shops.name, authorizationId: shops.authorizationId })
    .from(shops)
    .where(and(eq(shops.provider, provider), eq(shops.externalId, externalId)));
}

/** Active authorizations of a provider with their expiries (never the tokens). */
export async function activeAuthorizations(db: Tx, provider: string) {
  return db
    .select({
      id: authorizations.id,
      accessExpiresAt: authorizations.accessExpiresAt,
      refreshExpiresAt: authorizations.refreshExpiresAt,
    })
    .from(authorizations)
    .where(and(eq(authorizations.provider, provider), eq(authorizations.status, "active")));
}

/** Token expiries per shop, for the metrics gauge. */
export async function tokenExpiries(db: Tx) {
  return db
    .select({
      shop: shops.name,
      accessExpiresAt: authorizations.accessExpiresAt,
      refreshExpiresAt: authorizations.refreshExpiresAt,
    })
    .from(shops)
    .innerJoin(authorizations, eq(authorizations.id, shops.authorizationId));
}
