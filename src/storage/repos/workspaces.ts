import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { channels, shops, workspaceShops, workspaces } from "../schema/index.ts";

export interface ShopRow {
  id: number;
  provider: string;
  externalId: string;
  name: string;
  region: string;
  currency: string | null;
  timezone: string;
  cipher: string | null;
}

/** The columns of a ShopRow, for every query that returns shops. */
export const shopColumns = {
  id: shops.id,
  provider: shops.provider,
  externalId: shops.externalId,
  name: shops.name,
  region: shops.region,
  currency: shops.currency,
  timezone: shops.timezone,
  cipher: shops.cipher,
};

/** Finds or creates a workspace; returns its id. */
export async function ensureWorkspace(
  db: Tx,
  platform: string,
  externalId: string,
  name?: string,
): Promise<number> {
  const [row] = await db
    .insert(workspaces)
    .values({ platform, externalId, name: name ?? null })
    .onConflictDoUpdate({ target: [workspaces.platform, workspaces.externalId], set: { platform } })
    .returning({ id: workspaces.id });
  return row!.id;
}

export async function ensureChannel(db: Tx, workspaceId: number, externalId: string): Promise<number> {
  const [row] = await db
    .insert(channels)
    .values({ workspaceId, externalId })
    .onConflictDoUpdate({ target: [channels.workspaceId, channels.externalId], set: { workspaceId } })
    .returning({ id: channels.id });
  return row!.id;
}

/** The shops a workspace may see, oldest link first. */
export async function listLinkedShops(db: Tx, workspaceId: number): Promise<ShopRow[]> {
  return db
    .select(shopColumns)
    .from(workspaceShops)
    .innerJoin(shops, eq(shops.id, workspaceShops.shopId))
    .where(eq(workspaceShops.workspaceId, workspaceId))
    .orderBy(asc(workspaceShops.createdAt), asc(shops.id));
}

export async function listShopsByProvider(db: Tx, provider: string): Promise<ShopRow[]> {
  return db.select(shopColumns).from(shops).where(eq(shops.provider, provider)).orderBy(asc(shops.id));
}

export async function listAllShops(db: Tx): Promise<ShopRow[]> {
  return db.select(shopColumns).from(shops).orderBy(asc(shops.id));
}

export async function linkShop(db: Tx, workspaceId: number, shopId: number): Promise<void> {
  await db.insert(workspaceShops).values({ workspaceId, shopId }).onConflictDoNothing();
}

export async function unlinkShop(db: Tx, workspaceId: number, shopId: number): Promise<boolean> {
  const rows = await db
    .delete(workspaceShops)
    .where(and(eq(workspaceShops.workspaceId, workspaceId), eq(workspaceShops.shopId, shopId)))
    .returning({ shopId: workspaceShops.shopId });
  return rows.length > 0;
}
