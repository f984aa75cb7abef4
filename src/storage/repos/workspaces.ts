import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../database.ts";
import { channels, shops, workspaceShops, workspaces } from "../schema/index.ts";
import { lastSyncOf } from "./balance.ts";

export interface ShopRow {
  id: number;
  provider: string;
  externalId: string;
  name: string;
  region: string;
  currency: string | null;
  timezone: string;
  cipher: string | null;
  /** "seller" (a shop) or "creator" (an affiliate creator account: commission orders only). */
  kind: string;
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
  kind: shops.kind,
};

/** Finds or creates a workspace; returns its id. */
export async function ensureWorkspace(
  db: Tx,
  platform: string,
  externalId: string,
  name?: string,
): Promise<number> {
  return (await ensureWorkspaceRow(db, platform, externalId, name)).id;
}

/** Finds or creates a workspace; returns its id and the language chosen there (null: none yet). */
export async function ensureWorkspaceRow(
  db: Tx,
  platform: string,
  externalId: string,
  name?: string,
): Promise<{ id: number; language: string | null }> {
  const [row] = await db
    .insert(workspaces)
    .values({ platform, externalId, name: name ?? null })
    .onConflictDoUpdate({ target: [workspaces.platform, workspaces.externalId], set: { platform } })
    .returning({ id: workspaces.id, language: workspaces.language });
  return row!;
}

/** The language chosen in a workspace, without creating it (null: none chosen, or no such workspace). */
export async function readWorkspaceLanguage(
  db: Tx,
  platform: string,
  externalId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ language: workspaces.language })
    .from(workspaces)
    .where(and(eq(workspaces.platform, platform), eq(workspaces.externalId, externalId)));
  return row?.language ?? null;
}

/** Chooses the workspace's language (null: back to each platform's locale). */
export async function setWorkspaceLanguage(
  db: Tx,
  workspaceId: number,
  language: string | null,
): Promise<void> {
  await db.update(workspaces).set({ language }).where(eq(workspaces.id, workspaceId));
}

export async function ensureChannel(db: Tx, workspaceId: number, externalId: string): Promise<number> {
  const [row] = await db
    .insert(channels)
    .values({ workspaceId, externalId })
    .onConflictDoUpdate({ target: [channels.workspaceId, channels.externalId], set: { workspaceId } })
    .returning({ id: channels.id });
  return row!.id;
}

/** A workspace, one of its channels and the shops linked to it, as one read finds them. */
export interface ScopeRow {
  workspaceId: number;
  language: string | null;
  /** Null: the channel is not known yet. */
  channelId: number | null;
  shops: ShopRow[];
  /** Each shop's sync: read with the scope, so a reply's footer and notes cost no query. */
  syncs: Map<number, ShopSync>;
}

/** How current a shop's data is. */
export interface ShopSync {
  /** When its data was last complete (`lastSyncOf`); null: never yet. */
  lastSync: Date | null;
  /** Linked through an authorization, so a sync reads it (an imported shop is not synced). */
  syncedByApi: boolean;
}

const syncColumns = {
  lastSync: lastSyncOf(shops.id),
  syncedByApi: sql<boolean>`${shops.authorizationId} is not null`,
};

/** The sync of each shop (the slow path of a new workspace or channel; `readScope` has them). */
export async function readShopSyncs(db: Tx, shopIds: readonly number[]): Promise<Map<number, ShopSync>> {
  if (shopIds.length === 0) return new Map();
  const rows = await db
    .select({ id: shops.id, ...syncColumns })
    .from(shops)
    .where(inArray(shops.id, [...shopIds]));
  return new Map(rows.map(({ id, ...sync }) => [id, sync]));
}

/**
 * Reads a workspace, the channel and its linked shops (oldest link first) in one query, writing
 * nothing; undefined when the workspace is not known yet (ensureWorkspaceRow creates it).
 */
export async function readScope(
  db: Tx,
  platform: string,
  externalId: string,
  channelExternalId: string,
): Promise<ScopeRow | undefined> {
  const rows = await db
    .select({
      workspaceId: workspaces.id,
      language: workspaces.language,
      channelId: channels.id,
      shop: shopColumns,
      sync: syncColumns,
    })
    .from(workspaces)
    .leftJoin(
      channels,
      and(eq(channels.workspaceId, workspaces.id), eq(channels.externalId, channelExternalId)),
    )
    .leftJoin(workspaceShops, eq(workspaceShops.workspaceId, workspaces.id))
    .leftJoin(shops, eq(shops.id, workspaceShops.shopId))
    .where(and(eq(workspaces.platform, platform), eq(workspaces.externalId, externalId)))
    .orderBy(asc(workspaceShops.createdAt), asc(shops.id));
  const [first] = rows;
  if (!first) return undefined;
  return {
    workspaceId: first.workspaceId,
    language: first.language,
    channelId: first.channelId,
    shops: rows.flatMap((r) => (r.shop ? [r.shop] : [])),
    syncs: new Map(
      rows.flatMap((r) =>
        r.shop
          ? [[r.shop.id, { lastSync: r.sync?.lastSync ?? null, syncedByApi: !!r.sync?.syncedByApi }]]
          : [],
      ),
    ),
  };
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
