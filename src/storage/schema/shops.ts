import { sql } from "drizzle-orm";
import { check, integer, pgTable, serial, text, unique } from "drizzle-orm/pg-core";
import { createdAt, instant } from "./columns.ts";

/**
 * One seller authorization (a token pair can authorize several shops). Tokens are stored
 * encrypted with ENCRYPTION_KEY ("enc:v1:…"); sandbox tokens, which guard nothing, are stored
 * as "plain:…".
 */
export const authorizations = pgTable(
  "authorizations",
  {
    id: serial("id").primaryKey(),
    provider: text("provider").notNull(),
    openId: text("open_id").notNull(),
    sellerName: text("seller_name"),
    region: text("region"),
    accessToken: text("access_token").notNull(),
    refreshToken: text("refresh_token").notNull(),
    accessExpiresAt: instant("access_expires_at"),
    refreshExpiresAt: instant("refresh_expires_at"),
    scopes: text("scopes").array(),
    status: text("status").notNull().default("active"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [unique("authorizations_provider_open_id").on(t.provider, t.openId)],
);

export const shops = pgTable(
  "shops",
  {
    id: serial("id").primaryKey(),
    provider: text("provider").notNull(),
    externalId: text("external_id").notNull(),
    name: text("name").notNull(),
    region: text("region").notNull(),
    currency: text("currency"),
    timezone: text("timezone").notNull(),
    cipher: text("cipher"),
    sellerType: text("seller_type"),
    code: text("code"),
    /**
     * "seller" (a shop: statements, payouts) or "creator" (an affiliate creator account, user
     * type 1, no shop_cipher: commission orders only). Told by the token grant's user_type.
     */
    kind: text("kind").notNull().default("seller"),
    authorizationId: integer("authorization_id").references(() => authorizations.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
  },
  (t) => [
    unique("shops_provider_external").on(t.provider, t.externalId),
    check("shops_kind", sql`${t.kind} in ('seller', 'creator')`),
  ],
);
