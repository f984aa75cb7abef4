import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, instant } from "./columns.ts";
import { workspaces } from "./workspaces.ts";

/** Single-use OAuth `state` values, bound to the workspace and channel that asked to connect. */
export const oauthStates = pgTable("oauth_states", {
  state: text("state").primaryKey(),
  workspaceId: integer("workspace_id")
    .notNull()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  platform: text("platform").notNull(),
  channel: text("channel").notNull(),
  createdBy: text("created_by").notNull(),
  expiresAt: instant("expires_at").notNull(),
  usedAt: instant("used_at"),
  createdAt: createdAt(),
});

/** TikTok webhook deliveries already handled (duplicates are dropped by notification id). */
export const webhookEvents = pgTable("webhook_events", {
  notificationId: text("notification_id").primaryKey(),
  type: integer("type").notNull(),
  shopExternalId: text("shop_external_id"),
  receivedAt: createdAt(),
});
