import { eq, sql } from "drizzle-orm";
import type { AuthorizedShop, TokenSet, TokenStore } from "../../providers/port.ts";
import { openToken, sealToken } from "../crypto.ts";
import type { Tx } from "../database.ts";
import { authorizations, shops } from "../schema/index.ts";

/** The provider of shops made by importing Seller Center exports: they have no authorization to sync. */
export const CSV_PROVIDER = "csv";

export async function upsertAuthorization(
  db: Tx,
  input: {
    provider: string;
    openId: string;
    tokens: TokenSet;
    key: Buffer | undefined;
    sellerName?: string | undefined;
    region?: string | undefined;
    scopes?: string[] | undefined;
    /** The bot's clock (the sandbox's on the sandbox), so it compares with sync times. */
    now?: Date;
  },
): Promise<number> {
  const values = {
    provider: input.provider,
    openId: input.openId,
    sellerName: input.sellerName ?? null,
    region: input.region ?? null,
    accessToken: sealToken(input.tokens.accessToken, input.key),
    refreshToken: sealToken(input.tokens.refreshToken, input.key),
    accessExpiresAt: input.tokens.accessExpiresAt,
    refreshExpiresAt: input.tokens.refreshExpiresAt,
    scopes: input.scopes ?? null,
    status: "active",
    updatedAt: input.now ?? new Date(),
  };
  const [row] = await db
    .insert(authorizations)
    .values(values)
    .onConflictDoUpdate({ target: [authorizations.provider, authorizations.openId], set: values })
    .returning({ id: authorizations.id });
  return row!.id;
}

/** A TokenStore over one authorization row; what the client refreshes is stored at once. */
export function authorizationTokenStore(
  db: Tx,
  authorizationId: number,
  key: Buffer | undefined,
): TokenStore {
  return {
    async load() {
      const [row] = await db.select().from(authorizations).where(eq(authorizations.id, authorizationId));
      if (!row) throw new Error(`authorization ${authorizationId} is gone`);
      return {
        accessToken: openToken(row.accessToken, key),
        refreshToken: openToken(row.refreshToken, key),
        accessExpiresAt: row.accessExpiresAt,
        refreshExpiresAt: row.refreshExpiresAt,
      };
    },
    async save(tokens) {
      await db
        .update(authorizations)
        .set({
          accessToken: sealToken(tokens.accessToken, key),
          refreshToken: sealToken(tokens.refreshToken, key),
          accessExpiresAt: tokens.accessExpiresAt,
          refreshExpiresAt: tokens.refreshExpiresAt,
          status: "active",
          updatedAt: new Date(),
        })
        .where(eq(authorizations.id, authorizationId));
    },
  };
}

export async function markAuthorization(
  db: Tx,
  authorizationId: number,
  status: "active" | "needs_reauth" | "revoked",
): Promise<void> {
  await db
    .update(authorizations)
    .set({ status, updatedAt: new Date() })
    .where(eq(authorizations.id, authorizationId));
}

export async function listAuthorizations(db: Tx) {
  return db
    .select({ id: authorizations.id, provider: authorizations.provider, status: authorizations.status })
    .from(authorizations);
}

export async function upsertShop(
  db: Tx,
  input: {
    provider: string;
    shop: AuthorizedShop;
    timezone: string;
    currency: string | null;
    authorizationId: number;
  },
): Promise<number> {
  const values = {
    provider: input.provider,
    externalId: input.shop.externalId,
    name: input.shop.name,
    region: input.shop.region,
    timezone: input.timezone,
    cipher: input.shop.cipher,
    sellerType: input.shop.sellerType,
    code: input.shop.code,
    authorizationId: input.authorizationId,
  };
  return upsertShopRow(db, values, input.currency);
}

/**
 * Inserts or refreshes a `shops` row (a shop or a creator account) by provider and external id;
 * returns its id. A currency already learned from data is kept; one still unknown is filled.
 */
export async function upsertShopRow(
  db: Tx,
  values: Omit<typeof shops.$inferInsert, "currency">,
  currency: string | null,
): Promise<number> {
  const [row] = await db
    .insert(shops)
    .values({ ...values, currency })
    .onConflictDoUpdate({
      target: [shops.provider, shops.externalId],
      set: { ...values, currency: sql`coalesce(${shops.currency}, excluded.currency)` },
    })
    .returning({ id: shops.id });
  return row!.id;
}

export async function setShopCurrency(db: Tx, shopId: number, currency: string): Promise<void> {
  await db.update(shops).set({ currency }).where(eq(shops.id, shopId));
}

export async function shopsOfAuthorization(db: Tx, authorizationId: number) {
  return db.select().from(shops).where(eq(shops.authorizationId, authorizationId));
}

/** Token and authorization expiry of the authorization behind a shop (never the tokens themselves). */
export async function readAuthorizationHealth(db: Tx, shopId: number) {
  const [row] = await db
    .select({
      status: authorizations.status,
      accessExpiresAt: authorizations.accessExpiresAt,
      refreshExpiresAt: authorizations.refreshExpiresAt,
      provider: authorizations.provider,
    })
    .from(shops)
    .innerJoin(authorizations, eq(authorizations.id, shops.authorizationId))
    .where(eq(shops.id, shopId));
  return row ?? null;
}
