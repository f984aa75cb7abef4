import { boolean, integer, pgTable, primaryKey, serial, text, unique } from "drizzle-orm/pg-core";
import { createdAt } from "./columns.ts";
import { shops } from "./shops.ts";

/** A chat workspace: (platform, Slack team id | Discord guild id | "console"). */
export const workspaces = pgTable(
  "workspaces",
  {
    id: serial("id").primaryKey(),
    platform: text("platform").notNull(),
    externalId: text("external_id").notNull(),
    name: text("name"),
    /** The language chosen with `/balance language` (en, id, vi, th); null: the platform's locale. */
    language: text("language"),
    createdAt: createdAt(),
  },
  (t) => [unique("workspaces_platform_external").on(t.platform, t.externalId)],
);

/** Which shops a workspace may see. A command only ever reads shops linked here. */
export const workspaceShops = pgTable(
  "workspace_shops",
  {
    workspaceId: integer("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    shopId: integer("shop_id")
      .notNull()
      .references(() => shops.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.shopId] })],
);

/** A channel of a workspace, with its digest settings (local time in an IANA zone). */
export const channels = pgTable(
  "channels",
  {
    id: serial("id").primaryKey(),
    workspaceId: integer("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    externalId: text("external_id").notNull(),
    digestEnabled: boolean("digest_enabled").notNull().default(false),
    digestTime: text("digest_time").notNull().default("09:00"),
    digestZone: text("digest_zone"),
    createdAt: createdAt(),
  },
  (t) => [unique("channels_workspace_external").on(t.workspaceId, t.externalId)],
);
